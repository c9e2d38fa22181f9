//! Mails as people receive them: the outbox delivered through the test SMTP
//! server (aiosmtpd, started by `make test`) and read back from its maildir.
//! Each delivery uses a From address of its own, so tests running at the same
//! time (on both backends, with the same demo addresses) never read each
//! other's mails.
#![allow(dead_code)]

use seinhuis::server::config::Config;
use seinhuis::server::mail::{MailConfig, SmtpTls, deliver_pending};
use seinhuis::server::passwords::LinkKey;
use seinhuis::storage::Store;

use crate::common::TestApp;

pub fn smtp() -> (String, u16) {
    let address = std::env::var("SEINHUIS_TEST_SMTP")
        .expect("SEINHUIS_TEST_SMTP is not set: run `make test`, which starts an SMTP server (aiosmtpd)");
    let (host, port) = address.rsplit_once(':').expect("host:port");
    (host.to_string(), port.parse().expect("a port"))
}

pub fn smtp_config(from: &str) -> MailConfig {
    let (host, port) = smtp();
    MailConfig { from: from.into(), smtp_host: Some(host), smtp_port: Some(port), smtp_tls: SmtpTls::None, ..MailConfig::default() }
}

/// The link key the app of this database runs with (the configuration is read
/// again, as the server read it).
pub fn link_key(app: &TestApp) -> LinkKey {
    Config::load(std::path::Path::new("Leptos.toml"), Some(app.db.url.clone())).unwrap().link_key
}

/// Deliver what waits in the outbox; the From address that marks these mails.
pub async fn deliver(store: &dyn Store, key: &LinkKey) -> String {
    let from = format!("seinhuis-{}@test.example", rand::random::<u64>());
    let config = smtp_config(&format!("Seinhuis <{from}>"));
    while deliver_pending(store, &config, key).await.unwrap() > 0 {}
    from
}

/// A received mail: its raw text and its decoded body.
#[derive(Clone, Debug)]
pub struct Received {
    pub raw: String,
    pub body: String,
}

/// The mails from `from` to `to` in the maildir, oldest first.
pub fn received(from: &str, to: &str) -> Vec<Received> {
    let maildir = std::path::PathBuf::from(std::env::var("SEINHUIS_TEST_MAILDIR").expect("SEINHUIS_TEST_MAILDIR"));
    let mut files: Vec<_> = std::fs::read_dir(maildir.join("new"))
        .expect("the SMTP server's mailbox")
        .map(|e| e.unwrap().path())
        .map(|path| (std::fs::metadata(&path).and_then(|m| m.modified()).unwrap(), path))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|(_, path)| std::fs::read_to_string(path).unwrap())
        .filter(|raw| raw.contains(from) && header(raw, "To").is_some_and(|t| t.to_lowercase().contains(&to.to_lowercase())))
        .map(|raw| Received { body: decode_body(&raw), raw })
        .collect()
}

fn header<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    raw.lines().take_while(|l| !l.is_empty()).find_map(|l| l.strip_prefix(&format!("{name}: ")))
}

/// The body of a single-part mail, decoded from quoted-printable if need be.
pub fn decode_body(raw: &str) -> String {
    let raw = raw.replace("\r\n", "\n");
    let body = raw.split_once("\n\n").map(|(_, b)| b).unwrap_or("");
    match header(&raw, "Content-Transfer-Encoding").map(str::trim) {
        Some("quoted-printable") => quoted_printable(body),
        Some("base64") => panic!("a base64 body: decode it here too"),
        _ => body.to_string(),
    }
}

fn quoted_printable(text: &str) -> String {
    let text = text.replace("=\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).expect("UTF-8 text")
}

/// The word of `text` that contains `part` (a link).
pub fn link_in(text: &str, part: &str) -> Option<String> {
    text.split_whitespace().find(|w| w.contains(part)).map(str::to_string)
}

/// Deliver the outbox and return the link containing `part` from the newest
/// mail to `to` that has one.
pub async fn mailed_link(app: &TestApp, to: &str, part: &str) -> String {
    let from = deliver(app.db.store.as_ref(), &link_key(app)).await;
    received(&from, to)
        .iter()
        .rev()
        .find_map(|m| link_in(&m.body, part))
        .unwrap_or_else(|| panic!("no mail to {to} with a link containing {part}"))
}

/// The token at the end of a link.
pub fn token_of(link: &str) -> &str {
    link.rsplit(['/', '=']).next().unwrap()
}

/// Deliver the outbox and return the newest mail that arrived for `to`.
pub async fn newest_mail(app: &TestApp, to: &str) -> Received {
    let from = deliver(app.db.store.as_ref(), &link_key(app)).await;
    received(&from, to).pop().unwrap_or_else(|| panic!("no mail arrived for {to}"))
}
