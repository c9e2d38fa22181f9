//! Outgoing mail. Use cases put every mail in the outbox table, in the same
//! transaction as what caused it; this sender delivers the outbox over SMTP
//! when SMTP is configured. Without SMTP, mails stay in the outbox, where the
//! hoofdsignaalverwerker reads them (`/{tenant}/beheer/uitgaande-mail`) with
//! their links masked; `seinhuis link` prints a person's link for the operator.
//!
//! The outbox never holds a usable link: a mail keeps a placeholder where the
//! token of its link goes, and the sender derives the token with the link key
//! just before delivering (`server::passwords`).

use std::time::Duration;

use chrono::Utc;
use lettre::message::header::ContentType;
use lettre::message::{MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::Deserialize;

use super::passwords::{LinkKey, link_token, placeholder};
use crate::error::AppError;
use crate::storage::{Store, Tx};

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SmtpTls {
    /// Plain SMTP: only for a relay on the same machine or in tests.
    None,
    /// STARTTLS, usually port 587.
    Starttls,
    /// TLS from the first byte, usually port 465.
    Tls,
}

/// `[seinhuis.mail]` in Leptos.toml.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct MailConfig {
    pub from: String,
    pub smtp_host: Option<String>,
    pub smtp_port: Option<u16>,
    pub smtp_username: Option<String>,
    pub smtp_password: Option<String>,
    pub smtp_tls: SmtpTls,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            from: "Seinhuis <no-reply@seinhuis.invalid>".into(),
            smtp_host: None,
            smtp_port: None,
            smtp_username: None,
            smtp_password: None,
            smtp_tls: SmtpTls::Starttls,
        }
    }
}

// The password never reaches a log.
impl std::fmt::Debug for MailConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailConfig")
            .field("from", &self.from)
            .field("smtp_host", &self.smtp_host)
            .field("smtp_port", &self.smtp_port)
            .field("smtp_username", &self.smtp_username)
            .field("smtp_password", &self.smtp_password.as_ref().map(|_| "***"))
            .field("smtp_tls", &self.smtp_tls)
            .finish()
    }
}

impl MailConfig {
    fn transport(&self) -> Result<Option<AsyncSmtpTransport<Tokio1Executor>>, AppError> {
        let Some(host) = self.smtp_host.as_deref().filter(|h| !h.is_empty()) else {
            return Ok(None);
        };
        let mut builder = match self.smtp_tls {
            SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
            SmtpTls::Starttls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host).map_err(AppError::internal)?,
            SmtpTls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(AppError::internal)?,
        };
        if let Some(port) = self.smtp_port {
            builder = builder.port(port);
        }
        if let (Some(user), Some(password)) = (&self.smtp_username, &self.smtp_password) {
            builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
        }
        Ok(Some(builder.timeout(Some(Duration::from_secs(20))).build()))
    }
}

/// A mail's body with the tokens of its links filled in; None when a row it
/// links to is gone (an expired citizen's report).
pub async fn fill_links(tx: &mut dyn Tx, key: &LinkKey, mail: i64, body: &str) -> Result<Option<String>, AppError> {
    let mut body = body.to_string();
    for (kind, id) in tx.mail_links(mail).await? {
        let Some(token) = link_token(tx, key, kind, id).await? else { return Ok(None) };
        body = body.replace(&placeholder(kind, id), &token);
    }
    Ok(Some(body))
}

/// Deliver what waits in the outbox; how many were sent. Nothing happens
/// without SMTP settings.
pub async fn deliver_pending(store: &dyn Store, config: &MailConfig, key: &LinkKey) -> Result<usize, AppError> {
    let Some(transport) = config.transport()? else { return Ok(0) };
    let from = config.from.parse().map_err(AppError::internal)?;
    let claimed = {
        let mut tx = store.write().await?;
        let mails = tx.claim_unsent_mail(20, Utc::now()).await?;
        tx.commit().await?;
        mails
    };
    let mut sent = 0;
    for mail in claimed {
        let (body, attachment) = {
            let mut tx = store.write().await?;
            let body = fill_links(&mut *tx, key, mail.id, &mail.body).await?;
            let attachment = tx.mail_attachment(mail.id).await?;
            tx.commit().await?;
            (body, attachment)
        };
        let message = body.ok_or_else(|| "de link in deze mail bestaat niet meer".to_string()).and_then(|body| {
            let to = mail.to.parse().map_err(|e: lettre::address::AddressError| e.to_string())?;
            let builder = Message::builder().from(Clone::clone(&from)).to(to).subject(&mail.subject);
            match &attachment {
                None => builder.header(ContentType::TEXT_PLAIN).body(body),
                Some(file) => {
                    let kind = ContentType::parse(&file.content_type).map_err(|e| e.to_string())?;
                    builder.multipart(
                        MultiPart::mixed()
                            .singlepart(SinglePart::plain(body))
                            .singlepart(lettre::message::Attachment::new(file.name.clone()).body(file.body.clone(), kind)),
                    )
                }
            }
            .map_err(|e| e.to_string())
        });
        let result = match message {
            Ok(message) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        let mut tx = store.write().await?;
        match result {
            Ok(()) => {
                tx.mark_mail_sent(mail.id, Utc::now()).await?;
                sent += 1;
            }
            Err(error) => {
                tracing::warn!(mail = mail.id, %error, "sending mail failed; will retry");
                tx.mark_mail_failed(mail.id, &error).await?;
            }
        }
        tx.commit().await?;
    }
    Ok(sent)
}

/// Keep delivering in the background, if SMTP is configured.
pub fn spawn_sender(store: std::sync::Arc<dyn Store>, config: MailConfig, key: LinkKey) {
    if config.smtp_host.is_none() {
        tracing::info!("no SMTP configured: mails stay in the outbox");
        return;
    }
    tokio::spawn(async move {
        loop {
            if let Err(e) = deliver_pending(store.as_ref(), &config, &key).await {
                tracing::warn!(error = %e, "mail delivery round failed");
            }
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });
}
