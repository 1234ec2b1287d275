//! Load test of the buddy's phone: "200 concurrent buddies confirming activities for 60
//! seconds against a release build on SQLite, with zero errors, zero lost confirmations, p99
//! latency at most 200 ms and the server's resident memory under 150 MB".
//!
//! Two steps, wrapped by `bench/load-buddies.sh` (`make bench-load`):
//!
//! ```sh
//! # 1. a fresh SQLite file: 200 buddy accounts, each linked to a buddy record with an
//! #    active duo and enough planned activities in the past to confirm for the whole run
//! load-buddies seed /tmp/klik-load.db --buddies 200 --activities 300
//! # 2. against `klik serve` on that file (pid for the memory samples): sign every buddy in,
//! #    then each confirms its next activity, back to back or with a think time
//! load-buddies run /tmp/klik-load.db --addr 127.0.0.1:3400 --pid 1234 --seconds 60 --think-ms 0
//! ```
//!
//! The database may also be a URL (`sqlite://…` or `postgres://…`), and `--addr` and `--pid`
//! lists (`--addr 127.0.0.1:3401,127.0.0.1:3402 --pid 11,12`): several instances on one
//! database, the phones spread over them. A phone whose instance stops answering tries the
//! next one (as a load balancer would send it) and sends its unanswered confirmation again;
//! afterwards every acknowledged confirmation must be stored, and none applied twice.
//!
//! The seeding and the phone live in `klik_server::load`, which the short crash tests of
//! `make test` share. Only ever aim it at 127.0.0.1.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::db;
use app::db::entities::activity;
use app::domain::activity::ActivityStatus;
use chrono::Utc;
use klik_server::load::{self, Error, Phone};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tokio::sync::Semaphore;

fn usage() -> ! {
    eprintln!(
        "usage: load-buddies seed <sqlite-file|database-url> [--buddies N] [--activities N]\n       \
         load-buddies run <sqlite-file|database-url> --addr HOST:PORT[,HOST:PORT…] \
         --pid PID[,PID…] [--buddies N] [--seconds S] [--think-ms MS] [--login-concurrency N] \
         [--acks FILE]\n       \
         load-buddies check-backup <sqlite-file> --acks FILE --before UNIX-MS"
    );
    std::process::exit(2)
}

struct Args {
    command: String,
    file: String,
    options: HashMap<String, String>,
}

impl Args {
    fn parse() -> Args {
        let mut raw = std::env::args().skip(1);
        let (Some(command), Some(file)) = (raw.next(), raw.next()) else {
            usage()
        };
        let mut options = HashMap::new();
        while let Some(key) = raw.next() {
            let (Some(key), Some(value)) = (key.strip_prefix("--"), raw.next()) else {
                usage()
            };
            options.insert(key.to_owned(), value);
        }
        Args {
            command,
            file,
            options,
        }
    }

    fn number(&self, key: &str, default: u64) -> u64 {
        match self.options.get(key) {
            Some(v) => v.parse().unwrap_or_else(|_| usage()),
            None => default,
        }
    }

    fn text(&self, key: &str) -> String {
        self.options.get(key).cloned().unwrap_or_else(|| usage())
    }
}

#[tokio::main]
async fn main() -> Result<(), Error> {
    let args = Args::parse();
    let url = if args.file.starts_with("sqlite:") || args.file.starts_with("postgres") {
        args.file.clone()
    } else {
        format!("sqlite://{}", args.file)
    };
    match args.command.as_str() {
        "seed" => {
            seed(
                &url,
                args.number("buddies", 200) as usize,
                args.number("activities", 300) as usize,
            )
            .await
        }
        "run" => {
            let settings = RunSettings {
                addrs: list(&args.text("addr")),
                pids: list(&args.text("pid")),
                buddies: args.number("buddies", 200) as usize,
                seconds: args.number("seconds", 60),
                think: Duration::from_millis(args.number("think-ms", 0)),
                login_concurrency: args.number("login-concurrency", 2) as usize,
                acks: args.options.get("acks").cloned(),
            };
            run(&url, settings).await
        }
        "check-backup" => {
            let before = u128::from(args.number("before", 0));
            check_backup(&url, &args.text("acks"), before).await
        }
        _ => usage(),
    }
}

fn list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

// Seeding --------------------------------------------------------------------------------

async fn seed(url: &str, buddies: usize, per_buddy: usize) -> Result<(), Error> {
    let started = Instant::now();
    let db = db::connect(url, 1).await?;
    db::migrate(&db).await?;
    let planned = load::seed(&db, buddies, per_buddy, Utc::now()).await?;
    println!(
        "seeded {buddies} linked buddies with active duos and {planned} planned activities \
         ({per_buddy} past and 1 to come each) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    close(db).await;
    Ok(())
}

// The run --------------------------------------------------------------------------------

struct RunSettings {
    addrs: Vec<String>,
    pids: Vec<String>,
    buddies: usize,
    seconds: u64,
    think: Duration,
    login_concurrency: usize,
    /// Where to write every acknowledged confirmation with the moment of its answer.
    acks: Option<String>,
}

/// What one virtual buddy did during the measured window.
#[derive(Default)]
struct Tally {
    /// Latency of every request, in microseconds.
    latencies: Vec<u32>,
    /// Activity ids the server acknowledged (HTTP 200).
    acknowledged: Vec<i32>,
    /// The same, with the moment the acknowledgement came (milliseconds since 1970).
    acknowledged_at: Vec<(i32, u128)>,
    /// Resent after a broken connection and refused as changed: applied the first time.
    resent_applied: Vec<i32>,
    /// Confirmations sent again after a broken connection.
    resent: usize,
    errors: Vec<Failure>,
    ran_out: bool,
}

/// A request that got no acknowledgement: which instance, when, and what came back.
struct Failure {
    at: String,
    /// Seconds into the measured window.
    when: f64,
    what: String,
}

/// The resident memory of process `pid`, in KiB: `VmRSS` now and `VmHWM` (the peak).
fn memory(pid: &str) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
}

async fn run(url: &str, settings: RunSettings) -> Result<(), Error> {
    let db = db::connect(url, 1).await?;
    // Each buddy's planned activities, oldest first: what its phone will confirm.
    let work = load::work(&db, settings.buddies).await?;
    if settings.addrs.is_empty() {
        usage()
    }
    let rss_before_login: Vec<u64> = settings
        .pids
        .iter()
        .map(|pid| {
            memory(pid)
                .map(|(rss, _)| rss)
                .ok_or("no such server process")
        })
        .collect::<Result<_, _>>()?;
    let addrs = Arc::new(settings.addrs.clone());
    let far = Instant::now() + Duration::from_secs(3600);

    // Sign in before the measured window: argon2 is deliberately slow.
    let login_started = Instant::now();
    let gate = Arc::new(Semaphore::new(settings.login_concurrency.max(1)));
    let mut logins = Vec::new();
    for (n, (address, ids)) in work.into_iter().enumerate() {
        let gate = gate.clone();
        let addrs = addrs.clone();
        logins.push(tokio::spawn(async move {
            let _permit = gate.acquire().await?;
            let mut phone = Phone::new(addrs, n);
            load::sign_in(&mut phone, &address, far).await?;
            Ok::<_, Error>((phone, ids))
        }));
    }
    let mut phones = Vec::new();
    for login in logins {
        phones.push(login.await??);
    }
    println!(
        "signed in {} buddies in {:.1} s ({} at a time) on {} instance(s)",
        phones.len(),
        login_started.elapsed().as_secs_f64(),
        settings.login_concurrency,
        addrs.len()
    );
    // Before the window: what the sign-ins (Argon2 hashes) left and their peak.
    for pid in &settings.pids {
        if let Some((rss, peak)) = memory(pid) {
            println!(
                "server {pid} memory after sign-in: {:.1} MB, peak (VmHWM) so far {:.1} MB",
                rss as f64 / 1024.0,
                peak as f64 / 1024.0
            );
        }
    }
    println!("READY");

    // Memory: sampled every 100 ms during the window, per instance.
    let sampling = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let sampling = sampling.clone();
        let pids = settings.pids.clone();
        tokio::spawn(async move {
            let mut max_rss = vec![0u64; pids.len()];
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                for (max, pid) in max_rss.iter_mut().zip(&pids) {
                    if let Some((rss, _)) = memory(pid) {
                        *max = (*max).max(rss);
                    }
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            max_rss
        })
    };

    let window = Duration::from_secs(settings.seconds);
    let started = Instant::now();
    let deadline = started + window;
    let think = settings.think;
    let mut buddies = Vec::new();
    for (n, (mut phone, ids)) in phones.into_iter().enumerate() {
        buddies.push(tokio::spawn(async move {
            let mut tally = Tally::default();
            // Spread the first requests over the think time, as real phones would be.
            if !think.is_zero() {
                let offset = think.mul_f64((n % 100) as f64 / 100.0);
                tokio::time::sleep(offset).await;
            }
            let mut next = ids.into_iter();
            while Instant::now() < deadline {
                let Some(id) = next.next() else {
                    tally.ran_out = true;
                    break;
                };
                let id_text = id.to_string();
                // A confirmation whose answer never came is sent again, once, as a phone
                // would: the activity's version makes a second application impossible.
                for attempt in 0..2 {
                    let at = phone.addr().to_owned();
                    let sent = Instant::now();
                    let answer = phone
                        .post(
                            "confirm_activity",
                            &[("id", &id_text), ("version", "0")],
                            deadline,
                        )
                        .await;
                    tally
                        .latencies
                        .push(sent.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                    let when = started.elapsed().as_secs_f64();
                    match answer {
                        Ok(a) if a.status == 200 => {
                            tally.acknowledged.push(id);
                            tally.acknowledged_at.push((id, unix_ms()));
                        }
                        // Applied before the connection broke: the resend is refused.
                        Ok(a) if attempt == 1 && a.status == 409 => tally.resent_applied.push(id),
                        Ok(a) => tally.errors.push(Failure {
                            at,
                            when,
                            what: format!("{} {}", a.status, a.body),
                        }),
                        Err(e) => {
                            tally.errors.push(Failure {
                                at,
                                when,
                                what: e.to_string(),
                            });
                            if attempt == 0 && Instant::now() < deadline {
                                tally.resent += 1;
                                continue;
                            }
                        }
                    }
                    break;
                }
                if !think.is_zero() {
                    tokio::time::sleep(think).await;
                }
            }
            tally
        }));
    }
    let mut all = Tally::default();
    let mut ran_out = 0;
    for b in buddies {
        let t = b.await?;
        all.latencies.extend(t.latencies);
        all.acknowledged.extend(t.acknowledged);
        all.acknowledged_at.extend(t.acknowledged_at);
        all.resent_applied.extend(t.resent_applied);
        all.errors.extend(t.errors);
        all.resent += t.resent;
        ran_out += usize::from(t.ran_out);
    }
    let elapsed = started.elapsed();
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    let max_rss = sampler.await?;

    // Lost confirmations: every acknowledged id must be stored as done; applied twice: a
    // done activity whose version moved more than once (the run only ever confirms).
    let done: HashMap<i32, i32> = activity::Entity::find()
        .filter(activity::Column::Status.eq(ActivityStatus::Done.code()))
        .all(&db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.version))
        .collect();
    let lost = all
        .acknowledged
        .iter()
        .chain(&all.resent_applied)
        .filter(|id| !done.contains_key(id))
        .count();
    let twice = done.values().filter(|version| **version != 1).count();
    let acknowledged_twice = {
        let mut ids = all.acknowledged.clone();
        ids.sort_unstable();
        ids.windows(2).filter(|w| w[0] == w[1]).count()
    };

    let mut latencies = all.latencies.clone();
    latencies.sort_unstable();
    let pct = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let rank = ((p / 100.0) * latencies.len() as f64).ceil() as usize;
        f64::from(latencies[rank.clamp(1, latencies.len()) - 1]) / 1000.0
    };
    let requests = latencies.len();
    println!(
        "\n{} buddies, {:.1} s, think time {} ms, {} instance(s)",
        settings.buddies,
        elapsed.as_secs_f64(),
        think.as_millis(),
        addrs.len()
    );
    println!(
        "requests {requests}, acknowledged {}, errors {}, throughput {:.0}/s",
        all.acknowledged.len(),
        all.errors.len(),
        requests as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency ms: p50 {:.1}, p95 {:.1}, p99 {:.1}, max {:.1}",
        pct(50.0),
        pct(95.0),
        pct(99.0),
        latencies.last().map_or(0.0, |v| f64::from(*v) / 1000.0)
    );
    let mut peak_rss = 0;
    for (i, pid) in settings.pids.iter().enumerate() {
        let peak = memory(pid).map(|(_, peak)| peak);
        peak_rss = peak_rss.max(peak.unwrap_or(0));
        println!(
            "server {pid} memory: {:.1} MB before sign-in, max {:.1} MB sampled during the \
             window, peak (VmHWM) {}",
            rss_before_login[i] as f64 / 1024.0,
            max_rss[i] as f64 / 1024.0,
            peak.map_or("gone (the process ended)".to_owned(), |p| format!(
                "{:.1} MB",
                p as f64 / 1024.0
            ))
        );
    }
    println!(
        "lost confirmations: {lost} of {} acknowledged; applied twice: {twice}; acknowledged \
         twice: {acknowledged_twice}; {} done rows in the database; resent after a broken \
         connection: {} (of which found applied: {}); buddies that ran out of activities: \
         {ran_out}",
        all.acknowledged.len() + all.resent_applied.len(),
        done.len(),
        all.resent,
        all.resent_applied.len()
    );
    // Errors per instance and kind, with when they happened (seconds into the window).
    let mut kinds: HashMap<(String, String), (usize, f64, f64)> = HashMap::new();
    for e in &all.errors {
        let what: String = e.what.chars().take(100).collect();
        let entry = kinds
            .entry((e.at.clone(), what))
            .or_insert((0, f64::MAX, 0.0));
        entry.0 += 1;
        entry.1 = entry.1.min(e.when);
        entry.2 = entry.2.max(e.when);
    }
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    for ((at, what), (n, first, last)) in &kinds {
        println!("  error ×{n} at {at}, {first:.1}–{last:.1} s: {what}");
    }
    let p99 = pct(99.0);
    let met =
        all.errors.is_empty() && lost == 0 && twice == 0 && p99 <= 200.0 && peak_rss < 150 * 1024;
    println!(
        "verdict: {} (zero errors, zero lost, none twice, p99 <= 200 ms, peak RSS < 150 MB)",
        if met { "MET" } else { "NOT MET" }
    );
    println!(
        "safety: {} (zero lost, none applied twice)",
        if lost == 0 && twice == 0 && acknowledged_twice == 0 {
            "MET"
        } else {
            "NOT MET"
        }
    );
    if ran_out > 0 {
        println!("warning: seed more activities per buddy (--activities) for this window");
    }
    if let Some(file) = &settings.acks {
        let lines: String = all
            .acknowledged_at
            .iter()
            .map(|(id, at)| format!("{id} {at}\n"))
            .collect();
        std::fs::write(file, lines)?;
    }
    close(db).await;
    Ok(())
}

fn unix_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis())
}

/// A backup taken during a run (restored into `url`) against the run's acknowledgements:
/// every confirmation acknowledged before the backup began must be in it as done.
async fn check_backup(url: &str, acks: &str, before: u128) -> Result<(), Error> {
    let db = db::connect(url, 1).await?;
    let done: std::collections::HashSet<i32> = activity::Entity::find()
        .filter(activity::Column::Status.eq(ActivityStatus::Done.code()))
        .all(&db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect();
    let mut earlier = 0;
    let mut missing = 0;
    for line in std::fs::read_to_string(acks)?.lines() {
        let mut parts = line.split_whitespace();
        let (Some(id), Some(at)) = (parts.next(), parts.next()) else {
            continue;
        };
        if at.parse::<u128>()? < before {
            earlier += 1;
            missing += usize::from(!done.contains(&id.parse::<i32>()?));
        }
    }
    println!(
        "backup: {earlier} confirmations acknowledged before it began, {missing} of them \
         missing; {} done activities in it",
        done.len()
    );
    println!(
        "backup verdict: {} (restored, every earlier acknowledged confirmation present)",
        if missing == 0 && earlier > 0 {
            "MET"
        } else {
            "NOT MET"
        }
    );
    close(db).await;
    Ok(())
}

async fn close(db: DatabaseConnection) {
    let _ = db.close().await;
}
