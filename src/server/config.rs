//! Runtime configuration: `Leptos.toml` at the repository root, overridden by
//! environment variables, overridden by the command line.

use std::path::{Path, PathBuf};

use leptos::config::LeptosOptions;
use serde::Deserialize;

use super::mail::MailConfig;
use super::passwords::LinkKey;
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
    /// The secret that derives the tokens of links in mails (`link-key`).
    pub link_key: LinkKey,
    /// Daily limits and retention periods (`[seinhuis.limits]`).
    pub limits: AbuseLimits,
}

/// `[seinhuis.limits]`: how much one address or organisation may ask for, and
/// how long traces of people are kept.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", default)]
pub struct AbuseLimits {
    /// Password-reset mails per e-mail address per day; more requests get the
    /// same answer but no mail.
    pub reset_mails_per_day: i64,
    /// Invitation requests per organisation per day.
    pub invitation_requests_per_day: i64,
    /// A citizen's confirmation link works this long; an unconfirmed report
    /// is then deleted with its e-mail address.
    pub citizen_confirm_hours: i64,
    /// Client addresses in the audit log are blanked after this many days.
    pub audit_address_days: i64,
}

impl Default for AbuseLimits {
    fn default() -> Self {
        AbuseLimits { reset_mails_per_day: 3, invitation_requests_per_day: 10, citizen_confirm_hours: 48, audit_address_days: 90 }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
pub struct SessionConfig {
    /// Log out after this long without a request.
    pub idle_minutes: i64,
    /// Log out this long after logging in, whatever happens.
    pub absolute_hours: i64,
    /// A session in use is written back (its idle time starting again) at
    /// most this often: not on every request, which would make every page a
    /// write to the database.
    pub touch_seconds: i64,
}

impl Default for SessionConfig {
    fn default() -> Self {
        SessionConfig { idle_minutes: 60, absolute_hours: 12, touch_seconds: 60 }
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
    link_key: Option<String>,
    limits: AbuseLimits,
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
        let rate_limit_per_minute = match env("SEINHUIS_RATE_LIMIT_PER_MINUTE") {
            Some(n) => n.parse().map_err(|_| anyhow::anyhow!("SEINHUIS_RATE_LIMIT_PER_MINUTE is not a number: {n}"))?,
            None => file.rate_limit_per_minute.unwrap_or(super::limits::DEFAULT_PER_MINUTE),
        };
        let trusted_proxies = match env("SEINHUIS_TRUSTED_PROXIES") {
            Some(list) => TrustedProxies::parse_list(&list).map_err(|e| anyhow::anyhow!("SEINHUIS_TRUSTED_PROXIES: {e}"))?,
            None => file.trusted_proxies,
        };
        let link_key = match env("SEINHUIS_LINK_KEY").or(file.link_key) {
            Some(text) => LinkKey::new(&text).map_err(|e| anyhow::anyhow!("link-key (or SEINHUIS_LINK_KEY): {e}"))?,
            None => generated_link_key(&data_dir(&database_url))?,
        };
        let limits = file.limits;
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
            link_key,
            limits,
        })
    }
}

/// Where a generated link key is kept: beside the SQLite database, or in
/// `./data` for PostgreSQL.
fn data_dir(database_url: &str) -> PathBuf {
    let Some(path) = database_url.strip_prefix("sqlite://").or_else(|| database_url.strip_prefix("sqlite:")) else {
        return PathBuf::from("data");
    };
    let path = Path::new(path.split('?').next().unwrap_or(path));
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Without a configured key: the one in `DIR/link-key`, made (random, readable
/// by this user only) on first start. Several server instances must share one
/// key: configure it for them (SEINHUIS_LINK_KEY).
fn generated_link_key(dir: &Path) -> anyhow::Result<LinkKey> {
    let path = dir.join("link-key");
    if !path.exists() {
        std::fs::create_dir_all(dir)?;
        // Written aside and linked into place, so two processes starting at
        // once agree on one key.
        let aside = dir.join(format!(".link-key-{}-{}", std::process::id(), rand::random::<u32>()));
        {
            use std::io::Write;
            use std::os::unix::fs::OpenOptionsExt;
            let mut file = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(&aside)?;
            writeln!(file, "{}", LinkKey::generate())?;
        }
        match std::fs::hard_link(&aside, &path) {
            Ok(()) => tracing::info!(path = %path.display(), "generated a link key; keep it out of database backups"),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => {
                let _ = std::fs::remove_file(&aside);
                return Err(anyhow::anyhow!("{}: {e}", path.display()));
            }
        }
        let _ = std::fs::remove_file(&aside);
    }
    let text = std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    LinkKey::new(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

fn env_flag(name: &str) -> Option<bool> {
    env(name).map(|v| matches!(v.as_str(), "1" | "true" | "yes" | "on"))
}
