//! What every page shows: the programme's name, today's date, the chosen language.

use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

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
    use crate::domain::time::local_date;

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize::<LoadProgramme>(&state).await?;
    Ok(Programme {
        name: programme_name(&state.db, &state.config).await?,
        today: local_date(state.clock.now(), state.config.time_zone),
        time_zone: state.config.time_zone.name().to_owned(),
    })
}

/// The name an admin set, or the configured one.
#[cfg(feature = "ssr")]
pub async fn programme_name(
    db: &impl sea_orm::ConnectionTrait,
    config: &crate::config::Config,
) -> Result<String, AppError> {
    use crate::db::settings;
    Ok(settings::get(db, settings::PROGRAMME_NAME)
        .await?
        .map(|s| s.value)
        .unwrap_or_else(|| config.programme_name.clone()))
}

/// Remembers the language in a cookie for a year. Works as a plain form post without
/// JavaScript: the server function layer then redirects back to the page.
#[server(endpoint = "set_language")]
pub async fn set_language(lang: Lang) -> Result<Lang, AppError> {
    use crate::i18n::LANG_COOKIE;
    use http::{HeaderValue, header::SET_COOKIE};

    let state = crate::state::app_state()?;
    crate::auth::policy::authorize::<SetLanguage>(&state).await?;
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
