//! Closed vocabularies: enums whose values have a fixed JSON name and a meaning.

/// Declares a closed vocabulary: a fieldless enum whose variants serialise as the
/// given names, with `ALL`, `as_str`, `meaning`, `from_name`, `FromStr` and `Display`.
/// The label names the vocabulary in error messages ("unknown territory status").
///
/// The meaning string doubles as the variant's doc comment, so the docs and the
/// subject table in the crate docs cannot drift apart.
macro_rules! keywords {
    (
        $(#[$meta:meta])*
        pub enum $name:ident: $label:literal {
            $( $variant:ident = $word:literal : $meaning:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = $meaning]
                #[serde(rename = $word)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The value's name in the JSON form.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $word,)+
                }
            }

            /// A one-line description of the value.
            pub const fn meaning(self) -> &'static str {
                match self {
                    $(Self::$variant => $meaning,)+
                }
            }

            /// The value with the given JSON name, if there is one.
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.as_str() == name)
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::error::ParseError;

            fn from_str(name: &str) -> Result<Self, Self::Err> {
                Self::from_name(name).ok_or_else(|| {
                    $crate::error::ParseError::new($crate::model::keyword::unknown($label, name, Self::ALL.iter().map(|v| v.as_str())))
                })
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                name.parse().map_err(serde::de::Error::custom)
            }
        }

        impl $crate::model::field::ToField for $name {
            fn to_field(&self) -> Option<$crate::model::field::FieldValue> {
                Some($crate::model::field::FieldValue::Word(self.as_str().to_owned()))
            }
        }

        impl $crate::model::field::ToField for Option<$name> {
            fn to_field(&self) -> Option<$crate::model::field::FieldValue> {
                self.as_ref().and_then($crate::model::field::ToField::to_field)
            }
        }

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use keywords;

/// The message for a name outside a vocabulary.
pub(crate) fn unknown<'a>(label: &str, name: &str, known: impl Iterator<Item = &'a str>) -> String {
    let known: Vec<String> = known.map(|word| format!("`{word}`")).collect();
    format!(
        "unknown {label} `{}` (expected one of {})",
        crate::text::bounded(name),
        known.join(", ")
    )
}
