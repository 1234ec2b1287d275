//! The chosen language as reactive context: every text in a view reads it, so switching
//! language re-renders the texts without a page load.

use leptos::prelude::*;

use super::{Lang, Texts};

#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
}

impl I18n {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set(&self, lang: Lang) {
        self.lang.set(lang);
    }

    /// The texts in the current language (tracked: use inside a closure in views).
    pub fn t(&self) -> &'static Texts {
        self.lang.get().texts()
    }
}

/// Starts with the language the server rendered: from the cookie on the server, from
/// `<html lang>` in the browser, so that hydration sees the same texts.
pub fn provide_i18n() -> I18n {
    let i18n = I18n {
        lang: RwSignal::new(initial_lang()),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

#[cfg(feature = "ssr")]
fn initial_lang() -> Lang {
    request_lang()
}

/// The language of the request being answered: its language cookie, else Dutch.
#[cfg(feature = "ssr")]
pub fn request_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .map(Lang::from_cookie_header)
        })
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn initial_lang() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn initial_lang() -> Lang {
    Lang::default()
}
