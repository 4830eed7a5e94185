//! The SMOG and Flesch–Kincaid grades of a text, from its words, sentences and syllables.
//! Formulas as in ../shared/seed/FACTS.md (McLaughlin 1969; Kincaid et al. 1975).

use super::spanish::{fernandez_huerta, spanish_syllables};
use super::syllables::syllables;

/// Counts that the grades are computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sentences.
    pub sentences: usize,
    /// Words.
    pub words: usize,
    /// Syllables in all the words.
    pub syllables: usize,
    /// Words of three or more syllables.
    pub polysyllables: usize,
}

impl Counts {
    /// The counts of `text`. Each piece of `pieces` is at least one sentence, so a bullet with
    /// no full stop still counts as one.
    pub fn of(pieces: &[&str]) -> Counts {
        Counts::counted(pieces, syllables)
    }

    /// [`Counts::of`] for Spanish text, its syllables counted by Spanish rules.
    pub fn of_spanish(pieces: &[&str]) -> Counts {
        Counts::counted(pieces, spanish_syllables)
    }

    fn counted(pieces: &[&str], syllables: fn(&str) -> usize) -> Counts {
        let mut counts = Counts::default();
        for piece in pieces {
            for sentence in sentences(piece) {
                let mut any = false;
                for word in words(sentence) {
                    // A number counts as one syllable: it is read as a word, and is rarely long.
                    let syllables = syllables(word).max(1);
                    any = true;
                    counts.words += 1;
                    counts.syllables += syllables;
                    counts.polysyllables += usize::from(syllables >= 3);
                }
                counts.sentences += usize::from(any);
            }
        }
        counts
    }

    /// These counts and `other`'s together.
    #[must_use]
    pub fn plus(&self, other: &Counts) -> Counts {
        Counts {
            sentences: self.sentences + other.sentences,
            words: self.words + other.words,
            syllables: self.syllables + other.syllables,
            polysyllables: self.polysyllables + other.polysyllables,
        }
    }

    /// The SMOG grade: 1.0430 × √(polysyllables × 30 / sentences) + 3.1291.
    pub fn smog(&self) -> Option<f64> {
        (self.sentences > 0)
            .then(|| 1.0430 * (self.polysyllables as f64 * 30.0 / self.sentences as f64).sqrt() + 3.1291)
    }

    /// The Fernández-Huerta reading ease, for Spanish text (higher is easier).
    pub fn fernandez_huerta(&self) -> Option<f64> {
        fernandez_huerta(self.words, self.sentences, self.syllables)
    }

    /// The Flesch–Kincaid grade: 0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59.
    pub fn flesch_kincaid(&self) -> Option<f64> {
        (self.sentences > 0 && self.words > 0).then(|| {
            0.39 * (self.words as f64 / self.sentences as f64)
                + 11.8 * (self.syllables as f64 / self.words as f64)
                - 15.59
        })
    }
}

/// The sentences of `text`: cut after `.`, `?`, `!` or `;` followed by a space or the end, and
/// at line breaks.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = 0;
    // The marks that end a sentence are ASCII, never part of another character's bytes: found
    // byte by byte, without decoding the text between them.
    for (i, byte) in text.bytes().enumerate() {
        let ends = byte == b'\n'
            || (matches!(byte, b'.' | b'?' | b'!' | b';')
                && text[i + 1..].chars().next().is_none_or(char::is_whitespace));
        if ends {
            let end = i + 1;
            if !text[start..end].trim().is_empty() {
                found.push(text[start..end].trim());
            }
            start = end;
        }
    }
    if !text[start..].trim().is_empty() {
        found.push(text[start..].trim());
    }
    found
}

/// The words of `text`: runs of letters, digits, apostrophes and hyphens that hold a letter or
/// a digit ("1,000" is one word).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | ',')))
        .map(|word| word.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().any(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences as first cut, a character at a time.
    fn sentences_by_character(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, c)| c);
            let ends =
                (matches!(c, '.' | '?' | '!' | ';') && next.is_none_or(char::is_whitespace)) || c == '\n';
            if ends {
                let end = i + c.len_utf8();
                if !text[start..end].trim().is_empty() {
                    found.push(text[start..end].trim());
                }
                start = end;
            }
        }
        if !text[start..].trim().is_empty() {
            found.push(text[start..].trim());
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn cut_byte_by_byte_the_sentences_are_the_ones_cut_by_character(
            text in "[a-zé .?!;\n\u{a0}\u{2003}¿¡…]{0,40}",
        ) {
            proptest::prop_assert_eq!(sentences(&text), sentences_by_character(&text));
        }
    }
}
