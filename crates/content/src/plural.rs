//! Counting things in messages: "1 error", "2 errors", never "1 error(s)".

/// `count` and the noun that fits it.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}
