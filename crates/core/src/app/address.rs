//! A web address broken into lines where a reader expects it: after a slash or a hyphen.

/// The address in lines of at most `width` columns, broken after a `/`, `-`, `.`, `?`, `&` or
/// `=` where it must be broken — never mid-word unless a word is wider than the line.
pub fn address_lines(url: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for piece in url.split_inclusive(['/', '-', '.', '?', '&', '=']) {
        let last = lines.last_mut().expect("a line");
        if !last.is_empty() && last.chars().count() + piece.chars().count() > width {
            lines.push(String::new());
        }
        for c in piece.chars() {
            let last = lines.last_mut().expect("a line");
            if last.chars().count() == width {
                lines.push(String::new());
            }
            lines.last_mut().expect("a line").push(c);
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::address_lines;

    #[test]
    fn an_address_breaks_after_a_slash_or_hyphen_never_mid_word() {
        let url = "https://www.mayoclinic.org/tests-procedures/vertebroplasty/care-at-mayo-clinic/appointments/prc-20021308";
        let lines = address_lines(url, 30);
        assert_eq!(lines.concat(), url);
        assert_eq!(
            lines,
            [
                "https://www.mayoclinic.org/",
                "tests-procedures/",
                "vertebroplasty/care-at-mayo-",
                "clinic/appointments/prc-",
                "20021308"
            ]
        );
        // A part wider than the line is cut where it must be.
        assert_eq!(
            address_lines("https://example.org/abcdefghij", 8),
            ["https://", "example.", "org/", "abcdefgh", "ij"]
        );
    }
}
