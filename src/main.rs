//! The `seinhuis` command: serve the app, migrate, load demo data, add tenants.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use seinhuis::server::config::Config;
use seinhuis::server::{AppState, http};
use seinhuis::{demo, storage, usecases};

#[derive(Parser)]
#[command(name = "seinhuis", version, about = "Seinhuis: signalen van het werkveld naar beleid")]
struct Cli {
    /// Database URL: sqlite://… or postgres://… (overrides Leptos.toml and SEINHUIS_DATABASE_URL).
    #[arg(long, global = true)]
    database_url: Option<String>,
    /// The configuration file.
    #[arg(long, global = true, default_value = "Leptos.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the web server (the default).
    Serve,
    /// Create or update the database schema, then stop.
    Migrate,
    /// Load demo data into an empty database.
    Demo,
    /// Manage tenants (municipalities, zones, supra-local bodies).
    Tenant {
        #[command(subcommand)]
        command: TenantCommand,
    },
}

#[derive(Subcommand)]
enum TenantCommand {
    /// Add a tenant.
    Add {
        /// Short lower-case name used in addresses, e.g. `gent` or `elz-amalo`.
        slug: String,
        /// Full name, e.g. "Stad Gent".
        #[arg(long)]
        name: String,
        /// gemeente, eerstelijnszone or bovenlokaal.
        #[arg(long, default_value = "gemeente")]
        kind: String,
    },
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
        )
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    match run(Cli::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("seinhuis: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    let config = Config::load(&cli.config, cli.database_url)?;
    let store = storage::open(&config.database_url).await?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            if config.demo_data && demo::load_if_empty(store.as_ref()).await? {
                tracing::info!("demo data loaded");
            }
            println!("Seinhuis draait op http://{}", config.leptos.site_addr);
            if config.demo_data {
                demo::print_accounts();
            }
            let state = AppState { leptos_options: config.leptos.clone(), store, config: Arc::new(config) };
            http::serve(state).await
        }
        Command::Migrate => {
            println!("Database is bijgewerkt.");
            Ok(())
        }
        Command::Demo => {
            if demo::load_if_empty(store.as_ref()).await? {
                println!("Demodata geladen.");
                demo::print_accounts();
                Ok(())
            } else {
                anyhow::bail!("de database is niet leeg: demodata worden alleen in een lege database geladen")
            }
        }
        Command::Tenant { command: TenantCommand::Add { slug, name, kind } } => {
            let mut tx = store.write().await?;
            let id = usecases::tenants::create(&mut *tx, &slug, &name, &kind)
                .await
                .map_err(|e| anyhow::anyhow!(e.message()))?;
            tx.commit().await?;
            println!("Toegevoegd: {slug} ({name}), id {id}.");
            Ok(())
        }
    }
}
