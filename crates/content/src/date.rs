//! Calendar dates in topic files, written as TOML dates (`2026-11-27`).

use std::fmt;

use serde::de::{Deserialize, Deserializer, Error as _};
use serde::{Serialize, Serializer};

/// A calendar day, such as a review date. Written in a topic file as a bare TOML date:
/// `reviewed_on = 2026-11-27` (no quotes, no time of day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReviewDate(jiff::civil::Date);

impl ReviewDate {
    /// The day as a `jiff` date, for comparisons with today.
    pub fn date(self) -> jiff::civil::Date {
        self.0
    }
}

impl From<jiff::civil::Date> for ReviewDate {
    fn from(date: jiff::civil::Date) -> Self {
        ReviewDate(date)
    }
}

impl fmt::Display for ReviewDate {
    /// ISO 8601 (`2026-11-27`): unambiguous in every language.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// In a topic file (human-readable) a bare TOML date; in the bundle prepared at build time
/// (not human-readable) the day as year, month and day.
impl<'de> Deserialize<'de> for ReviewDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if !deserializer.is_human_readable() {
            let (year, month, day) = <(i16, i8, i8)>::deserialize(deserializer)?;
            return jiff::civil::Date::new(year, month, day).map(ReviewDate).map_err(D::Error::custom);
        }
        let written = toml::value::Datetime::deserialize(deserializer)?;
        let (Some(day), None, None) = (written.date, written.time, written.offset) else {
            return Err(D::Error::custom(format!(
                "expected a date like 2026-11-27 with no time of day, found {written}"
            )));
        };
        let date = jiff::civil::Date::new(day.year as i16, day.month as i8, day.day as i8)
            .map_err(|e| D::Error::custom(format!("{written} is not a real date: {e}")))?;
        Ok(ReviewDate(date))
    }
}

impl Serialize for ReviewDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.0.year(), self.0.month(), self.0.day()).serialize(serializer)
    }
}
