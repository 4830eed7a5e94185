//! Language tags compared the two ways the kiosk means them, each said once: the very same tag
//! (a catalog of a language's own, a topic file's language), and the same language for a
//! reader (`es` and `es-MX`).

/// Whether two tags are the same tag, whatever their letters' case (`es-MX` and `es-mx`).
pub fn same_tag(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// A tag's language without its region: `es` for `es-MX`.
pub fn base_language(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// Whether two language tags name the same language for a reader (`es` and `es-MX` do).
pub fn same_language(a: &str, b: &str) -> bool {
    same_tag(base_language(a), base_language(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_its_own_whatever_the_case_and_a_region_is_the_same_language() {
        assert!(same_tag("es-MX", "es-mx"));
        assert!(!same_tag("es", "es-MX"));
        assert!(same_language("es", "ES-mx"));
        assert!(!same_language("en", "es"));
        assert_eq!(base_language("pt-BR"), "pt");
    }
}
