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
//! The HTTP client is a few lines of HTTP/1.1 over tokio's `TcpStream` (one keep-alive
//! connection per buddy, like a phone), so the load generator adds no dependency. Only ever
//! aim it at 127.0.0.1.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::auth::accounts::create_with_password;
use app::db;
use app::db::entities::{activity, buddy, user};
use app::domain::account::Role;
use app::domain::activity::ActivityStatus;
use app::domain::duo::{Agreement, AgreementItem, DuoMove, EvaluationPlan, Rhythm};
use app::domain::people::{Application, Consent, Intake, ScreeningOutcome};
use app::domain::profile::{
    AgeRange, Availability, ContactMethod, Gender, Profile, Slot, Smoking, Travel, TravelMode,
    Wishes,
};
use chrono::{Duration as Span, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    TransactionTrait,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Semaphore;

/// Every seeded buddy's password (the tests' one: long enough, not guessable).
const PASSWORD: &str = "paarse olifant fietst naar Lier";

type Error = Box<dyn std::error::Error + Send + Sync>;

fn email(i: usize) -> String {
    format!("buddy{i:03}@load.klik")
}

fn usage() -> ! {
    eprintln!(
        "usage: load-buddies seed <sqlite-file|database-url> [--buddies N] [--activities N]\n       \
         load-buddies run <sqlite-file|database-url> --addr HOST:PORT[,HOST:PORT…] \
         --pid PID[,PID…] [--buddies N] [--seconds S] [--think-ms MS] [--login-concurrency N]"
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
            };
            run(&url, settings).await
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

/// One profile that fits every participant and buddy alike, so the matching engine allows
/// each pair (same municipality, same interests, same free evenings).
fn profile(
    first_name: &str,
    last_name: String,
    place: i64,
    interests: &[i64],
    scales: &[i64],
) -> Profile {
    let mut availability = Availability::NONE;
    for index in 0..Availability::SLOTS {
        if let Some(slot) = Slot::from_index(index) {
            availability.set(slot, true);
        }
    }
    Profile {
        first_name: first_name.into(),
        last_name,
        birth_date: NaiveDate::from_ymd_opt(1980, 5, 17).expect("a date"),
        gender: Gender::X,
        municipality_id: place,
        phone: Some("0470 12 34 56".into()),
        email: None,
        preferred_contact: ContactMethod::Phone,
        languages: vec!["Nederlands".into()],
        interests: interests.iter().take(3).copied().collect(),
        personality: scales.iter().map(|s| (*s, 3)).collect(),
        smoking: Smoking {
            smokes: false,
            accepts_smoker: true,
        },
        availability,
        travel: Travel {
            max_km: 20,
            modes: [TravelMode::Bike, TravelMode::PublicTransport]
                .into_iter()
                .collect(),
        },
        wishes: Wishes {
            genders: Default::default(),
            age: AgeRange::default(),
            note: String::new(),
        },
    }
}

/// A fresh, migrated SQLite file with `buddies` linked buddy accounts, each in an active
/// duo with `per_buddy` planned activities that started in the past (so they may be
/// confirmed) and one to come. Everything goes through the app's repository functions, as the app writes it.
async fn seed(url: &str, buddies: usize, per_buddy: usize) -> Result<(), Error> {
    let started = Instant::now();
    let db = db::connect(url, 1).await?;
    db::migrate(&db).await?;
    if !app::demo::is_empty(&db).await? {
        return Err("the database is not empty: seed a fresh file".into());
    }
    let now = Utc::now();
    let config = app::config::Config::from_lookup(|_| None)?;
    let today = app::domain::time::local_date(now, config.time_zone);
    let lists = db::lists::load(&db, false).await?;
    let place = lists.municipalities.first().ok_or("no municipalities")?.id;
    let interests: Vec<i64> = lists.interests.iter().map(|i| i.id).collect();
    let scales: Vec<i64> = lists.scales.iter().map(|s| s.id).collect();
    let kind = i32::try_from(lists.activity_kinds.first().ok_or("no activity kinds")?.id)?;

    let coordinator = create_with_password(
        &db,
        "coordinator@load.klik",
        "Cas Coördinator (load)",
        PASSWORD,
        Role::Coordinator,
        now,
    )
    .await?
    .id;
    let screener = create_with_password(
        &db,
        "screener@load.klik",
        "Sara Screener (load)",
        PASSWORD,
        Role::Screener,
        now,
    )
    .await?
    .id;
    let ctx = db::matching::context(&db, today).await?;
    for i in 0..buddies {
        let txn = db.begin().await?;
        let account = create_with_password(
            &txn,
            &email(i),
            &format!("Buddy {i:03} (load)"),
            PASSWORD,
            Role::Buddy,
            now,
        )
        .await?;
        let intake = Intake {
            profile: profile(
                "Mira",
                format!("Deelnemer{i:03}"),
                place,
                &interests,
                &scales,
            ),
            intake_date: today - Span::days(200),
            referral_organisation_id: None,
            referral_contact: String::new(),
            support_contact: String::new(),
            consent: Consent {
                matching: true,
                share_first_name: true,
                share_phone: true,
                share_interests: true,
                text_version: app::domain::people::CONSENT_TEXT_VERSION.into(),
                given_on: today - Span::days(200),
                recorded_by: coordinator,
            },
            coordinator_notes: String::new(),
        };
        let participant = db::participants::create(&txn, &intake, coordinator, now).await?;
        let application = Application {
            profile: profile("Jef", format!("Buddy{i:03}"), place, &interests, &scales),
            motivation: "Ik wil graag iemand helpen om er weer op uit te trekken.".into(),
            capacity: 1,
        };
        let applied_on = today - Span::days(120);
        let buddy_id =
            db::buddies::create(&txn, &application, Some(coordinator), applied_on, now).await?;
        db::buddies::hand_to_screener(&txn, buddy_id, 1, screener, coordinator, now).await?;
        db::buddies::record_screening(
            &txn,
            buddy_id,
            2,
            applied_on + Span::days(14),
            ScreeningOutcome::Approved,
            "",
            screener,
            now,
        )
        .await?;
        // The coordinator links the account to the buddy record.
        buddy::Entity::update_many()
            .col_expr(buddy::Column::UserId, Expr::value(account.id))
            .filter(buddy::Column::Id.eq(buddy_id))
            .exec(&txn)
            .await?;

        // A duo proposed by the engine's own assessment, introduced and signed.
        let (candidate, _) = db::matching::buddy(&txn, buddy_id)
            .await?
            .ok_or("buddy missing")?;
        let (waiting, _) = db::matching::participant(&txn, participant)
            .await?
            .ok_or("participant missing")?;
        let ranking = app::matching::rank_participants_for_buddy(&candidate, &[waiting], &ctx);
        let assessment = ranking
            .allowed
            .first()
            .ok_or("the matching engine does not allow the seeded pair")?;
        let duo = db::duos::propose(
            &txn,
            participant,
            buddy_id,
            assessment,
            coordinator,
            today - Span::days(90),
            now,
        )
        .await?;
        let moves = [
            DuoMove::Introduce {
                introduction_on: today - Span::days(80),
            },
            DuoMove::Sign(Agreement {
                signed_on: today - Span::days(70),
                rhythm: Rhythm::default(),
                items: AgreementItem::ALL.into_iter().collect(),
                note: String::new(),
                participant_yes_on: Some(today - Span::days(70)),
                buddy_yes_on: Some(today - Span::days(70)),
            }),
        ];
        for (version, mv) in moves.iter().enumerate() {
            let current = db::duos::find(&txn, duo).await?.ok_or("duo missing")?;
            let plan = EvaluationPlan::default();
            db::duos::apply_move(&txn, &current, version as i32, mv, plan, coordinator, now)
                .await?;
        }

        // Planned activities that started in the past: one every two days going back, the
        // oldest first in the run.
        // And one still to come, the "next" on the home page (the run leaves it alone).
        let starts = (0..per_buddy)
            .map(|k| now - Span::hours(2) - Span::hours(48 * k as i64))
            .chain([now + Span::days(3)]);
        let rows: Vec<activity::ActiveModel> = starts
            .map(|starts_at| activity::ActiveModel {
                duo_id: Set(duo),
                kind_id: Set(kind),
                starts_at: Set(starts_at),
                duration_minutes: Set(120),
                place: Set("Vrijbroekpark".into()),
                note: Set(String::new()),
                status: Set(ActivityStatus::Planned.code().into()),
                planned_by: Set(Some(account.id)),
                version: Set(0),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            })
            .collect();
        for chunk in rows.chunks(500) {
            activity::Entity::insert_many(chunk.to_vec())
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
    }
    let planned = activity::Entity::find().all(&db).await?.len();
    println!(
        "seeded {buddies} linked buddies with active duos and {planned} planned activities \
         ({per_buddy} past and 1 to come each) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
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
}

/// One buddy's phone: a keep-alive HTTP/1.1 connection to one of the instances, and the
/// session cookie (sessions live in the database: every instance knows them).
struct Phone {
    addrs: Arc<Vec<String>>,
    /// The instance it talks to, an index into `addrs`.
    at: usize,
    stream: Option<TcpStream>,
    cookie: Option<String>,
}

struct Answer {
    status: u16,
    set_cookie: Vec<String>,
    body: String,
}

impl Phone {
    fn new(addrs: Arc<Vec<String>>, at: usize) -> Phone {
        Phone {
            at: at % addrs.len().max(1),
            addrs,
            stream: None,
            cookie: None,
        }
    }

    fn addr(&self) -> &str {
        &self.addrs[self.at]
    }

    /// A connection to an instance that accepts one: this phone's, else the next ones in
    /// turn, until `deadline` (a restarted single instance is waited for).
    async fn connect(&mut self, deadline: Instant) -> Result<TcpStream, Error> {
        loop {
            for _ in 0..self.addrs.len() {
                if let Ok(stream) = TcpStream::connect(self.addr()).await {
                    stream.set_nodelay(true)?;
                    return Ok(stream);
                }
                self.at = (self.at + 1) % self.addrs.len();
            }
            if Instant::now() >= deadline {
                return Err("no instance accepts connections".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Posts a form to a server function the way the browser's fetch does: same origin,
    /// url-encoded, JSON answer.
    async fn post(
        &mut self,
        endpoint: &str,
        form: &[(&str, &str)],
        deadline: Instant,
    ) -> Result<Answer, Error> {
        let body = form
            .iter()
            .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        let cookie = match &self.cookie {
            Some(c) => format!("Cookie: {c}\r\n"),
            None => String::new(),
        };
        if self.stream.is_none() {
            self.stream = Some(self.connect(deadline).await?);
        }
        // Addressed to the instance connected to (a loopback server accepts its own origin).
        let request = format!(
            "POST /api/{endpoint} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
             Sec-Fetch-Site: same-origin\r\nUser-Agent: klik-load\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nAccept: application/json\r\n\
             {cookie}Content-Length: {len}\r\n\r\n{body}",
            addr = self.addr(),
            len = body.len(),
        );
        let stream = self.stream.as_mut().ok_or("no connection")?;
        let answer = exchange(stream, request.as_bytes()).await;
        match answer {
            Ok((answer, keep_alive)) => {
                if !keep_alive {
                    self.stream = None;
                }
                Ok(answer)
            }
            Err(e) => {
                self.stream = None;
                Err(e)
            }
        }
    }
}

/// Writes one request and reads its answer (Content-Length or chunked body).
async fn exchange(stream: &mut TcpStream, request: &[u8]) -> Result<(Answer, bool), Error> {
    stream.write_all(request).await?;
    let mut buf: Vec<u8> = Vec::with_capacity(1024);
    let head_end = loop {
        if let Some(i) = find(&buf, b"\r\n\r\n") {
            break i;
        }
        read_more(stream, &mut buf).await?;
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or("bad status line")?;
    let mut length = None;
    let mut chunked = false;
    let mut keep_alive = true;
    let mut set_cookie = Vec::new();
    for line in lines {
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse::<usize>().ok(),
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            "connection" => keep_alive = !value.eq_ignore_ascii_case("close"),
            "set-cookie" => set_cookie.push(value.to_owned()),
            _ => {}
        }
    }
    let mut rest = buf.split_off(head_end + 4);
    let body = if chunked {
        let mut body = Vec::new();
        loop {
            let line_end = loop {
                if let Some(i) = find(&rest, b"\r\n") {
                    break i;
                }
                read_more(stream, &mut rest).await?;
            };
            let size = usize::from_str_radix(
                String::from_utf8_lossy(&rest[..line_end])
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim(),
                16,
            )?;
            while rest.len() < line_end + 2 + size + 2 {
                read_more(stream, &mut rest).await?;
            }
            body.extend_from_slice(&rest[line_end + 2..line_end + 2 + size]);
            rest.drain(..line_end + 2 + size + 2);
            if size == 0 {
                break body;
            }
        }
    } else if let Some(length) = length {
        while rest.len() < length {
            read_more(stream, &mut rest).await?;
        }
        rest.truncate(length);
        rest
    } else {
        // Neither: the body runs to the end of the connection.
        let _ = stream.read_to_end(&mut rest).await?;
        keep_alive = false;
        rest
    };
    Ok((
        Answer {
            status,
            set_cookie,
            body: String::from_utf8_lossy(&body).into_owned(),
        },
        keep_alive,
    ))
}

async fn read_more(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Result<(), Error> {
    let mut chunk = [0u8; 8192];
    let n = stream.read(&mut chunk).await?;
    if n == 0 {
        return Err("connection closed by the server".into());
    }
    buf.extend_from_slice(&chunk[..n]);
    Ok(())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What one virtual buddy did during the measured window.
#[derive(Default)]
struct Tally {
    /// Latency of every request, in microseconds.
    latencies: Vec<u32>,
    /// Activity ids the server acknowledged (HTTP 200).
    acknowledged: Vec<i32>,
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
    let mut work: Vec<(String, Vec<i32>)> = Vec::new();
    for i in 0..settings.buddies {
        let address = email(i);
        let account = user::Entity::find()
            .filter(user::Column::Email.eq(address.as_str()))
            .one(&db)
            .await?
            .ok_or_else(|| format!("{address} not seeded"))?;
        let buddy_id = db::buddies::id_of_user(&db, account.id)
            .await?
            .ok_or("buddy not linked")?;
        let duos = db::duos::of_buddy(&db, buddy_id).await?;
        let ids: Vec<i32> = activity::Entity::find()
            .filter(activity::Column::DuoId.is_in(duos.iter().map(|d| d.id)))
            .filter(activity::Column::Status.eq(ActivityStatus::Planned.code()))
            .filter(activity::Column::StartsAt.lt(Utc::now()))
            .order_by_asc(activity::Column::StartsAt)
            .all(&db)
            .await?
            .into_iter()
            .map(|a| a.id)
            .collect();
        work.push((address, ids));
    }
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
            let answer = phone
                .post(
                    "login",
                    &[("input[email]", &address), ("input[password]", PASSWORD)],
                    far,
                )
                .await?;
            let cookie = answer
                .set_cookie
                .iter()
                .filter_map(|c| c.split(';').next())
                .find(|c| c.contains("klik_session=") && !c.ends_with('='))
                .map(str::to_owned)
                .ok_or_else(|| {
                    format!(
                        "sign-in of {address} failed: {} {}",
                        answer.status, answer.body
                    )
                })?;
            phone.cookie = Some(cookie);
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
                        Ok(a) if a.status == 200 => tally.acknowledged.push(id),
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
    close(db).await;
    Ok(())
}

async fn close(db: DatabaseConnection) {
    let _ = db.close().await;
}
