//! Spoken languages as people type them ("Nederlands", "dutch", "NL", "Vlaams") reduced to one
//! key per language, so that matching can tell whether two people share one.
//!
//! Profiles keep the text as typed; only matching and its explanations use the keys. A
//! language missing from the table keys as its own trimmed lower-case text, so two people
//! who both typed "Lingala" still share it.

/// A known language: its key, its names in Dutch and English, and other ways to write it.
struct Known {
    key: &'static str,
    nl: &'static str,
    en: &'static str,
    aliases: &'static [&'static str],
}

/// The languages most spoken in and around Mechelen, with the spellings met in intakes.
const KNOWN: &[Known] = &[
    Known {
        key: "nl",
        nl: "Nederlands",
        en: "Dutch",
        aliases: &["vlaams", "flemish", "nederlands", "dutch", "nld", "vl"],
    },
    Known {
        key: "fr",
        nl: "Frans",
        en: "French",
        aliases: &["frans", "french", "français", "francais", "fra"],
    },
    Known {
        key: "en",
        nl: "Engels",
        en: "English",
        aliases: &["engels", "english", "eng"],
    },
    Known {
        key: "de",
        nl: "Duits",
        en: "German",
        aliases: &["duits", "german", "deutsch", "deu"],
    },
    Known {
        key: "ar",
        nl: "Arabisch",
        en: "Arabic",
        aliases: &[
            "arabisch",
            "arabic",
            "العربية",
            "ara",
            "marokkaans",
            "darija",
        ],
    },
    Known {
        key: "ber",
        nl: "Berbers",
        en: "Berber",
        aliases: &[
            "berbers",
            "berber",
            "tamazight",
            "amazigh",
            "tarifit",
            "riffijns",
            "rifijns",
            "tachelhit",
        ],
    },
    Known {
        key: "tr",
        nl: "Turks",
        en: "Turkish",
        aliases: &["turks", "turkish", "türkçe", "turkce", "tur"],
    },
    Known {
        key: "es",
        nl: "Spaans",
        en: "Spanish",
        aliases: &["spaans", "spanish", "español", "espanol", "spa"],
    },
    Known {
        key: "it",
        nl: "Italiaans",
        en: "Italian",
        aliases: &["italiaans", "italian", "italiano", "ita"],
    },
    Known {
        key: "pt",
        nl: "Portugees",
        en: "Portuguese",
        aliases: &["portugees", "portuguese", "português", "portugues", "por"],
    },
    Known {
        key: "pl",
        nl: "Pools",
        en: "Polish",
        aliases: &["pools", "polish", "polski", "pol"],
    },
    Known {
        key: "ro",
        nl: "Roemeens",
        en: "Romanian",
        aliases: &["roemeens", "romanian", "română", "romana", "ron"],
    },
    Known {
        key: "ru",
        nl: "Russisch",
        en: "Russian",
        aliases: &["russisch", "russian", "русский", "rus"],
    },
    Known {
        key: "uk",
        nl: "Oekraïens",
        en: "Ukrainian",
        aliases: &["oekraïens", "oekraiens", "ukrainian", "українська", "ukr"],
    },
    Known {
        key: "fa",
        nl: "Perzisch",
        en: "Persian",
        aliases: &["perzisch", "persian", "farsi", "dari", "fas"],
    },
    Known {
        key: "ps",
        nl: "Pasjtoe",
        en: "Pashto",
        aliases: &["pasjtoe", "pashto", "pus"],
    },
    Known {
        key: "so",
        nl: "Somalisch",
        en: "Somali",
        aliases: &["somalisch", "somali", "som"],
    },
    Known {
        key: "ti",
        nl: "Tigrinya",
        en: "Tigrinya",
        aliases: &["tigrinya", "tigrinja", "tir"],
    },
    Known {
        key: "am",
        nl: "Amhaars",
        en: "Amharic",
        aliases: &["amhaars", "amharic", "amh"],
    },
    Known {
        key: "sq",
        nl: "Albanees",
        en: "Albanian",
        aliases: &["albanees", "albanian", "shqip", "sqi"],
    },
    Known {
        key: "bg",
        nl: "Bulgaars",
        en: "Bulgarian",
        aliases: &["bulgaars", "bulgarian", "bul"],
    },
    Known {
        key: "hy",
        nl: "Armeens",
        en: "Armenian",
        aliases: &["armeens", "armenian", "hye"],
    },
    Known {
        key: "ku",
        nl: "Koerdisch",
        en: "Kurdish",
        aliases: &["koerdisch", "kurdish", "kurmanji", "sorani", "kur"],
    },
    Known {
        key: "sgn-be",
        nl: "Vlaamse Gebarentaal",
        en: "Flemish Sign Language",
        aliases: &["vlaamse gebarentaal", "flemish sign language", "vgt"],
    },
];

/// The key of a language as typed: known spellings (any case, a two-letter code included)
/// give the table's key, anything else its trimmed lower-case text.
pub fn key_of(typed: &str) -> String {
    let text = typed.trim().to_lowercase();
    KNOWN
        .iter()
        .find(|k| k.key == text || k.aliases.contains(&text.as_str()))
        .map_or(text, |k| k.key.to_owned())
}

/// The sorted keys of a person's languages, each once; blank entries are dropped.
pub fn keys_of(typed: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = typed
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| key_of(t))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A key's name: the table's Dutch (`dutch` true) or English name, or the key itself with a
/// capital for a language outside the table.
pub fn name_of(key: &str, dutch: bool) -> String {
    match KNOWN.iter().find(|k| k.key == key) {
        Some(k) if dutch => k.nl.to_owned(),
        Some(k) => k.en.to_owned(),
        None => {
            let mut chars = key.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
    }
}

/// The keys two sorted key lists share, in order.
pub fn shared(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().filter(|k| b.contains(k)).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_language_share_a_key() {
        for typed in ["Nederlands", " nederlands ", "NL", "Vlaams", "Dutch"] {
            assert_eq!(key_of(typed), "nl", "{typed}");
        }
        for typed in ["Tamazight", "Berbers", "Riffijns", "amazigh"] {
            assert_eq!(key_of(typed), "ber", "{typed}");
        }
        assert_eq!(key_of("Français"), "fr");
        assert_eq!(key_of("TÜRKÇE"), "tr");
        assert_eq!(key_of("العربية"), "ar");
    }

    #[test]
    fn an_unknown_language_keys_as_its_text() {
        assert_eq!(key_of(" Lingala "), "lingala");
        assert_eq!(name_of("lingala", true), "Lingala");
        assert_eq!(name_of("", true), "");
    }

    #[test]
    fn keys_are_sorted_once_and_blanks_dropped() {
        let typed = [
            "Frans".into(),
            " ".into(),
            "nederlands".into(),
            "French".into(),
        ];
        assert_eq!(keys_of(&typed), ["fr", "nl"]);
        assert!(keys_of(&[]).is_empty());
    }

    #[test]
    fn names_come_in_both_languages() {
        assert_eq!(name_of("ar", true), "Arabisch");
        assert_eq!(name_of("ar", false), "Arabic");
        assert_eq!(
            shared(
                &keys_of(&["Arabisch".into(), "Frans".into()]),
                &["fr".into()]
            ),
            ["fr"]
        );
    }

    #[test]
    fn every_key_is_its_own_and_no_alias_is_claimed_twice() {
        let mut seen = std::collections::BTreeSet::new();
        for k in KNOWN {
            assert_eq!(key_of(k.key), k.key);
            assert_eq!(key_of(k.nl), k.key, "{}", k.nl);
            assert_eq!(key_of(k.en), k.key, "{}", k.en);
            for a in k.aliases {
                assert_eq!(*a, a.to_lowercase(), "aliases are lower case");
                assert!(seen.insert(*a), "{a} twice");
            }
        }
    }
}
