//! Crashes under load, in short (the long runs are `make bench-crash`): real `klik serve`
//! processes of this build on one database, buddies' phones confirming activities, and one
//! instance killed with SIGKILL in the middle, or stopped with SIGTERM. Afterwards every
//! confirmation that was acknowledged is stored, none is applied twice, and the only
//! failures are the killed instance's requests under way (or, while a lone SQLite instance
//! restarts, its 503 "starting" answers).

use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::db::entities::activity;
use app::domain::activity::ActivityStatus;
use klik_server::load::{self, Phone};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::common::smtp::unused_port;
use crate::common::{self, Backend};

const BUDDIES: usize = 6;

/// A `klik serve` of this build on `url`, listening on `port`.
fn serve(url: &str, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_klik"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("KLIK_ADDR", format!("127.0.0.1:{port}"))
        .env("KLIK_LOG_FORMAT", "json")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("klik serve starts")
}

/// Waits until the instance on `port` takes requests (not just connections: a starting
/// instance answers 503).
async fn until_ready(port: u16) {
    let addrs = Arc::new(vec![format!("127.0.0.1:{port}")]);
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let mut phone = Phone::new(addrs.clone(), 0);
        if let Ok(answer) = phone.post("auth_status", &[], deadline).await
            && answer.status == 200
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the instance on port {port} did not start");
}

fn signal(child: &Child, name: &str) {
    let sent = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(sent.success());
}

#[derive(Clone, Copy, PartialEq)]
enum Chaos {
    /// SIGKILL of the first instance; with one instance it is started again at once.
    Kill,
    /// SIGTERM to the first instance: it finishes what is under way and exits.
    Term,
}

/// What the phones saw.
#[derive(Default)]
struct Seen {
    acknowledged: Vec<i32>,
    /// Resent after a broken connection and refused as changed: applied the first time.
    applied_before: Vec<i32>,
    broken: usize,
    refused: Vec<(u16, String)>,
}

async fn under_load(backend: Backend, instances: usize, chaos: Chaos) {
    let test = common::test_db(backend).await;
    load::seed(&test.db, BUDDIES, 400, common::test_now())
        .await
        .expect("seeded");
    let ports: Vec<u16> = (0..instances).map(|_| unused_port()).collect();
    let mut servers: Vec<Child> = ports.iter().map(|p| serve(&test.url, *p)).collect();
    for port in &ports {
        until_ready(*port).await;
    }
    let addrs = Arc::new(
        ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect::<Vec<_>>(),
    );
    let work = load::work(&test.db, BUDDIES).await.unwrap();
    let window = Duration::from_secs(6);
    let deadline = Instant::now() + window + Duration::from_secs(30);
    let mut phones = Vec::new();
    for (n, (address, ids)) in work.into_iter().enumerate() {
        let mut phone = Phone::new(addrs.clone(), n);
        load::sign_in(&mut phone, &address, deadline).await.unwrap();
        phones.push((phone, ids));
    }

    let started = Instant::now();
    let end = started + window;
    let tasks: Vec<_> = phones
        .into_iter()
        .map(|(mut phone, ids)| {
            tokio::spawn(async move {
                let mut seen = Seen::default();
                for id in ids {
                    if Instant::now() >= end {
                        break;
                    }
                    let id_text = id.to_string();
                    for attempt in 0..2 {
                        let form = [("id", id_text.as_str()), ("version", "0")];
                        match phone.post("confirm_activity", &form, deadline).await {
                            Ok(a) if a.status == 200 => seen.acknowledged.push(id),
                            Ok(a) if attempt == 1 && a.status == 409 => {
                                seen.applied_before.push(id)
                            }
                            Ok(a) => seen.refused.push((a.status, a.body)),
                            Err(_) => {
                                seen.broken += 1;
                                if attempt == 0 {
                                    continue;
                                }
                            }
                        }
                        break;
                    }
                }
                seen
            })
        })
        .collect();

    // A third into the window, the first instance goes.
    tokio::time::sleep(window / 3).await;
    let mut term_exit = None;
    match chaos {
        Chaos::Kill => {
            servers[0].kill().unwrap();
            servers[0].wait().unwrap();
            if instances == 1 {
                servers[0] = serve(&test.url, ports[0]);
            }
        }
        Chaos::Term => {
            signal(&servers[0], "TERM");
            let stopping = Instant::now();
            let status = tokio::task::spawn_blocking({
                let mut child = std::mem::replace(&mut servers[0], serve_nothing());
                move || child.wait().unwrap()
            })
            .await
            .unwrap();
            term_exit = Some((status, stopping.elapsed()));
        }
    }

    let mut seen = Seen::default();
    for task in tasks {
        let s = task.await.unwrap();
        seen.acknowledged.extend(s.acknowledged);
        seen.applied_before.extend(s.applied_before);
        seen.broken += s.broken;
        seen.refused.extend(s.refused);
    }
    for server in &mut servers {
        let _ = server.kill();
        let _ = server.wait();
    }

    let done: std::collections::HashMap<i32, i32> = activity::Entity::find()
        .filter(activity::Column::Status.eq(ActivityStatus::Done.code()))
        .all(&test.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.version))
        .collect();
    assert!(
        seen.acknowledged.len() > 20,
        "the load ran: {} acknowledged",
        seen.acknowledged.len()
    );
    for id in seen.acknowledged.iter().chain(&seen.applied_before) {
        assert!(
            done.contains_key(id),
            "acknowledged confirmation {id} was lost"
        );
    }
    let twice: Vec<_> = done.iter().filter(|(_, v)| **v != 1).collect();
    assert!(twice.is_empty(), "applied twice: {twice:?}");
    if chaos == Chaos::Kill {
        assert!(seen.broken > 0, "the kill broke requests under way");
    }
    // Nothing but "starting" while a lone instance comes back; never a 500.
    if chaos == Chaos::Term {
        assert!(seen.refused.is_empty(), "{:?}", seen.refused);
    }
    for (status, body) in &seen.refused {
        assert!(
            *status == 503 && body.contains("starting"),
            "{status} {body}"
        );
    }
    if let Some((status, took)) = term_exit {
        assert!(status.success(), "a clean exit on SIGTERM: {status}");
        // The bound for a graceful stop; in practice well under a second.
        assert!(took < Duration::from_secs(10), "SIGTERM took {took:?}");
    }
}

/// A placeholder child for the one handed to the waiting thread.
fn serve_nothing() -> Child {
    Command::new("true").spawn().expect("true runs")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_of_the_one_sqlite_instance_and_a_restart_lose_nothing() {
    under_load(Backend::Sqlite, 1, Chaos::Kill).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_of_one_of_three_instances_on_postgres_loses_nothing() {
    under_load(Backend::Postgres, 3, Chaos::Kill).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_finishes_the_requests_under_way() {
    under_load(Backend::Postgres, 2, Chaos::Term).await;
}
