//! The `seinhuis` command: serve the app, migrate, load demo data, add tenants.

use std::path::PathBuf;

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
    /// Manage people.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Print a person's link, for an operator without a mail server.
    Link {
        #[command(subcommand)]
        command: LinkCommand,
    },
}

#[derive(Subcommand)]
enum LinkCommand {
    /// The link of the invitation waiting for this address (the one in its mail).
    Invitation {
        /// The tenant's short name, e.g. `gent`.
        #[arg(long)]
        tenant: String,
        #[arg(long)]
        email: String,
    },
    /// A new link to choose a password (works two hours, once).
    Password {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Add a person to a tenant with a role, or make someone platform beheerder.
    /// Without --password-stdin the person gets a link to choose a password.
    Add {
        /// The tenant's short name, e.g. `gent` (not with --platform-admin).
        #[arg(long, required_unless_present = "platform_admin")]
        tenant: Option<String>,
        #[arg(long)]
        email: String,
        /// signaalgever, signaalverwerker, hoofdsignaalverwerker, regisseur or mandataris.
        #[arg(long, required_unless_present = "platform_admin")]
        role: Option<String>,
        #[arg(long, default_value = "")]
        name: String,
        /// Read the password from standard input (one line).
        #[arg(long)]
        password_stdin: bool,
        /// Create the platform beheerder, who creates tenants.
        #[arg(long, conflicts_with_all = ["tenant", "role"])]
        platform_admin: bool,
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
        /// Invite this address as the tenant's first hoofdsignaalverwerker.
        #[arg(long)]
        coordinator: Option<String>,
        /// The coordinator's name.
        #[arg(long, default_value = "")]
        coordinator_name: String,
    },
}

/// mimalloc instead of glibc's malloc. glibc either kept freed memory in
/// per-thread arenas for good (a burst of log-ins, 19 MiB per Argon2 hash,
/// left RSS hundreds of MB up) or, with its arenas capped, made every thread
/// take turns for one lock: under load a third of the server's time went to
/// that lock. mimalloc allocates per thread without a lock and gives freed
/// pages back to the system (docs/benchmarks.md, "Footprint under load").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`: how many milliseconds freed memory
/// waits before it goes back to the system (10 in mimalloc 2, 1000 in 3).
/// libmimalloc-sys names no constant for it; mimalloc keeps its options'
/// numbers stable (`MIMALLOC_PURGE_DELAY=0` in the environment sets this one).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Give freed memory back at once. mimalloc purges only when it next
/// allocates, so after a burst of log-ins an idle server kept the hashes'
/// memory: 117–142 MB after five bursts of 16, against 74 MB with this.
fn purge_freed_memory_at_once() {
    // SAFETY: reading and setting an option is allowed at any time; the
    // default is checked first, so a renumbered option is left alone.
    unsafe {
        if matches!(libmimalloc_sys::mi_option_get(PURGE_DELAY), 10 | 1000) {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, 0);
        }
    }
}

fn main() -> std::process::ExitCode {
    purge_freed_memory_at_once();
    match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime.block_on(start()),
        Err(e) => {
            eprintln!("seinhuis: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn start() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info,sqlx=warn,tower_sessions=warn".into()),
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
            http::serve(AppState::new(store, config)).await
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
        Command::Tenant { command: TenantCommand::Add { slug, name, kind, coordinator, coordinator_name } } => {
            let message = |e: seinhuis::error::AppError| anyhow::anyhow!(e.message());
            match coordinator {
                Some(email) => {
                    let name_for_coordinator = if coordinator_name.is_empty() { email.clone() } else { coordinator_name };
                    usecases::admin::create_tenant(
                        store.as_ref(),
                        None,
                        &slug,
                        &name,
                        &kind,
                        &email,
                        &name_for_coordinator,
                        &config.public_url,
                        "command line",
                        chrono::Utc::now(),
                    )
                    .await
                    .map_err(message)?;
                    let link = usecases::bootstrap::invitation_link(
                        store.as_ref(),
                        &config.link_key,
                        &config.public_url,
                        &slug,
                        &email,
                        chrono::Utc::now(),
                    )
                    .await
                    .map_err(message)?;
                    println!("Toegevoegd: {slug} ({name}). Uitnodiging voor {email}:\n{link}");
                }
                None => {
                    let mut tx = store.write().await?;
                    let id = usecases::tenants::create(&mut *tx, &slug, &name, &kind).await.map_err(message)?;
                    tx.commit().await?;
                    println!("Toegevoegd: {slug} ({name}), id {id}.");
                }
            }
            Ok(())
        }
        Command::User { command: UserCommand::Add { tenant, email, role, name, password_stdin, platform_admin } } => {
            use usecases::bootstrap::{Added, add_member, add_platform_admin};
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let now = chrono::Utc::now();
            let added = if platform_admin {
                add_platform_admin(store.as_ref(), &email, &name, password.as_deref(), &config.public_url, &config.link_key, now).await
            } else {
                let (tenant, role) = (tenant.unwrap_or_default(), role.unwrap_or_default());
                let (key, url) = (&config.link_key, &config.public_url);
                add_member(store.as_ref(), &tenant, &email, &name, &role, password.as_deref(), url, key, now).await
            }
            .map_err(|e| anyhow::anyhow!(e.message()))?;
            match added {
                Added::WithPassword => println!("Toegevoegd: {email} kan zich nu aanmelden."),
                Added::Link(link) => println!("Toegevoegd: {email} kiest een wachtwoord via\n{link}"),
            }
            Ok(())
        }
        Command::Link { command } => {
            use usecases::bootstrap::{invitation_link, password_link};
            let (key, url, now) = (&config.link_key, &config.public_url, chrono::Utc::now());
            let link = match &command {
                LinkCommand::Invitation { tenant, email } => invitation_link(store.as_ref(), key, url, tenant, email, now).await,
                LinkCommand::Password { email } => password_link(store.as_ref(), key, url, email, now).await,
            }
            .map_err(|e| anyhow::anyhow!(e.message()))?;
            // Standard output only: the link is a key, it never goes to the log.
            println!("{link}");
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when a new mimalloc renumbers the option or changes its
    /// default: then the server would silently keep the delay.
    #[test]
    fn freed_memory_is_purged_at_once() {
        purge_freed_memory_at_once();
        // SAFETY: reading an option is allowed at any time.
        assert_eq!(unsafe { libmimalloc_sys::mi_option_get(PURGE_DELAY) }, 0);
    }
}
