//! Reading ease of Spanish text: the Fernández-Huerta index (1959), as corrected by Law (2011):
//! 206.84 − 60 × (syllables / words) − 1.02 × (words / sentences). 100 is easiest; a score of
//! 70–80 reads at about 6th grade, 60–70 at 7th–8th grade. The English grade formulas do not
//! apply to Spanish, whose words have more syllables for the same difficulty.

/// The lowest ease patient text in Spanish should have by default: about grade 8, as the
/// English grade limit.
pub const DEFAULT_MIN_SPANISH_EASE: f64 = 60.0;

/// The syllables of a Spanish word: one for each group of vowels, where two strong vowels
/// side by side (a, e, o, or an accented í or ú) start a new syllable, and a weak vowel (i,
/// u, ü) beside another vowel joins it (a diphthong). The "u" of "que", "qui", "gue", "gui" is
/// silent. A word of digits counts one.
pub fn spanish_syllables(word: &str) -> usize {
    let is_vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ü');
    let is_strong = |c: char| matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó' | 'í' | 'ú');
    // Read as it goes, a letter of look-behind and one of look-ahead: `validate` counts the
    // syllables of millions of words.
    let mut lower = word.chars().flat_map(char::to_lowercase).peekable();
    let mut count = 0;
    let mut previous_vowel: Option<char> = None;
    let mut previous_letter: Option<char> = None;
    while let Some(c) = lower.next() {
        let silent_u = c == 'u'
            && matches!(previous_letter, Some('q' | 'g'))
            && lower.peek().is_some_and(|next| matches!(next, 'e' | 'i' | 'é' | 'í'));
        previous_letter = Some(c);
        if !is_vowel(c) || silent_u {
            previous_vowel = None;
            continue;
        }
        match previous_vowel {
            Some(before) if !(is_strong(before) && is_strong(c)) => {}
            _ => count += 1,
        }
        previous_vowel = Some(c);
    }
    // "y" alone, or at the end after a consonant, is a vowel.
    if count == 0 && previous_letter == Some('y') {
        count = 1;
    }
    count.max(1)
}

/// The Fernández-Huerta ease of text with these counts, if it has words.
pub fn fernandez_huerta(words: usize, sentences: usize, syllables: usize) -> Option<f64> {
    (words > 0 && sentences > 0)
        .then(|| 206.84 - 60.0 * (syllables as f64 / words as f64) - 1.02 * (words as f64 / sentences as f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_spanish_diphthongs_and_hiatus() {
        for (word, expected) in [
            ("casa", 2),
            ("cuando", 2),
            ("ciudad", 2),
            ("día", 2),
            ("leer", 2),
            ("poeta", 3),
            ("vértebra", 3),
            ("que", 1),
            ("guitarra", 3),
            ("pingüino", 3),
            ("y", 1),
            ("hay", 1),
            ("anticoagulante", 7),
            ("radiografía", 5),
            ("2015", 1),
        ] {
            assert_eq!(spanish_syllables(word), expected, "{word}");
        }
    }

    /// The count as first written, a vector of the word's letters indexed back and forth.
    fn syllables_by_index(word: &str) -> usize {
        let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
        let is_vowel = |c: char| "aeiouáéíóúü".contains(c);
        let is_strong = |c: char| "aeoáéóíú".contains(c);
        let mut count = 0;
        let mut previous: Option<char> = None;
        for (i, &c) in lower.iter().enumerate() {
            let silent_u = c == 'u'
                && i > 0
                && matches!(lower[i - 1], 'q' | 'g')
                && lower.get(i + 1).is_some_and(|next| "eiéí".contains(*next));
            if !is_vowel(c) || silent_u {
                previous = None;
                continue;
            }
            match previous {
                Some(before) if !(is_strong(before) && is_strong(c)) => {}
                _ => count += 1,
            }
            previous = Some(c);
        }
        if count == 0 && lower.last() == Some(&'y') {
            count = 1;
        }
        count.max(1)
    }

    proptest::proptest! {
        #[test]
        fn read_as_it_goes_the_count_is_the_count_by_index(word in "[a-zA-Z0-9áéíóúüÁÉÍÓÚÜñyYqgQG]{0,14}") {
            proptest::prop_assert_eq!(spanish_syllables(&word), syllables_by_index(&word));
        }
    }

    #[test]
    fn plain_spanish_scores_higher_than_dense_spanish() {
        let plain = fernandez_huerta(12, 2, 20).expect("a score");
        let dense = fernandez_huerta(30, 1, 75).expect("a score");
        assert!(plain > 80.0 && dense < 30.0, "{plain} {dense}");
    }
}
