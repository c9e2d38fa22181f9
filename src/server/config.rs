//! Runtime configuration: `Leptos.toml` at the repository root, overridden by
//! environment variables, overridden by the command line.

use std::path::Path;

use leptos::config::LeptosOptions;
use serde::Deserialize;

pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/seinhuis.db";

#[derive(Clone, Debug)]
pub struct Config {
    pub leptos: LeptosOptions,
    pub database_url: String,
    /// Load demo data into an empty database at start.
    pub demo_data: bool,
    pub sessions: SessionConfig,
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
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", default)]
struct FileSettings {
    database_url: Option<String>,
    demo_data: Option<bool>,
    sessions: SessionConfig,
}

#[derive(Debug, Default, Deserialize)]
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
            let leptos = leptos::config::get_config_from_str(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            let file: File = toml::from_str(&text)
                .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
            (leptos, file.seinhuis)
        } else {
            let leptos = leptos::config::get_configuration(None)
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .leptos_options;
            (leptos, FileSettings::default())
        };
        let database_url = database_url
            .or_else(|| std::env::var("SEINHUIS_DATABASE_URL").ok())
            .or(file.database_url)
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let demo_data = match std::env::var("SEINHUIS_DEMO_DATA") {
            Ok(v) => matches!(v.as_str(), "1" | "true" | "yes" | "on"),
            Err(_) => file.demo_data.unwrap_or(false),
        };
        Ok(Config { leptos, database_url, demo_data, sessions: file.sessions })
    }
}

