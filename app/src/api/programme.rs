//! What every page shows: the programme's name, today's date, the chosen language.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::api::ctx::Ctx;
use crate::error::AppError;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Programme {
    pub name: String,
    /// Today in the programme's time zone.
    pub today: NaiveDate,
    /// IANA name of the programme's time zone, for showing times in the browser.
    pub time_zone: String,
}

impl Programme {
    pub fn tz(&self) -> chrono_tz::Tz {
        crate::domain::time::parse_time_zone(&self.time_zone)
            .unwrap_or(crate::domain::time::DEFAULT_TIME_ZONE)
    }
}

/// Public: the header shows it before anyone signs in.
#[server(endpoint = "load_programme")]
pub async fn load_programme() -> Result<Programme, AppError> {
    let cx = Ctx::open::<LoadProgramme>().await?;
    let config = &cx.state.config;
    Ok(Programme {
        name: crate::db::settings::programme_name(&cx.state.db, &config.programme_name).await?,
        today: cx.today,
        time_zone: config.time_zone.name().to_owned(),
    })
}

/// Remembers the language in a cookie for a year, and on the account of whoever is signed
/// in (for the mails, reminders and calendar feed Klik writes them). Works as a plain form
/// post without JavaScript: the server function layer then redirects back to the page.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: Lang) -> Result<Lang, AppError> {
    use crate::i18n::LANG_COOKIE;
    use http::{HeaderValue, header::SET_COOKIE};

    let cx = Ctx::open::<SetLanguage>().await?;
    if let Some(user) = &cx.user {
        // A preference, not personal data about anyone else: not audited.
        let txn = cx.begin().await?;
        crate::db::users::set_language(&txn, user.id, lang).await?;
        txn.commit().await?;
    }
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.code()
    );
    let value = HeaderValue::from_str(&cookie).map_err(AppError::internal)?;
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(SET_COOKIE, value);
    }
    Ok(lang)
}
