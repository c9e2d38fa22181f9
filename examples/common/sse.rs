//! A small reader of Server-Sent Events over a reqwest response, for the live
//! board's tests and benchmark: `id:`, `event:` and `data:` lines, one
//! message per blank line, comment lines (`:`) skipped, as a browser's
//! EventSource reads them.

/// One message as it came: each field as written, if it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    pub id: Option<String>,
    pub event: Option<String>,
    /// `data:` lines joined with newlines.
    pub data: Option<String>,
}

pub struct SseReader {
    response: reqwest::Response,
    /// Bytes received but not yet read as whole lines.
    buffer: Vec<u8>,
    /// The message being read; kept here, so a read cut off by a timeout loses nothing.
    message: Message,
}

impl SseReader {
    pub fn new(response: reqwest::Response) -> Self {
        SseReader { response, buffer: Vec::new(), message: Message::default() }
    }

    /// The next message; None when the stream ended. A block of comments
    /// only (a keep-alive) is no message.
    pub async fn next(&mut self) -> reqwest::Result<Option<Message>> {
        loop {
            while let Some(end) = self.buffer.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = self.buffer.drain(..=end).collect();
                let line = String::from_utf8_lossy(&line);
                let line = line.trim_end_matches(['\n', '\r']);
                if line.is_empty() {
                    let message = std::mem::take(&mut self.message);
                    if message != Message::default() {
                        return Ok(Some(message));
                    }
                    continue;
                }
                if line.starts_with(':') {
                    continue;
                }
                let (field, value) = match line.split_once(':') {
                    Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
                    None => (line, ""),
                };
                match field {
                    "id" => self.message.id = Some(value.to_string()),
                    "event" => self.message.event = Some(value.to_string()),
                    "data" => match &mut self.message.data {
                        Some(data) => {
                            data.push('\n');
                            data.push_str(value);
                        }
                        None => self.message.data = Some(value.to_string()),
                    },
                    _ => {}
                }
            }
            match self.response.chunk().await? {
                Some(chunk) => self.buffer.extend_from_slice(&chunk),
                None => return Ok(None),
            }
        }
    }
}
