//! Runtime configuration: `Leptos.toml` at the repository root, overridden by
//! environment variables, overridden by the command line.

use std::path::Path;

use leptos::config::LeptosOptions;
use serde::Deserialize;

use super::mail::MailConfig;
use super::proxy::TrustedProxies;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/seinhuis.db";

#[derive(Clone, Debug)]
pub struct Config {
    pub leptos: LeptosOptions,
    pub database_url: String,
    /// Load demo data into an empty database at start.
    pub demo_data: bool,
    pub sessions: SessionConfig,
    /// The address people use to reach Seinhuis, for links in mails.
    pub public_url: String,
    /// Served over HTTPS (by a proxy in front): secure cookies and HSTS.
    pub https: bool,
    pub mail: MailConfig,
    /// Log-in, password-reset and invitation attempts a minute per address.
    pub rate_limit_per_minute: u32,
    /// Proxies whose `X-Forwarded-For` is believed (`trusted-proxies`).
    pub trusted_proxies: TrustedProxies,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct SessionConfig {
    /// Log out after this long without a request.
    pub idle_minutes: i64,
    /// Log out this long after logging in, whatever happens.
    pub absolute_hours: i64,
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig { idle_minutes: 60, absolute_hours: 12 }
    }
}

/// The `[seinhuis]` section of Leptos.toml.
#[derive(Default, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
struct FileSettings {
    database_url: Option<String>,
    demo_data: Option<bool>,
    public_url: Option<String>,
    https: Option<bool>,
    rate_limit_per_minute: Option<u32>,
    trusted_proxies: TrustedProxies,
    sessions: SessionConfig,
    mail: MailConfig,
}

#[derive(Default, Deserialize)]
struct File {
    #[serde(default)]
    seinhuis: FileSettings,
}

impl Config {
    /// Read `path` (missing is fine: defaults apply), then the environment,
    /// then `database_url` from the command line.
    pub fn load(path: &Path, database_url: Option<String>) -> anyhow::Result<Config> {
        let (leptos, file) = if path.exists() {
            let text = std::fs::read_to_string(path)?;
            let leptos = leptos::config::get_config_from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let file: File = toml::from_str(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            (leptos, file.seinhuis)
        } else {
            let leptos = leptos::config::get_configuration(None).map_err(|e| anyhow::anyhow!("{e}"))?.leptos_options;
            (leptos, FileSettings::default())
        };
        let database_url = database_url
            .or_else(|| std::env::var("SEINHUIS_DATABASE_URL").ok())
            .or(file.database_url)
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let demo_data = env_flag("SEINHUIS_DEMO_DATA").or(file.demo_data).unwrap_or(false);
        let https = env_flag("SEINHUIS_HTTPS").or(file.https).unwrap_or(false);
        let public_url = env("SEINHUIS_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{}", leptos.site_addr))
            .trim_end_matches('/')
            .to_string();
        let mut mail = file.mail;
        if let Some(v) = env("SEINHUIS_MAIL_FROM") {
            mail.from = v;
        }
        mail.smtp_host = env("SEINHUIS_SMTP_HOST").or(mail.smtp_host);
        if let Some(port) = env("SEINHUIS_SMTP_PORT") {
            mail.smtp_port = Some(port.parse().map_err(|_| anyhow::anyhow!("SEINHUIS_SMTP_PORT is not a port: {port}"))?);
        }
        mail.smtp_username = env("SEINHUIS_SMTP_USERNAME").or(mail.smtp_username);
        mail.smtp_password = env("SEINHUIS_SMTP_PASSWORD").or(mail.smtp_password);
        if let Some(tls) = env("SEINHUIS_SMTP_TLS") {
            mail.smtp_tls = toml::Value::String(tls.clone())
                .try_into()
                .map_err(|_| anyhow::anyhow!("SEINHUIS_SMTP_TLS must be none, starttls or tls, not {tls}"))?;
        }
        let rate_limit_per_minute = file.rate_limit_per_minute.unwrap_or(super::limits::DEFAULT_PER_MINUTE);
        let trusted_proxies = match env("SEINHUIS_TRUSTED_PROXIES") {
            Some(list) => TrustedProxies::parse_list(&list).map_err(|e| anyhow::anyhow!("SEINHUIS_TRUSTED_PROXIES: {e}"))?,
            None => file.trusted_proxies,
        };
        Ok(Config {
            leptos,
            database_url,
            demo_data,
            sessions: file.sessions,
            public_url,
            https,
            mail,
            rate_limit_per_minute,
            trusted_proxies,
        })
    }
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn env_flag(name: &str) -> Option<bool> {
    env(name).map(|v| matches!(v.as_str(), "1" | "true" | "yes" | "on"))
}
