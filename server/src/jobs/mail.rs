//! Delivering the outbox over SMTP: claim one message, send it, record the outcome; after a
//! failure the message waits with exponential backoff (`app::domain::mail::retry_delay`).
//! See `app::db::outbox` for the claim and its at-least-once guarantee.

use std::time::Duration;

use app::config::SmtpUrl;
use app::db::outbox::{self, Message};
use app::domain::mail::MailStatus;
use app::state::AppState;
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

/// Longest wait for the SMTP server at each step; far below `outbox::LEASE`.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(30);
/// Messages read per query.
const BATCH: u64 = 20;
/// At most this many claims per tick, so that a tick stays short.
const MAX_PER_TICK: usize = 200;

/// The SMTP transport and the sender.
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl Mailer {
    pub fn new(url: &SmtpUrl, from: &str) -> Result<Mailer, String> {
        // The URL may hold a password: errors never repeat it.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
            .map_err(|_| {
                "KLIK_SMTP_URL: not a usable SMTP address (smtp://host:port, smtps://user:password@host)"
                    .to_owned()
            })?
            .timeout(Some(SMTP_TIMEOUT))
            .build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|e| format!("KLIK_MAIL_FROM: {e}"))?;
        Ok(Mailer { transport, from })
    }

    /// Sends one message. The error is short and holds no personal data.
    pub async fn send(&self, message: &Message) -> Result<(), SendError> {
        let to: Mailbox = message
            .to_address
            .parse()
            .map_err(|_| SendError::permanent("invalid recipient address"))?;
        let email = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(message.body.clone())
            .map_err(|_| SendError::permanent("the message could not be built"))?;
        self.transport
            .send(email)
            .await
            .map(|_| ())
            .map_err(|e| SendError::transient(describe(&e)))
    }
}

/// Why a message was not delivered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SendError {
    /// Shown to admins and logged: categories and SMTP codes only.
    pub reason: String,
    /// Retrying cannot help (an address that cannot be parsed).
    pub permanent: bool,
}

impl SendError {
    fn permanent(reason: &str) -> SendError {
        SendError {
            reason: reason.to_owned(),
            permanent: true,
        }
    }

    fn transient(reason: String) -> SendError {
        SendError {
            reason,
            permanent: false,
        }
    }
}

/// A short description of an SMTP failure: never the server's own text, which may repeat
/// the recipient's address.
fn describe(error: &lettre::transport::smtp::Error) -> String {
    if let Some(code) = error.status() {
        let kind = if error.is_permanent() {
            "refused"
        } else {
            "temporarily refused"
        };
        return format!("SMTP server {kind} the message ({code})");
    }
    if error.is_timeout() {
        return "the SMTP server did not answer in time".to_owned();
    }
    if error.is_tls() {
        return "TLS with the SMTP server failed".to_owned();
    }
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        if let Some(io) = inner.downcast_ref::<std::io::Error>() {
            return format!("cannot reach the SMTP server ({})", io.kind());
        }
        source = inner.source();
    }
    if error.is_client() {
        return "SMTP client error".to_owned();
    }
    "SMTP error".to_owned()
}

/// What one delivery round did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    /// Failed this time, tried again later.
    pub retrying: usize,
    /// Given up.
    pub failed: usize,
    /// Claimed by another instance first.
    pub skipped: usize,
}

/// Delivers the messages that are due, one claim at a time, until none is left, the round's
/// maximum is reached or `stopping()` says the server shuts down.
pub async fn deliver_due(
    state: &AppState,
    mailer: &Mailer,
    stopping: &(dyn Fn() -> bool + Sync),
) -> Delivery {
    let mut done = Delivery::default();
    // Claims tried this round, won or lost: bounds the round also when another instance
    // keeps winning.
    let mut budget = MAX_PER_TICK;
    'rounds: while budget > 0 && !stopping() {
        let due = match outbox::due(&state.db, state.clock.now(), BATCH).await {
            Ok(due) => due,
            Err(error) => {
                tracing::error!(%error, "cannot read the outbox");
                break;
            }
        };
        let full = due.len() as u64 == BATCH;
        for message in due {
            if budget == 0 || stopping() {
                break 'rounds;
            }
            budget -= 1;
            match outbox::claim(&state.db, &message, state.clock.now()).await {
                Ok(Some(claimed)) => deliver_one(state, mailer, &claimed, &mut done).await,
                // Another instance was first: its row is no longer due, so reading again
                // finds the rest.
                Ok(None) => done.skipped += 1,
                Err(error) => {
                    tracing::error!(%error, message_id = message.id, "cannot claim a message");
                    break 'rounds;
                }
            }
        }
        if !full {
            break;
        }
    }
    done
}

async fn deliver_one(state: &AppState, mailer: &Mailer, claimed: &Message, done: &mut Delivery) {
    let (id, attempt) = (claimed.id, claimed.attempts);
    match mailer.send(claimed).await {
        Ok(()) => match outbox::mark_sent(&state.db, claimed, state.clock.now()).await {
            Ok(true) => {
                done.sent += 1;
                tracing::info!(message_id = id, attempt, "mail sent");
            }
            Ok(false) => {
                done.sent += 1;
                tracing::warn!(
                    message_id = id,
                    "mail sent after its claim ran out; it may go out twice"
                );
            }
            // The claim stays; when its lease runs out the message is sent again.
            Err(error) => {
                tracing::error!(%error, message_id = id, "mail sent but not recorded")
            }
        },
        Err(failure) => {
            let outcome = outbox::mark_failed(
                &state.db,
                claimed,
                &failure.reason,
                failure.permanent,
                state.clock.now(),
            )
            .await;
            match outcome {
                Ok(Some(MailStatus::Failed)) => {
                    done.failed += 1;
                    tracing::warn!(message_id = id, attempt, reason = %failure.reason, "mail given up");
                }
                Ok(_) => {
                    done.retrying += 1;
                    tracing::warn!(message_id = id, attempt, reason = %failure.reason, "mail not delivered; trying again later");
                }
                Err(error) => {
                    tracing::error!(%error, message_id = id, "mail failure not recorded")
                }
            }
        }
    }
}
