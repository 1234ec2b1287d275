//! Choices from a fixed set that travel as short codes: in forms, addresses and database
//! columns. [`coded!`](crate::coded) is the one way to declare one: it writes the enum, its
//! `ALL`, `code()` and `from_code()`, and the [`Coded`] trait that generic code (list filters,
//! the database layer's decoding of stored codes) works with.

/// A choice from a fixed set carried as a short code.
pub trait Coded: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order forms offer them.
    fn all() -> &'static [Self];
    fn code(self) -> &'static str;
    fn from_code(code: &str) -> Option<Self> {
        Self::all().iter().copied().find(|v| v.code() == code)
    }
}

/// Declares a coded enum: each variant names its code (`Waiting = "waiting"`); attributes on
/// the enum and on variants (derives, serde, docs, `#[default]`) pass through. `ALL` lists
/// the variants in their declared order.
#[macro_export]
macro_rules! coded {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl $name {
            /// Every value, in declared order.
            pub const ALL: [$name; [$($code),+].len()] = [$($name::$variant),+];

            /// The code stored and sent for this value.
            pub const fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code ),+
                }
            }

            /// The value of a code; `None` for anything else (case and spaces count).
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $( $code => Some($name::$variant), )+
                    _ => None,
                }
            }
        }

        impl $crate::domain::coded::Coded for $name {
            fn all() -> &'static [Self] {
                &<$name>::ALL
            }
            fn code(self) -> &'static str {
                <$name>::code(self)
            }
            fn from_code(code: &str) -> Option<Self> {
                <$name>::from_code(code)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::Coded;

    crate::coded! {
        /// A test enum.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
        enum Weather {
            #[default]
            Sun = "sun",
            /// Docs on a variant pass through.
            Rain = "rain",
        }
    }

    #[test]
    fn codes_go_both_ways_and_nothing_else_decodes() {
        assert_eq!(Weather::ALL, [Weather::Sun, Weather::Rain]);
        for w in Weather::ALL {
            assert_eq!(Weather::from_code(w.code()), Some(w));
            assert_eq!(<Weather as Coded>::from_code(w.code()), Some(w));
        }
        assert_eq!(Weather::from_code("Sun"), None);
        assert_eq!(Weather::from_code(" sun"), None);
        assert_eq!(Weather::from_code(""), None);
        assert_eq!(Weather::default(), Weather::Sun);
        assert_eq!(<Weather as Coded>::all().len(), 2);
    }
}
