//! The one error type of Klik, shared by server functions and the interface.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::domain::validation::Problem;
use crate::i18n::Texts;

/// Expected outcomes have their own variant; every infrastructure failure becomes `Internal`,
/// whose detail stays in the server log and whose reference lets staff find it there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("not signed in")]
    Unauthenticated,
    #[error("the record changed since it was read")]
    Conflict,
    /// Wrong address or password: the same answer whether the address exists or not.
    #[error("sign-in failed")]
    LoginFailed,
    #[error("too many attempts")]
    TooManyAttempts,
    /// An admin made two-step sign-in compulsory for this role and it is not set up yet.
    #[error("two-step sign-in must be set up first")]
    TwoFactorRequired,
    /// An invitation link, or the second step of a sign-in, that is used or too old.
    #[error("link or step no longer valid")]
    Expired,
    #[error("invalid field `{field}`: {problem:?}")]
    Validation { field: String, problem: Problem },
    /// Several fields of a larger form; each is shown at its field.
    #[error("{} invalid fields", problems.len())]
    Invalid { problems: Vec<(String, Problem)> },
    #[error("internal error, reference {reference}")]
    Internal { reference: String },
    /// The database cannot be reached (stopped, restarting, every connection busy): the
    /// request may be tried again in a moment, and nothing was written.
    #[error("database unavailable")]
    Unavailable,
    /// The request itself failed (network, encoding): raised by the server-function layer.
    /// The detail names the field and what it expects, never the value that was sent.
    #[error("request failed: {0}")]
    Request(String),
    /// The server could not be reached at all (no network, server away): raised in the
    /// browser; what was sent may be tried again.
    #[error("server unreachable")]
    Unreachable,
    /// The request's body is larger than this server function takes.
    #[error("request larger than {max_kb} KB")]
    TooLarge { max_kb: u32 },
    /// The record cannot be anonymised now, and why.
    #[error("erasure refused: {0:?}")]
    ErasureRefused(crate::domain::privacy::ErasureRefusal),
    /// An answer to an event that can no longer be given, and why.
    #[error("answer refused: {0:?}")]
    AnswerRefused(crate::domain::event::AnswerRefusal),
}

impl AppError {
    /// The problem with one field, from either kind of validation error.
    pub fn problem_at(&self, field: &str) -> Option<&Problem> {
        match self {
            AppError::Validation { field: f, problem } if f == field => Some(problem),
            AppError::Invalid { problems } => {
                problems.iter().find(|(f, _)| f == field).map(|(_, p)| p)
            }
            _ => None,
        }
    }

    /// A form's problems: one becomes `Validation`, several `Invalid`.
    pub fn fields(mut problems: Vec<(String, Problem)>) -> Self {
        if problems.len() == 1 {
            let (field, problem) = problems.remove(0);
            AppError::Validation { field, problem }
        } else {
            AppError::Invalid { problems }
        }
    }

    pub fn validation(field: &str, problem: Problem) -> Self {
        AppError::Validation {
            field: field.to_owned(),
            problem,
        }
    }

    /// Logs an infrastructure failure and returns the error the user sees. The detail must
    /// not contain personal data: pass the error of a library, never a record.
    #[cfg(feature = "ssr")]
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        let reference = uuid::Uuid::new_v4().simple().to_string()[..8].to_uppercase();
        tracing::error!(%reference, %detail, "internal error");
        AppError::Internal { reference }
    }

    /// The message for the user, in their language.
    pub fn message(&self, t: &Texts) -> String {
        match self {
            AppError::NotFound => t.err_not_found.into(),
            AppError::Forbidden => t.err_forbidden.into(),
            AppError::Unauthenticated => t.err_unauthenticated.into(),
            AppError::Conflict => t.err_conflict.into(),
            AppError::LoginFailed => t.err_login_failed.into(),
            AppError::TooManyAttempts => t.err_too_many_attempts.into(),
            AppError::TwoFactorRequired => t.err_two_factor_required.into(),
            AppError::Expired => t.err_expired.into(),
            AppError::Validation { problem, .. } => (t.problem)(problem),
            AppError::Invalid { problems } => (t.err_invalid_fields)(problems.len()),
            AppError::Internal { .. } => t.err_internal.into(),
            AppError::Unavailable => t.err_unavailable.into(),
            AppError::Request(_) | AppError::Unreachable => t.err_request.into(),
            AppError::TooLarge { max_kb } => (t.err_too_large)(*max_kb),
            AppError::ErasureRefused(why) => (t.erasure_refusal)(*why).into(),
            AppError::AnswerRefused(why) => (t.answer_refusal)(*why).into(),
        }
    }

    /// The HTTP status a page showing this error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::Unauthenticated => 401,
            AppError::Conflict => 409,
            AppError::LoginFailed => 401,
            AppError::TooManyAttempts => 429,
            AppError::TwoFactorRequired => 403,
            AppError::Expired => 410,
            AppError::Validation { .. } | AppError::Invalid { .. } => 422,
            AppError::Internal { .. } => 500,
            AppError::Unavailable | AppError::Unreachable => 503,
            AppError::Request(_) => 400,
            AppError::TooLarge { .. } => 413,
            AppError::ErasureRefused(_) | AppError::AnswerRefused(_) => 409,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        if let ServerFnErrorErr::Request(_) = value {
            return AppError::Unreachable;
        }
        AppError::Request(describe_request_error(&value, request_field))
    }
}

/// The fields of the request being answered, as sent (form or query), so that a decode
/// error can name the field whose value it refused. The server's body-limit middleware
/// puts them in the request's extensions.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, Default)]
pub struct RequestFields(pub Vec<(String, String)>);

/// The name of the field that was sent with `value` in the request being answered.
fn request_field(value: &str) -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let fields = parts.extensions.get::<RequestFields>()?;
        fields
            .0
            .iter()
            .find(|(_, v)| v == value)
            .map(|(k, _)| k.clone())
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = value;
        None
    }
}

/// The longest detail a request error carries: error bodies stay small.
const MAX_DETAIL: usize = 300;

/// What was wrong with a request, in words a developer understands, built only from the
/// names in the code (fields, types, allowed values) and never from what was sent: a
/// refused value could be personal data, and it would reach the answer and, for a form
/// without JavaScript, the address of the page.
fn describe_request_error(
    error: &ServerFnErrorErr,
    field_of: impl Fn(&str) -> Option<String>,
) -> String {
    let message = match error {
        ServerFnErrorErr::Args(message) | ServerFnErrorErr::Deserialization(message) => message,
        ServerFnErrorErr::MissingArg(name) => {
            return clip(format!("missing field {}", quoted_name(name)));
        }
        _ => return "the request could not be read".into(),
    };
    let field = |value: &str| {
        field_of(value)
            .filter(|name| is_name(name))
            .map(|name| format!("field `{name}`: "))
            .unwrap_or_default()
    };
    let detail = if let Some(rest) = message.find("unknown variant `").map(|at| &message[at..]) {
        // serde: "unknown variant `V`, expected one of `a`, `b`" (or "expected `a`"). The
        // value may itself contain backticks and commas: the list is after the last marker.
        let value_start = "unknown variant `".len();
        match rest.rfind("`, expected ") {
            Some(end) if end >= value_start => {
                let value = &rest[value_start..end];
                let allowed = &rest[end + "`, ".len()..];
                format!("{}unknown value; {}", field(value), allowed)
            }
            _ => "unknown value".into(),
        }
    } else if let Some(detail) =
        value_error(message, "invalid type: ").or_else(|| value_error(message, "invalid value: "))
    {
        let (value, expected) = detail;
        format!("{}{expected}", field(value.unwrap_or_default()))
    } else if let Some(name) = after(message, "missing field `").and_then(|r| r.split('`').next()) {
        format!("missing field `{name}`")
    } else if let Some(name) = after(message, "duplicate field `").and_then(|r| r.split('`').next())
    {
        format!("field `{name}` sent twice")
    } else if message.contains("unknown field `") {
        "unknown field".into()
    } else if message.contains("invalid digit") || message.contains("number too") {
        "a number was expected".into()
    } else if message.contains("premature end of input")
        || message.contains("input contains invalid characters")
        || message.contains("input is out of range")
        || message.contains("input is not enough")
    {
        "a date or time could not be read".into()
    } else {
        "the request could not be read".into()
    };
    clip(detail)
}

/// serde's "invalid type: string \"V\", expected X": the value (when it is a string) and "expected X".
fn value_error<'a>(message: &'a str, marker: &str) -> Option<(Option<&'a str>, &'a str)> {
    let rest = after(message, marker)?;
    let at = rest.rfind(", expected ")?;
    let expected = &rest[at + ", ".len()..];
    let value = rest[..at]
        .strip_prefix("string \"")
        .and_then(|v| v.strip_suffix('"'));
    Some((value, expected))
}

fn after<'a>(message: &'a str, marker: &str) -> Option<&'a str> {
    message.find(marker).map(|at| &message[at + marker.len()..])
}

/// A field name as the code writes it (`input[role]`), never free text.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '[' | ']' | '.'))
}

fn quoted_name(name: &str) -> String {
    if is_name(name) {
        format!("`{name}`")
    } else {
        "(unnamed)".into()
    }
}

fn clip(mut detail: String) -> String {
    if detail.len() > MAX_DETAIL {
        let mut end = MAX_DETAIL;
        while !detail.is_char_boundary(end) {
            end -= 1;
        }
        detail.truncate(end);
        detail.push('…');
    }
    detail
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        if database_unreachable(&err) {
            // Not a fault of Klik's: a warning, and a 503 that load balancers understand.
            tracing::warn!(error = %err, "database unavailable");
            AppError::Unavailable
        } else {
            AppError::internal(err)
        }
    }
}

/// Whether `err` says the database could not be reached, rather than that a statement
/// failed: no connection to be had in time, a connection refused or dropped, or PostgreSQL
/// shutting down or starting (SQLSTATE classes 08 and 57P).
#[cfg(feature = "ssr")]
pub fn database_unreachable(err: &sea_orm::DbErr) -> bool {
    use sea_orm::sqlx::Error as Sqlx;
    use sea_orm::{DbErr, RuntimeErr};
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            match e.as_ref() {
                Sqlx::Io(_)
                | Sqlx::PoolTimedOut
                | Sqlx::PoolClosed
                | Sqlx::WorkerCrashed
                | Sqlx::Tls(_) => true,
                Sqlx::Database(db) => db
                    .code()
                    .is_some_and(|code| code.starts_with("08") || code.starts_with("57P")),
                _ => false,
            }
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_error_has_a_message_in_every_language() {
        let errors = [
            AppError::NotFound,
            AppError::Forbidden,
            AppError::Unauthenticated,
            AppError::Conflict,
            AppError::LoginFailed,
            AppError::TooManyAttempts,
            AppError::TwoFactorRequired,
            AppError::Expired,
            AppError::validation("name", Problem::Required),
            AppError::fields(vec![
                ("a".into(), Problem::Required),
                ("b".into(), Problem::Invalid),
            ]),
            AppError::Internal {
                reference: "AB12CD34".into(),
            },
            AppError::Request("connection refused".into()),
            AppError::Unavailable,
            AppError::TooLarge { max_kb: 64 },
        ];
        for lang in Lang::ALL {
            for error in &errors {
                let message = error.message(lang.texts());
                assert!(!message.is_empty());
                // Technical detail never reaches the user.
                assert!(!message.contains("connection refused"));
            }
        }
    }

    #[test]
    fn errors_survive_the_trip_through_json() {
        let error = AppError::validation("name", Problem::TooLong { max: 64 });
        let bytes = error.ser();
        assert_eq!(AppError::de(bytes), error);
    }

    fn args(message: &str) -> ServerFnErrorErr {
        ServerFnErrorErr::Args(message.to_owned())
    }

    #[test]
    fn request_errors_name_the_field_and_the_allowed_values_never_the_value() {
        let secret = "Jansens, `expected one of` <b>";
        let message = format!("unknown variant `{secret}`, expected one of `nl`, `en`");
        let field = |v: &str| (v == secret).then(|| "lang".to_owned());
        let detail = describe_request_error(&args(&message), field);
        assert_eq!(
            detail,
            "field `lang`: unknown value; expected one of `nl`, `en`"
        );
        // Without the request's fields, the allowed values still come.
        let detail = describe_request_error(&args(&message), |_| None);
        assert_eq!(detail, "unknown value; expected one of `nl`, `en`");

        let message = format!("invalid type: string \"{secret}\", expected i32");
        let detail = describe_request_error(&args(&message), field);
        assert_eq!(detail, "field `lang`: expected i32");
        let detail = describe_request_error(&args("missing field `input`"), |_| None);
        assert_eq!(detail, "missing field `input`");
        let detail = describe_request_error(&args("invalid digit found in string"), |_| None);
        assert_eq!(detail, "a number was expected");
        let detail = describe_request_error(
            &args(&format!(
                "parsing failed with error: '{secret}' at position: 3"
            )),
            |_| None,
        );
        assert_eq!(detail, "the request could not be read");
        // A field name that is not a name is left out.
        let detail = describe_request_error(&args(&message), |_| Some("<b>x".into()));
        assert_eq!(detail, "expected i32");
    }

    #[test]
    fn request_errors_stay_small_whatever_was_sent() {
        let huge = "x".repeat(2 * 1024 * 1024);
        let allowed = (0..500)
            .map(|i| format!("`v{i}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let message = format!("unknown variant `{huge}`, expected one of {allowed}");
        let detail = describe_request_error(&args(&message), |_| None);
        assert!(
            detail.len() <= MAX_DETAIL + '…'.len_utf8(),
            "{}",
            detail.len()
        );
        assert!(!detail.contains("xxx"));
        let detail = describe_request_error(&ServerFnErrorErr::MissingArg(huge.clone()), |_| None);
        assert_eq!(detail, "missing field (unnamed)");
    }

    #[test]
    fn statuses_follow_http() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::Conflict.status(), 409);
        assert_eq!(
            AppError::Internal {
                reference: String::new()
            }
            .status(),
            500
        );
        assert_eq!(AppError::Unavailable.status(), 503);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn an_unreachable_database_is_unavailable_and_a_failed_statement_internal() {
        use sea_orm::{ConnAcquireErr, DbErr, RuntimeErr};
        use std::sync::Arc;
        let io = |kind| {
            RuntimeErr::SqlxError(Arc::new(sea_orm::sqlx::Error::Io(std::io::Error::from(
                kind,
            ))))
        };
        for err in [
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout),
            DbErr::Conn(io(std::io::ErrorKind::ConnectionRefused)),
            DbErr::Query(io(std::io::ErrorKind::ConnectionReset)),
            DbErr::Exec(io(std::io::ErrorKind::BrokenPipe)),
        ] {
            assert!(database_unreachable(&err), "{err}");
            assert_eq!(AppError::from(err), AppError::Unavailable);
        }
        for err in [
            DbErr::Custom("no such column".into()),
            DbErr::RecordNotFound("x".into()),
            DbErr::Query(RuntimeErr::Internal("syntax".into())),
        ] {
            assert!(!database_unreachable(&err), "{err}");
            assert!(matches!(AppError::from(err), AppError::Internal { .. }));
        }
    }
}
