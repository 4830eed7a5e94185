//! Words as search and the vocabulary check see them: runs of letters and digits, folded
//! (lowercase, accents off) and stemmed with the Snowball stemmer of the text's language, so
//! "vértebras" and "vertebras", "driving" and "drive" meet.

use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization as _;
pub use unicode_normalization::char::is_combining_mark;

/// One word of a text: where it stands (bytes) and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word's bytes in the text.
    pub range: Range<usize>,
    /// The word as written.
    pub text: &'a str,
    /// Whether this joins words written with hyphens ("X-rays" gives x, rays and x-rays).
    pub compound: bool,
}

/// The words of `text`, in order: runs of letters, digits and combining marks, an apostrophe
/// between letters kept ("don't" is one word), one-letter words kept; and after the last part
/// of a hyphenated word, the whole of it. Cut by hand rather than by Unicode's word-boundary
/// rules (UAX #29), which read 100 MB of topics in 1.5 s where this takes a tenth of that; the
/// index and the query are cut alike, so they always agree.
pub fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> {
    let mut at = 0;
    // The start of a run of words joined by single hyphens, and how many words it holds.
    let mut run: Option<(usize, usize)> = None;
    let mut pending: Option<Token<'_>> = None;
    std::iter::from_fn(move || {
        if let Some(token) = pending.take() {
            return Some(token);
        }
        let rest = &text[at..];
        let skip = first_word_char(rest)?;
        let gap = &rest[..skip];
        let start = at + skip;
        let end = start + word_length(&text[start..]);
        at = end;
        let count = match run {
            Some((_, count)) if gap == "-" => count + 1,
            _ => 1,
        };
        let from = if count > 1 { run.map_or(start, |(from, _)| from) } else { start };
        run = Some((from, count));
        if count > 1 && !text[end..].starts_with('-') {
            pending = Some(Token { range: from..end, text: &text[from..end], compound: true });
        }
        Some(Token { range: start..end, text: &text[start..end], compound: false })
    })
}

/// The bytes a word may begin with, for [`tokens_starting`]: some ASCII letters and digits,
/// either case, and every byte that begins a character beyond ASCII (whose folded form may be
/// any letter).
#[derive(Debug, Clone, Copy)]
pub struct StartBytes([bool; 256]);

impl StartBytes {
    /// The bytes of words whose folded first character may be one of `firsts`.
    pub fn new(firsts: impl IntoIterator<Item = char>) -> StartBytes {
        let mut starts = [false; 256];
        // 0xC0 on: the first byte of a character of two or more (0x80–0xBF only continue one).
        starts[0xC0..].fill(true);
        for first in firsts {
            if let Ok(byte) = u8::try_from(first)
                && byte.is_ascii_alphanumeric()
            {
                starts[usize::from(byte.to_ascii_lowercase())] = true;
                starts[usize::from(byte.to_ascii_uppercase())] = true;
            }
        }
        StartBytes(starts)
    }
}

/// The words of [`tokens`] whose first byte `starts` holds: the folded first character of any
/// other word is an ASCII letter or digit `starts` does not hold (a word that begins with an
/// ASCII character keeps it first when folded). Only those bytes are looked at closely, so a
/// text is passed over many times faster than it is cut into every word. Each compound comes
/// just after its first word rather than after its last.
pub fn tokens_starting(text: &str, starts: StartBytes) -> impl Iterator<Item = Token<'_>> {
    let bytes = text.as_bytes();
    let StartBytes(starts) = starts;
    let mut at = 0;
    let mut pending: Option<Token<'_>> = None;
    std::iter::from_fn(move || {
        if let Some(token) = pending.take() {
            return Some(token);
        }
        loop {
            at += bytes[at..].iter().position(|&byte| starts[usize::from(byte)])?;
            let start = at;
            if !begins_word(text, start) {
                // A marked byte begins a character: the next one is at least a byte on.
                at += 1;
                continue;
            }
            let end = start + word_length(&text[start..]);
            at = end;
            if begins_run(text, start)
                && let Some(last) = compound_end(text, end)
            {
                pending = Some(Token { range: start..last, text: &text[start..last], compound: true });
            }
            return Some(Token { range: start..end, text: &text[start..end], compound: false });
        }
    })
}

/// Whether [`tokens`] begins a word at byte `at` (a character's first): a letter, digit or
/// combining mark not continuing the word before it, which a word character does, and an
/// apostrophe after a word character does for a letter.
fn begins_word(text: &str, at: usize) -> bool {
    let Some(first) = text.get(at..).and_then(|rest| rest.chars().next()) else { return false };
    if !is_word_char(first) {
        return false;
    }
    let mut before = text[..at].chars().rev();
    match before.next() {
        Some(c) if is_word_char(c) => false,
        Some('\'' | '\u{2019}') => !(first.is_alphabetic() && before.next().is_some_and(is_word_char)),
        _ => true,
    }
}

/// Whether the word at `at` begins a run of words joined by single hyphens, rather than
/// continuing one: [`tokens`] joins a word to the one before it when a lone hyphen stands
/// between them.
fn begins_run(text: &str, at: usize) -> bool {
    let Some(before) = text[..at].strip_suffix('-') else { return true };
    !before.chars().next_back().is_some_and(is_word_char)
}

/// Where the compound of [`tokens`] that begins with the word ending at `end` ends, if the
/// word is joined to others: after the last word of the run, unless a hyphen follows it.
fn compound_end(text: &str, end: usize) -> Option<usize> {
    let mut last = end;
    while text[last..].starts_with('-') && text[last + 1..].chars().next().is_some_and(is_word_char) {
        last += 1 + word_length(&text[last + 1..]);
    }
    (last > end && !text[last..].starts_with('-')).then_some(last)
}

/// Letters, digits, and combining marks, which belong to the letter before them.
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && (c.is_alphanumeric() || is_combining_mark(c)))
}

/// Where the first letter, digit or combining mark of `text` is. ASCII is read byte by byte,
/// the rest as characters: the words of a library are mostly ASCII, and cutting words a
/// character at a time was a fifth of `search` over a folder (perf); byte by byte it takes 10%
/// fewer instructions in all (callgrind, 1,000 topics).
fn first_word_char(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += bytes[at..].iter().position(|&byte| ASCII_CLASS[usize::from(byte)] != OTHER)?;
        if ASCII_CLASS[usize::from(bytes[at])] == ALPHANUMERIC {
            return Some(at);
        }
        let c = text[at..].chars().next()?;
        if is_word_char(c) {
            return Some(at);
        }
        at += c.len_utf8();
    }
}

/// The length in bytes of the word `text` starts with: its runs of ASCII letters and digits
/// taken whole, the rest read as characters.
fn word_length(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        at += bytes[at..].iter().take_while(|&&byte| ASCII_CLASS[usize::from(byte)] == ALPHANUMERIC).count();
        match bytes.get(at) {
            // After an apostrophe only a letter follows, which the characters' reading takes.
            Some(byte) if !byte.is_ascii() => return word_length_from(text, at, at),
            Some(b'\'') if text[at + 1..].chars().next().is_some_and(char::is_alphabetic) => at += 1,
            _ => return at,
        }
    }
}

/// What a byte is to the cutting of words, looked up rather than compared (a folder's search
/// looks at every byte): an ASCII letter or digit, a byte of a character beyond ASCII, or
/// anything else.
const ASCII_CLASS: [u8; 256] = {
    let mut class = [OTHER; 256];
    let mut byte = 0;
    while byte < 256 {
        #[expect(clippy::cast_possible_truncation, reason = "byte < 256")]
        let b = byte as u8;
        if b.is_ascii_alphanumeric() {
            class[byte] = ALPHANUMERIC;
        } else if !b.is_ascii() {
            class[byte] = BEYOND_ASCII;
        }
        byte += 1;
    }
    class
};
const OTHER: u8 = 0;
const ALPHANUMERIC: u8 = 1;
const BEYOND_ASCII: u8 = 2;

/// [`word_length`] read as characters from byte `from` on, the word so far ending at `end`.
fn word_length_from(text: &str, from: usize, end: usize) -> usize {
    let mut chars = text[from..].char_indices().map(|(at, c)| (from + at, c)).peekable();
    let mut end = end;
    while let Some((at, c)) = chars.next() {
        if is_word_char(c) {
            end = at + c.len_utf8();
        } else if !(matches!(c, '\'' | '\u{2019}')
            && chars.peek().is_some_and(|&(_, next)| next.is_alphabetic()))
        {
            break;
        }
    }
    end
}

/// `word` lowercased, with accents and other combining marks taken off.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// The words of a language as search compares them.
pub struct Analyzer {
    stemmer: Option<Stemmer>,
}

impl std::fmt::Debug for Analyzer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Analyzer").field("stems", &self.stemmer.is_some()).finish()
    }
}

impl Analyzer {
    /// The analyzer for a language tag (`en`, `es-MX`): English and Spanish words are stemmed;
    /// other languages are compared as folded words.
    pub fn for_language(language: &str) -> Analyzer {
        let primary = language.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        let algorithm = match primary.as_str() {
            "en" => Some(Algorithm::English),
            "es" => Some(Algorithm::Spanish),
            _ => None,
        };
        Analyzer { stemmer: algorithm.map(Stemmer::create) }
    }

    /// The stem of `word` (as written), folded: the stemmer reads the accents it knows, then
    /// they are taken off, so a word written with or without them gives one stem.
    pub fn stem(&self, word: &str) -> String {
        let hyphenless: String;
        let word = if word.contains('-') {
            hyphenless = word.replace('-', "");
            &hyphenless
        } else {
            word
        };
        match &self.stemmer {
            // Numbers and codes have no stem.
            Some(stemmer) if word.chars().any(char::is_alphabetic) => {
                fold(&stemmer.stem(&word.to_lowercase()))
            }
            _ => fold(word),
        }
    }

    /// Every stem a typed word may mean: as typed, and with its accents off first (someone
    /// typing "vertebras" means "vértebras").
    pub fn query_stems(&self, word: &str) -> Vec<String> {
        let mut stems = vec![self.stem(word)];
        let folded = self.stem(&fold(word));
        if !stems.contains(&folded) {
            stems.push(folded);
        }
        stems
    }
}

/// `word` as search compares words written whole: folded, hyphens out ("X-rays" = "xrays").
pub fn key(word: &str) -> String {
    let mut key = String::new();
    key_into(word, &mut key);
    key
}

/// [`key`] of `word`, written into `out` (cleared first): no allocation for the words of a
/// whole library.
pub fn key_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        // Copied whole and lowered in place, not pushed a character at a time.
        out.push_str(word);
        out.make_ascii_lowercase();
        if word.contains('-') {
            out.retain(|c| c != '-');
        }
    } else {
        out.push_str(&fold(word));
        out.retain(|c| c != '-');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word's length as it was read before ASCII was read byte by byte: every character.
    fn word_length_by_characters(text: &str) -> usize {
        word_length_from(text, 0, 0)
    }

    proptest::proptest! {
        #[test]
        fn ascii_read_byte_by_byte_cuts_words_as_characters_do(
            text in "[a-zA-Z0-9 '\u{2019}\\-.,éñÉ\u{301}\u{3b1}\u{4e2d}]{0,40}",
        ) {
            proptest::prop_assert_eq!(first_word_char(&text), text.find(is_word_char));
            for (at, _) in text.char_indices() {
                proptest::prop_assert_eq!(word_length(&text[at..]), word_length_by_characters(&text[at..]));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_words_with_marked_first_bytes_are_the_words_those_bytes_begin(
            text in "[azAZ0 '\u{2019}\\-.éñÉ\u{301}\u{3b1}]{0,40}",
            firsts in "[az0]{0,2}",
        ) {
            let starts = StartBytes::new(firsts.chars());
            let mut quick: Vec<Token<'_>> = tokens_starting(&text, starts).collect();
            let mut every: Vec<Token<'_>> =
                tokens(&text).filter(|token| starts.0[usize::from(text.as_bytes()[token.range.start])]).collect();
            let order = |token: &Token<'_>| (token.range.start, token.range.end);
            quick.sort_by_key(order);
            every.sort_by_key(order);
            proptest::prop_assert_eq!(quick, every);
        }
    }

    fn words(text: &str) -> Vec<(&str, bool)> {
        tokens(text).map(|token| (token.text, token.compound)).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_and_hyphenated_words_are_kept_whole_too() {
        assert_eq!(
            words("X-rays, vitamin D; don't — café 22511 'quoted' e\u{301}l"),
            [
                ("X", false),
                ("rays", false),
                ("X-rays", true),
                ("vitamin", false),
                ("D", false),
                ("don't", false),
                ("café", false),
                ("22511", false),
                ("quoted", false),
                ("e\u{301}l", false)
            ]
        );
        assert_eq!(
            words("a long-term, follow-up-care plan - not joined"),
            [
                ("a", false),
                ("long", false),
                ("term", false),
                ("long-term", true),
                ("follow", false),
                ("up", false),
                ("care", false),
                ("follow-up-care", true),
                ("plan", false),
                ("not", false),
                ("joined", false)
            ]
        );
    }

    #[test]
    fn token_ranges_point_at_the_words() {
        let text = "¿Qué es la vértebra?";
        for token in tokens(text) {
            assert_eq!(&text[token.range.clone()], token.text);
        }
    }

    #[test]
    fn folding_takes_off_case_and_accents() {
        assert_eq!(fold("Vértebras"), "vertebras");
        assert_eq!(fold("NIÑO"), "nino");
        assert_eq!(fold("Über"), "uber");
        assert_eq!(key("X-Rays"), "xrays");
    }

    #[test]
    fn english_and_spanish_words_meet_their_stems() {
        let english = Analyzer::for_language("en-US");
        assert_eq!(english.stem("driving"), english.stem("drive"));
        assert_eq!(english.stem("lifting"), english.stem("lift"));
        assert_eq!(english.stem("X-rays"), english.stem("x-ray"));
        let spanish = Analyzer::for_language("es");
        assert_eq!(spanish.stem("vértebras"), spanish.stem("vértebra"));
        assert!(spanish.query_stems("vertebras").contains(&spanish.stem("vértebras")));
        assert_eq!(Analyzer::for_language("de").stem("Häuser"), "hauser");
    }
}
