//! The kiosk's content: the topic file format, loading a folder or the bundled copy,
//! validation and diagnostics, the interface's words in each language ([`i18n`]), reading
//! grades and the editorial checks `validate` adds ([`readability`]). Knows
//! nothing about terminals: no ratatui, no crossterm.

#![warn(missing_docs)]
// Nothing here needs it: the terminal, signals and processes are the binary's.
#![forbid(unsafe_code)]

pub mod console;
pub mod i18n;
pub mod readability;

mod bundled;
mod date;
mod deleted_codes;
mod diagnostic;
mod editor_hints;
mod every_error;
mod field_path;
mod folder_files;
mod items;
mod language;
mod library;
mod load;
mod model;
mod names_cache;
mod names_first;
mod plural;
mod prepared;
mod read_file;
mod reload;
mod revision;
mod sign_off;
mod spot;
mod text_fields;
mod text_safety;
mod topic_id;
mod triage;
mod validate;
mod vocabulary;
pub mod words;

pub use bundled::{BUNDLED_FILES, bundled_file};
pub use date::ReviewDate;
pub use deleted_codes::{DeletedCode, deleted_codes, find_deleted};
pub use diagnostic::{CODES, Diagnostic, Excerpt, Position, Severity, printable};
pub use field_path::{FieldPath, Segment};
pub use folder_files::{FileReader, FolderFiles};
pub use items::Items;
pub use language::{Lang, base_language};
pub use library::{FALLBACK_LANGUAGE, Library};
pub use load::{
    BUNDLED_PREFIX, ExtraChecks, FolderError, LoadReport, MAX_FILE_BYTES, VOCABULARY_FOLDER,
    check_folder_with, folder_vocabularies, load_bundled, load_bundled_with, load_folder, load_folder_with,
    load_in_memory,
};
pub use model::{
    Audience, Code, CodeSystem, FaqEntry, Review, ReviewStatus, Section, SectionKind, Source, Topic,
};
pub use names_cache::KeptNames;
pub use names_first::{NamesRead, read_topic_names, read_topic_names_keeping};
pub use plural::plural;
pub use prepared::{PreparedContent, PreparedHead, PreparedTopics};
pub use read_file::{ReadFileError, open_regular, read_at_most, read_regular_file, read_regular_file_here};
pub use reload::{Reloaded, reload};
pub use revision::{file_fingerprint, revision};
pub use sign_off::{
    BadKey, MAX_SIGNATURE_BYTES, SIGNATURE_PROBLEM, SIGNATURE_SUFFIX, SignOff, TrustedKeys, Unsigned,
    read_signature, signature_path, verify as verify_signature,
};
pub use spot::{Page, PageName, Spot};
pub use text_safety::{holds_invisible_format, is_invisible_format, unsafe_character};
pub use topic_id::TopicId;
pub use triage::{Sign, TRIAGE_FOLDER, Triage, read_triage};
pub use validate::{Finding, check_topic, is_valid_id, is_valid_language_tag};
pub use vocabulary::{PhrasesSaid, Vocabulary, VocabularyEntry, read_vocabulary};
