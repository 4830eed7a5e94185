//! Counting the syllables of an English word, for readability grades.
//!
//! Ours rather than a crate's: the syllable crates on offer either panic on some short words
//! (`syllable` 0.1 on three-letter words ending in "le") or miscount common ones (`textstat`
//! 0.1: "area", "idea", "serious"). The rules below are the usual vowel-group count with the
//! usual corrections; `tests/readability.rs` holds the list of words they are checked against.

/// Words the rules get wrong, with their syllables.
const EXCEPTIONS: &[(&str, usize)] = &[
    ("ago", 2),
    ("business", 2),
    ("every", 3),
    ("people", 2),
    ("recipe", 3),
    ("simile", 3),
    ("acne", 2),
    ("apostrophe", 4),
    ("catastrophe", 4),
    ("coyote", 3),
    ("maybe", 2),
    ("somewhere", 2),
    ("something", 2),
    ("sometimes", 2),
    ("everything", 3),
    ("lifetime", 2),
    ("homemade", 2),
    ("someone", 2),
    ("anyone", 3),
    ("everyone", 3),
    ("evening", 2),
    ("different", 3),
    ("interesting", 3),
    ("family", 3),
    ("naive", 2),
    ("being", 2),
    ("doing", 2),
    ("going", 2),
    ("seeing", 2),
    ("science", 2),
    ("quiet", 2),
    ("diet", 2),
    ("fluid", 2),
    ("ruin", 2),
    ("poem", 2),
    ("poet", 2),
    ("iodine", 3),
    ("create", 2),
    ("created", 3),
    ("creates", 2),
    ("idea", 3),
    ("ideas", 3),
    ("area", 3),
    ("areas", 3),
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Words counted already, as written: a text repeats its words, and `validate` over a large
/// library counts millions of them. Emptied when it grows past this many. Hashed with
/// foldhash: SipHash was 4% of `validate` over 10,000 topics (perf).
const REMEMBERED_WORDS: usize = 100_000;

thread_local! {
    static COUNTED: std::cell::RefCell<foldhash::HashMap<Box<str>, usize>> =
        std::cell::RefCell::new(foldhash::HashMap::default());
}

/// The syllables in `word` (letters only count; "don't" is "dont"); 0 for a word with no
/// letters, at least 1 otherwise.
pub fn syllables(word: &str) -> usize {
    if let Some(count) = COUNTED.with(|counted| counted.borrow().get(word).copied()) {
        return count;
    }
    let count = count_syllables(word);
    COUNTED.with(|counted| {
        let mut counted = counted.borrow_mut();
        if counted.len() >= REMEMBERED_WORDS {
            counted.clear();
        }
        counted.insert(word.into(), count);
    });
    count
}

fn count_syllables(word: &str) -> usize {
    let word: String = word.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    if word.is_empty() {
        return 0;
    }
    if let Some(&(_, count)) = EXCEPTIONS.iter().find(|(known, _)| *known == word) {
        return count;
    }
    // Letters outside a-z (accents, other scripts) are counted as vowels or consonants by
    // what they look like; the rules are for English and only estimate anything else.
    let letters: Vec<char> = word.chars().map(fold_accent).collect();
    if letters.len() <= 3 {
        return 1;
    }
    // "qu" is a consonant sound; so is a "y" that starts a word.
    let mut letters: Vec<char> = letters;
    for i in 1..letters.len() {
        if letters[i] == 'u' && letters[i - 1] == 'q' {
            letters[i] = 'w';
        }
    }
    if letters[0] == 'y' {
        letters[0] = 'j';
    }
    let text: String = letters.iter().collect();

    let mut count = 0isize;
    let mut previous_vowel = false;
    let mut group = String::new();
    let mut groups: Vec<(usize, String)> = Vec::new();
    for (i, &c) in letters.iter().enumerate() {
        if is_vowel(c) {
            if !previous_vowel {
                count += 1;
                group.clear();
            }
            group.push(c);
            if letters.get(i + 1).is_none_or(|next| !is_vowel(*next)) {
                groups.push((i + 1 - group.len(), group.clone()));
            }
        }
        previous_vowel = is_vowel(c);
    }

    // Vowel pairs said as two syllables.
    for (start, group) in &groups {
        let before = start.checked_sub(1).and_then(|i| letters.get(i)).copied();
        let after = letters.get(start + group.len()).copied();
        let splits = match group.as_str() {
            // -ia-: media, mania; but not -cia-, -tia-, -sia-, -lia-, -gia-, -xia- (special,
            // Asia, Australian).
            "ia" => !matches!(before, Some('c' | 't' | 's' | 'l' | 'g' | 'x')),
            // -io-: radio, Ohio; but not -tion, -sion, -cion, -gion, -xion.
            "io" => !(matches!(before, Some('t' | 's' | 'c' | 'g' | 'x')) && after == Some('n')),
            // -iou-: serious, curious; but not -cious, -tious, -xious, -gious.
            "iou" => !matches!(before, Some('c' | 't' | 'x' | 'g')),
            "iu" | "ua" | "uo" | "eo" | "ii" => true,
            // A word ending in -ea (urea), and re-act, re-ac-tion.
            "ea" => after.is_none() || (*start == 1 && before == Some('r') && after == Some('c')),
            _ => false,
        };
        if splits {
            count += 1;
        }
    }

    // A silent e before a suffix: like-ly, safe-ty, hope-ful, move-ment, care-less.
    for suffix in ["ly", "ty", "ful", "fully", "ment", "ments", "less", "ness"] {
        let Some(stem) = text.strip_suffix(suffix) else { continue };
        let stem: Vec<char> = stem.chars().collect();
        let silent_e = stem.len() >= 3
            && stem[stem.len() - 1] == 'e'
            && !is_vowel(stem[stem.len() - 2])
            && stem[..stem.len() - 2].iter().any(|c| is_vowel(*c));
        if silent_e {
            count -= 1;
        }
        break;
    }

    // -iety: va-ri-e-ty, so-ci-e-ty.
    if text.ends_with("iety") {
        count += 1;
    }

    // Silent endings; an é is never silent (café).
    let ends = |suffix: &str| text.ends_with(suffix) && !word.ends_with('é');
    let before_ending = |n: usize| letters.len().checked_sub(n + 1).map(|i| letters[i]);
    if ends("e") && !ends("ee") && !ends("ye") {
        let consonant_le = ends("le") && before_ending(2).is_some_and(|c| !is_vowel(c));
        if !consonant_le {
            count -= 1;
        }
    } else if ends("es") && !ends("ees") {
        // -es is a syllable after s, x, z, ch, sh, ce, ge: causes, boxes, changes.
        let sounded = matches!(before_ending(2), Some('s' | 'x' | 'z'))
            || ends("ches")
            || ends("shes")
            || ends("ces")
            || ends("ges")
            || ends("les") && before_ending(3).is_some_and(|c| !is_vowel(c));
        if !sounded {
            count -= 1;
        }
    } else if ends("ed") && !ends("eed") {
        // -ed is a syllable after t or d: treated, needed.
        if !matches!(before_ending(2), Some('t' | 'd')) {
            count -= 1;
        }
    }
    count.max(1) as usize
}

/// The base letter of a Latin letter with an accent, so "é" counts as a vowel.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'ñ' => 'n',
        'ç' => 'c',
        c => c,
    }
}
