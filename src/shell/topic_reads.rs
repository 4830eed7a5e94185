//! Which topics were opened, per day, under a privacy floor: a topic's count for a day is
//! written under its name only once it reaches [`PRIVACY_FLOOR`]; what stays below it when the
//! day ends (or the kiosk stops) is written as [`OTHER`], so no written count points at one or
//! two readers.

use std::collections::{BTreeMap, BTreeSet};

/// The fewest openings of a topic in a day written under the topic's name.
pub const PRIVACY_FLOOR: u64 = 5;

/// The name a topic's openings are written under: `topic:` and its id.
pub const PREFIX: &str = "topic:";

/// The name for the openings of topics that stayed below the floor that day. Parentheses are
/// never in a topic's id.
pub const OTHER: &str = "topic:(other)";

/// Openings not yet written, and the topics already written under their names.
#[derive(Debug, Default)]
pub struct TopicReads {
    /// Openings below the floor, by day and topic id.
    below_floor: BTreeMap<(String, String), u64>,
    /// Days and topics written under their names: each later opening is written as it comes.
    named: BTreeSet<(String, String)>,
}

impl TopicReads {
    /// `topic` was opened on `day`: the name and count that may be written now, if any.
    pub fn opened(&mut self, day: &str, topic: &str) -> Option<(String, u64)> {
        let key = (day.to_owned(), topic.to_owned());
        let name = format!("{PREFIX}{topic}");
        if self.named.contains(&key) {
            return Some((name, 1));
        }
        let count = self.below_floor.entry(key.clone()).or_default();
        *count += 1;
        if *count < PRIVACY_FLOOR {
            return None;
        }
        let count = self.below_floor.remove(&key).unwrap_or_default();
        self.named.insert(key);
        Some((name, count))
    }

    /// `topic` was already written under its name on `day` (by an earlier run that day): the
    /// openings held back meanwhile, which the day's count has carried past the floor.
    pub fn already_named(&mut self, day: &str, topic: &str) -> Option<(String, u64)> {
        let key = (day.to_owned(), topic.to_owned());
        let held = self.below_floor.remove(&key);
        self.named.insert(key);
        held.map(|count| (format!("{PREFIX}{topic}"), count))
    }

    /// Ends the days before `today` (every day, with `None`: the kiosk stops): what they hold
    /// below the floor, as each day's count of [`OTHER`].
    pub fn end_days_before(&mut self, today: Option<&str>) -> Vec<(String, u64)> {
        let ended = |day: &str| today.is_none_or(|today| day < today);
        let mut others: BTreeMap<String, u64> = BTreeMap::new();
        self.below_floor.retain(|(day, _), count| {
            if ended(day) {
                *others.entry(day.clone()).or_default() += *count;
            }
            !ended(day)
        });
        self.named.retain(|(day, _)| !ended(day));
        others.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_is_named_from_its_fifth_opening_of_the_day_and_each_one_after() {
        let mut reads = TopicReads::default();
        for _ in 1..PRIVACY_FLOOR {
            assert_eq!(reads.opened("2026-12-05", "vertebroplasty"), None);
        }
        assert_eq!(reads.opened("2026-12-05", "vertebroplasty"), Some(("topic:vertebroplasty".into(), 5)));
        assert_eq!(reads.opened("2026-12-05", "vertebroplasty"), Some(("topic:vertebroplasty".into(), 1)));
        // A new day starts below the floor again.
        assert_eq!(reads.opened("2026-12-06", "vertebroplasty"), None);
    }

    #[test]
    fn what_stays_below_the_floor_is_folded_into_other_when_its_day_ends() {
        let mut reads = TopicReads::default();
        for _ in 0..3 {
            let _ = reads.opened("2026-12-05", "kyphoplasty");
        }
        let _ = reads.opened("2026-12-05", "colonoscopy");
        let _ = reads.opened("2026-12-06", "colonoscopy");
        assert_eq!(reads.end_days_before(Some("2026-12-05")), []);
        assert_eq!(reads.end_days_before(Some("2026-12-06")), [("2026-12-05".to_owned(), 4)]);
        // Stopping ends today too.
        assert_eq!(reads.end_days_before(None), [("2026-12-06".to_owned(), 1)]);
        assert_eq!(reads.end_days_before(None), []);
    }

    #[test]
    fn a_topic_an_earlier_run_named_today_is_written_at_each_opening() {
        let mut reads = TopicReads::default();
        let _ = reads.opened("2026-12-05", "vertebroplasty");
        let held = reads.already_named("2026-12-05", "vertebroplasty");
        assert_eq!(held, Some(("topic:vertebroplasty".into(), 1)));
        assert_eq!(reads.opened("2026-12-05", "vertebroplasty"), Some(("topic:vertebroplasty".into(), 1)));
        assert_eq!(reads.end_days_before(None), []);
    }
}
