//! Text that the server writes into the page as it is, so Klik escapes it there.
//!
//! Leptos escapes text and attributes, except in two places: the `<title>` (leptos_meta 0.8
//! writes it unescaped) and the children of a `<textarea>` (tachys treats them like a
//! script's). Both show names and notes that people typed: a name like
//! `</title><meta http-equiv="refresh" ...>` would otherwise become markup.

/// `text` as the server must write it inside `<title>` or `<textarea>`; in the browser the
/// same text as it is, because there it is set as plain text (`document.title`, the text
/// node), where `&amp;` would show as such.
pub fn raw_text_element(text: String) -> String {
    #[cfg(feature = "ssr")]
    let text = match html_escape::encode_text(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    };
    text
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::raw_text_element;

    #[test]
    fn markup_becomes_text_on_the_server() {
        assert_eq!(
            raw_text_element("</textarea><b>Jan & \"An\"</b>".into()),
            "&lt;/textarea&gt;&lt;b&gt;Jan &amp; \"An\"&lt;/b&gt;"
        );
        assert_eq!(raw_text_element("Mira".into()), "Mira");
    }

    /// Every `<textarea>` with content in the app's views writes it through
    /// `raw_text_element`, so a new one cannot forget it.
    #[test]
    fn every_textarea_content_is_escaped() {
        fn walk(dir: &std::path::Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && !path.ends_with("components/escape.rs")
                {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for (at, _) in source.match_indices("<textarea") {
                        let rest = &source[at..];
                        let Some(open_end) = rest.find('>') else {
                            continue;
                        };
                        let Some(close) = rest.find("</textarea>") else {
                            continue;
                        };
                        let content = rest[open_end + 1..close].trim();
                        if !content.is_empty() && !content.contains("raw_text_element(") {
                            found.push(format!("{}: {content}", path.display()));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.is_empty(), "textarea content written raw: {found:?}");
    }
}
