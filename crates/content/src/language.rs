//! Language tags as readers mean them.

/// Whether two language tags name the same language for a reader (`es` and `es-MX` do).
pub fn same_language(a: &str, b: &str) -> bool {
    let base = |tag: &str| tag.split('-').next().unwrap_or(tag).to_ascii_lowercase();
    base(a) == base(b)
}
