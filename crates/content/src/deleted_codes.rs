//! Codes that were deleted from their code set, and what replaced them, from the bundled
//! `content/codes/deleted.toml`.

use std::sync::OnceLock;

use serde::Deserialize;

use super::bundled::bundled_file;
use super::date::ReviewDate;
use super::model::CodeSystem;

/// A code that no longer exists.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeletedCode {
    /// The code set.
    pub system: CodeSystem,
    /// The deleted code.
    pub code: String,
    /// The day it stopped being valid.
    pub deleted_on: ReviewDate,
    /// The codes to use instead.
    pub replaced_by: Vec<String>,
    /// What it was and what it became, in a few words.
    pub note: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeletedCodesFile {
    deleted: Vec<DeletedCode>,
}

/// Every deleted code the program knows.
pub fn deleted_codes() -> &'static [DeletedCode] {
    static CODES: OnceLock<Vec<DeletedCode>> = OnceLock::new();
    CODES.get_or_init(|| {
        let text = bundled_file("codes/deleted.toml").and_then(|bytes| std::str::from_utf8(bytes).ok());
        text.and_then(|text| toml::from_str::<DeletedCodesFile>(text).ok())
            .map(|file| file.deleted)
            .unwrap_or_default()
    })
}

/// The deleted code `code` of `system`, if it is one.
pub fn find_deleted(system: CodeSystem, code: &str) -> Option<&'static DeletedCode> {
    deleted_codes()
        .iter()
        .find(|deleted| deleted.system == system && deleted.code.eq_ignore_ascii_case(code.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_list_reads_and_names_replacements() {
        assert_eq!(deleted_codes().len(), 8);
        let deleted = find_deleted(CodeSystem::Cpt, "22521").expect("listed");
        assert_eq!(deleted.replaced_by, ["22511"]);
        // Both code families, and the imaging codes bundled in (FACTS.md, review of 2026-11-28).
        for (old, new) in [("22523", "22513"), ("22524", "22514"), ("22525", "22515")] {
            assert_eq!(find_deleted(CodeSystem::Cpt, old).expect("listed").replaced_by, [new]);
        }
        for imaging in ["72291", "72292"] {
            assert!(find_deleted(CodeSystem::Cpt, imaging).expect("listed").replaced_by.is_empty());
        }
        assert_eq!(find_deleted(CodeSystem::Cpt, "22511"), None);
        assert_eq!(find_deleted(CodeSystem::Hcpcs, "22521"), None);
    }
}
