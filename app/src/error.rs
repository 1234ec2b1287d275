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
    /// The request itself failed (network, encoding): raised by the server-function layer.
    #[error("request failed: {0}")]
    Request(String),
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
            AppError::Request(_) => t.err_request.into(),
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
            AppError::Request(_) => 400,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Request(value.to_string())
    }
}

#[cfg(feature = "ssr")]
impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::internal(err)
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
    }
}
