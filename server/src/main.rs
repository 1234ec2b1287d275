use std::process::ExitCode;

use app::config::Config;
use app::state::Clock;
use clap::Parser;
use klik_server::cli::{Cli, Command};
use klik_server::{build_state, routes, telemetry};
use leptos::prelude::get_configuration;

#[tokio::main]
async fn main() -> ExitCode {
    klik_server::memory::keep_large_blocks_mapped();
    let cli = Cli::parse();
    // A missing .env file is normal; the environment alone is enough.
    let _ = dotenvy::dotenv();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            eprintln!("klik: configuration error: {error}");
            return ExitCode::FAILURE;
        }
    };
    telemetry::init(config.log_format);
    let result = match cli.command() {
        Command::Migrate => migrate(config).await,
        Command::Serve => serve(config).await,
        Command::CreateAdmin { email, name } => create_admin(config, email, name).await,
        Command::Demo {
            if_empty,
            participants,
            buddy_scale,
        } => {
            let size = app::demo::DemoSize {
                participants: *participants as usize,
                buddy_scale: *buddy_scale as usize,
                history: app::demo::HistorySize::DEMO,
            };
            demo(config, *if_empty, size).await
        }
        Command::Backtest { months, runs } => backtest(config, *months, *runs).await,
        Command::Backup { file } => backup(config, file).await,
        Command::Restore { file } => restore(config, file).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "klik stopped");
            ExitCode::FAILURE
        }
    }
}

/// One connection to an up-to-date database, for the one-shot subcommands.
async fn open_migrated(config: &Config) -> Result<sea_orm::DatabaseConnection, String> {
    let db = app::db::connect(&config.database_url, 1)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    app::db::migrate(&db)
        .await
        .map_err(|e| format!("migration failed: {e}"))?;
    Ok(db)
}

async fn migrate(config: Config) -> Result<(), String> {
    open_migrated(&config).await?;
    tracing::info!("database schema is up to date");
    Ok(())
}

async fn create_admin(config: Config, email: &str, name: &str) -> Result<(), String> {
    let mut password = String::new();
    std::io::stdin()
        .read_line(&mut password)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = password.trim_end_matches(['\r', '\n']);
    let db = open_migrated(&config).await?;
    let user = app::auth::accounts::create_with_password(
        &db,
        email,
        name,
        password,
        app::domain::account::Role::Admin,
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| {
        // The same words as on the setup page.
        let t = app::i18n::Lang::default().texts();
        match &e {
            app::error::AppError::Validation { field, .. } => format!("{field}: {}", e.message(t)),
            _ => e.message(t),
        }
    })?;
    println!("admin account {} created (id {})", user.email, user.id);
    Ok(())
}

/// Fills an empty database with the fictional demo programme and prints the accounts.
async fn demo(config: Config, if_empty: bool, size: app::demo::DemoSize) -> Result<(), String> {
    let db = open_migrated(&config).await?;
    if if_empty && !app::demo::is_empty(&db).await.map_err(|e| e.to_string())? {
        println!("klik demo: the database is in use already; nothing added");
        return Ok(());
    }
    let now = chrono::Utc::now();
    let today = app::domain::time::local_date(now, config.time_zone);
    let accounts = app::demo::fill_sized(&db, now, today, size)
        .await
        .map_err(|e| match e {
            app::error::AppError::Conflict => {
                "the database is not empty: the demo only fills a new database".to_owned()
            }
            other => other.to_string(),
        })?;
    println!(
        "Demo programme created: {} participants, {} buddies.",
        size.participants,
        size.buddies()
    );
    println!("Sign in with one of these accounts (the passwords are shown only now):");
    for (role, email, password) in accounts.0 {
        println!("  {:<12} {email:<24} {password}", role.code());
    }
    Ok(())
}

async fn backup(config: Config, file: &std::path::Path) -> Result<(), String> {
    let checked = klik_server::backup::backup(&config.database_url, file).await?;
    println!(
        "backup written to {} and checked: {} bytes, {} migrations, {} participants",
        file.display(),
        checked.bytes,
        checked.migrations,
        checked.participants
    );
    Ok(())
}

async fn restore(config: Config, file: &std::path::Path) -> Result<(), String> {
    let checked = klik_server::backup::restore(&config.database_url, file).await?;
    println!(
        "restored from {}: {} participants; `klik serve` brings the schema up to date",
        file.display(),
        checked.participants
    );
    Ok(())
}

/// Prints the wait estimate's track record, month by month.
async fn backtest(config: Config, months: u32, runs: u32) -> Result<(), String> {
    use app::matching::backtest::{HISTORY_WINDOW_MONTHS, backtest};

    let db = open_migrated(&config).await?;
    let today = app::domain::time::local_date(chrono::Utc::now(), config.time_zone);
    let failed = |e: app::error::AppError| e.to_string();
    let (history, episodes, ctx) =
        app::db::matching::backtest_inputs(&db, today, months, config.time_zone)
            .await
            .map_err(failed)?;
    let settings = app::matching::EstimateSettings {
        runs,
        ..Default::default()
    };
    let seed = app::matching::estimate::seed_for(today);
    let started = std::time::Instant::now();
    let (total, per_month) = backtest(
        &history,
        &episodes,
        &ctx,
        &settings,
        months,
        HISTORY_WINDOW_MONTHS,
        seed,
    );
    let share = |held: u32, judged: u32| {
        if judged == 0 {
            "–".to_owned()
        } else {
            format!("{:.0}%", 100.0 * f64::from(held) / f64::from(judged))
        }
    };
    let row = |label: String, waiting: String, r: &app::matching::backtest::Calibration| {
        println!(
            "{label:<10}  {waiting:>7}  {:>9}  {:>6}  {:>4} of {:<4} {:>4}  {:>4} of {:<4} {:>4}",
            r.estimates,
            r.beyond_horizon,
            r.range_held,
            r.range_judged,
            share(r.range_held, r.range_judged),
            r.below_median,
            r.median_judged,
            share(r.below_median, r.median_judged),
        );
    };
    println!("month       waiting  estimates  beyond  in range         below median");
    for m in &per_month {
        row(
            m.month.format("%Y-%m").to_string(),
            m.waiting.to_string(),
            &m.result,
        );
    }
    row("all".into(), String::new(), &total);
    println!(
        "{} people judged; target: 75-85% inside the 80% range, about 50% below the median; {runs} runs per estimate, {:.1} s",
        total.people,
        started.elapsed().as_secs_f64()
    );
    // The priority of long waits (`matching::priority`) as it stands today.
    let waiting: Vec<u32> = episodes
        .iter()
        .filter(|e| e.end.is_none())
        .map(|e| e.participant.days_waited(today))
        .collect();
    match (ctx.usual_wait_days, ctx.priority_after_days()) {
        (Some(usual), Some(after)) => println!(
            "usual wait {usual} days; priority after {after} days ({} × the usual wait): {} of {} waiting now go first",
            ctx.weights.priority_factor,
            waiting.iter().filter(|&&d| d > after).count(),
            waiting.len()
        ),
        (Some(usual), None) => println!("usual wait {usual} days; priority of long waits off"),
        (None, _) => println!(
            "usual wait not known yet (fewer than {} matches in two years): no priority",
            app::matching::priority::MIN_MATCHED
        ),
    }
    Ok(())
}

async fn serve(config: Config) -> Result<(), String> {
    let mut leptos_options = get_configuration(None)
        .map_err(|e| format!("leptos configuration: {e}"))?
        .leptos_options;
    leptos_options.site_addr = config.addr;
    klik_server::assets::use_hashed_names(&mut leptos_options)?;
    let addr = config.addr;
    let clock = if config.test_clock {
        tracing::warn!("KLIK_TEST_CLOCK is set: the clock can be moved by anyone (tests only)");
        Clock::adjustable()
    } else {
        Clock::system()
    };
    // Held while serving, so that `klik restore` never overwrites this database under us.
    let _in_use = klik_server::backup::hold(&config.database_url)?;
    // Listening at once: while the database opens and migrates, every request is answered
    // 503 (`routes::starting_router`), so that a load balancer sends traffic elsewhere
    // instead of to a half-migrated schema. The real server then takes over the same socket.
    let socket = std::net::TcpListener::bind(addr)
        .and_then(|l| l.set_nonblocking(true).map(|()| l))
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let listen = |socket: std::net::TcpListener| {
        tokio::net::TcpListener::from_std(socket)
            .map_err(|e| format!("cannot listen on {addr}: {e}"))
    };
    let starting = listen(
        socket
            .try_clone()
            .map_err(|e| format!("cannot listen on {addr}: {e}"))?,
    )?;
    let (started, starting_done) = tokio::sync::oneshot::channel::<()>();
    let starting = tokio::spawn(async move {
        let _ = axum::serve(starting, routes::starting_router())
            .with_graceful_shutdown(async move {
                let _ = starting_done.await;
            })
            .await;
    });
    // An upgrade of an SQLite installation can be rolled back: its backup comes first.
    if let Some(file) = klik_server::backup::before_upgrade(
        &config.database_url,
        config.backup_dir.as_deref(),
        chrono::Utc::now(),
    )
    .await
    .map_err(|e| format!("no backup before the upgrade, so no upgrade: {e}"))?
    {
        tracing::info!(file = %file.display(), "backup written before the schema upgrade");
    }
    let state = build_state(config, leptos_options, clock)
        .await
        .map_err(|e| format!("cannot open the database: {e}"))?;
    let _ = started.send(());
    let _ = starting.await;
    // The background jobs (mail, reminders) stop when the server does.
    let jobs = klik_server::jobs::JobRunner::new(state.clone())?;
    let (stop_jobs, jobs_stopped) = tokio::sync::watch::channel(false);
    let jobs = jobs.spawn(jobs_stopped);
    let listener = listen(socket)?;
    tracing::info!("Klik listens on http://{addr}");
    let app = routes::router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async move {
            shutdown_signal().await;
            let _ = stop_jobs.send(true);
        })
        .await
        .map_err(|e| format!("server error: {e}"));
    // On an error the sender is gone, which stops the jobs as well.
    if jobs.await.is_err() {
        tracing::error!("the background jobs ended abnormally");
    }
    served?;
    tracing::info!("Klik stopped cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM; requests under way are finished first.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = terminate => {}
    }
    tracing::info!("shutting down");
}
