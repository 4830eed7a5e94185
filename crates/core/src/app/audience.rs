//! Who is reading, as every cache worked out for a reader is keyed: the library, the reader's
//! language and mode, and what decides which topics they may see (the kiosk's rule and today's
//! date). The home list and the search index are each kept for one audience and thrown away
//! when it changes, so a topic hidden at midnight leaves both at once.

use jiff::civil::Date;
use kiosk_content::Lang;
use kiosk_content::{Library, Topic};

/// The one key of a reader's caches. Two are equal when every part is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    library: SameLibrary,
    language: Lang,
    staff: bool,
    reviewed_only: bool,
    today: Option<Date>,
}

impl Audience {
    pub(super) fn new(
        library: &Library,
        language: &str,
        staff: bool,
        reviewed_only: bool,
        today: Option<Date>,
    ) -> Audience {
        Audience {
            library: SameLibrary(library.clone()),
            language: Lang::from(language),
            staff,
            reviewed_only,
            today,
        }
    }

    /// The library read.
    pub fn library(&self) -> &Library {
        &self.library.0
    }

    /// The reader's language.
    pub fn language(&self) -> &str {
        &self.language
    }

    /// Whether the reader is staff.
    pub fn staff(&self) -> bool {
        self.staff
    }

    /// Whether this reader may see `topic`: staff see every topic; where the kiosk shows
    /// patients only reviewed topics, drafts and overdue ones are hidden from them.
    pub fn sees(&self, topic: &Topic) -> bool {
        if self.staff || !self.reviewed_only {
            return true;
        }
        match self.today {
            Some(today) => topic.reviewed_and_current(today),
            None => !topic.is_draft(),
        }
    }
}

/// A library compared by identity: the very library a cache was made from, not merely an
/// equal one (comparing 10,000 topics' text would cost what the cache saves).
#[derive(Debug, Clone, Default)]
struct SameLibrary(Library);

impl PartialEq for SameLibrary {
    fn eq(&self, other: &SameLibrary) -> bool {
        self.0.is_same(&other.0)
    }
}

impl Eq for SameLibrary {}
