//! The buddy's phone under load, shared by the load test (`bench/load`, `make bench-load`)
//! and the short crash tests that `make test` runs: a database seeded with linked buddies in
//! active duos with activities to confirm, and a phone (a few lines of HTTP/1.1 over tokio's
//! `TcpStream`, one keep-alive connection, like a phone) that can move to another instance.
//! Only ever aim it at 127.0.0.1.

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
use chrono::{DateTime, Duration as Span, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, TransactionTrait,
};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Every seeded buddy's password (the tests' one: long enough, not guessable).
pub const PASSWORD: &str = "paarse olifant fietst naar Lier";

pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The address of seeded buddy `i`.
pub fn email(i: usize) -> String {
    format!("buddy{i:03}@load.klik")
}

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

/// Fills the empty, migrated database `db` with `buddies` linked buddy accounts, each in an
/// active duo with `per_buddy` planned activities that started in the past (so they may be
/// confirmed) and one to come; returns how many activities it planned. Everything goes
/// through the app's repository functions, as the app writes it.
pub async fn seed(
    db: &DatabaseConnection,
    buddies: usize,
    per_buddy: usize,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    let db = db.clone();
    if !app::demo::is_empty(&db).await? {
        return Err("the database is not empty: seed a fresh file".into());
    }
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
    Ok(activity::Entity::find().count(&db).await? as usize)
}

/// For each of the first `buddies` seeded buddies, its address and its planned activities
/// that started already, oldest first: what its phone will confirm.
pub async fn work(
    db: &DatabaseConnection,
    buddies: usize,
) -> Result<Vec<(String, Vec<i32>)>, Error> {
    let mut work = Vec::new();
    for i in 0..buddies {
        let address = email(i);
        let account = user::Entity::find()
            .filter(user::Column::Email.eq(address.as_str()))
            .one(db)
            .await?
            .ok_or_else(|| format!("{address} not seeded"))?;
        let buddy_id = db::buddies::id_of_user(db, account.id)
            .await?
            .ok_or("buddy not linked")?;
        let duos = db::duos::of_buddy(db, buddy_id).await?;
        let ids: Vec<i32> = activity::Entity::find()
            .filter(activity::Column::DuoId.is_in(duos.iter().map(|d| d.id)))
            .filter(activity::Column::Status.eq(ActivityStatus::Planned.code()))
            .filter(activity::Column::StartsAt.lt(Utc::now()))
            .order_by_asc(activity::Column::StartsAt)
            .all(db)
            .await?
            .into_iter()
            .map(|a| a.id)
            .collect();
        work.push((address, ids));
    }
    Ok(work)
}

/// Signs `phone` in as `address` (the seeded password) and keeps the session cookie.
pub async fn sign_in(phone: &mut Phone, address: &str, deadline: Instant) -> Result<(), Error> {
    let answer = phone
        .post(
            "login",
            &[("input[email]", address), ("input[password]", PASSWORD)],
            deadline,
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
    Ok(())
}

/// One buddy's phone: a keep-alive HTTP/1.1 connection to one of the instances, and the
/// session cookie (sessions live in the database: every instance knows them).
pub struct Phone {
    pub addrs: Arc<Vec<String>>,
    /// The instance it talks to, an index into `addrs`.
    pub at: usize,
    stream: Option<TcpStream>,
    pub cookie: Option<String>,
}

pub struct Answer {
    pub status: u16,
    pub set_cookie: Vec<String>,
    pub body: String,
}

impl Phone {
    pub fn new(addrs: Arc<Vec<String>>, at: usize) -> Phone {
        Phone {
            at: at % addrs.len().max(1),
            addrs,
            stream: None,
            cookie: None,
        }
    }

    pub fn addr(&self) -> &str {
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
    pub async fn post(
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

pub fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
