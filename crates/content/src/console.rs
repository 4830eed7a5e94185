//! The characters the Linux console can draw with every stock font a clinic in the US is
//! likely to have: the fonts Debian's console-setup offers for English and Spanish (every size
//! and face of Lat15, Uni1, Uni2 and Uni3) and the kernel's own built-in font (code page 437).
//! `tests/binary/console_fonts.rs` reads those fonts' Unicode tables and checks this list is
//! exactly what they share.

/// Every character all the stock fonts draw, in code point order. The Kelvin and Ångström signs
/// are escapes: normalised to NFC, as editors and tools do, they would become K and Å.
pub const STOCK_CONSOLE_CHARACTERS: &str = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u{a0}¡¢£¥§¨©ª«¬\u{ad}®°±²µ¶·¸º»¼½¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖ×ØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõö÷øùúûüýÿƒμπ•‼\u{212a}\u{212b}←↑→↓≈≤≥─│┌┐└┘├┤┬┴┼═║╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬█░▒■▲▶▼◀♦\u{fffd}";

/// Whether every stock console font draws `c`.
pub fn in_stock_console_font(c: char) -> bool {
    c.is_ascii_graphic() || c == ' ' || STOCK_CONSOLE_CHARACTERS.contains(c)
}

/// The one character a console without `c` shows in its place, keeping the meaning: a plain
/// hyphen for a dash, straight quotes for curly ones, the letter without its accent. `None`
/// when there is no such stand-in and the console would show a meaningless mark.
pub fn console_stand_in(c: char, drawable: impl Fn(char) -> bool) -> Option<char> {
    let candidates: &[char] = match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => &['-'],
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' => &['\''],
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => &['"'],
        '\u{2039}' => &['<'],
        '\u{203a}' => &['>'],
        '\u{2022}' | '\u{25cf}' | '\u{2219}' | '\u{00b7}' => &['\u{2022}', '\u{00b7}', '*'],
        '\u{25b6}' | '\u{25ba}' => &['\u{25b6}', '>'],
        '\u{25c0}' | '\u{25c4}' => &['\u{25c0}', '<'],
        '\u{2192}' => &['\u{2192}', '>'],
        '\u{2190}' => &['\u{2190}', '<'],
        '\u{2191}' => &['\u{2191}', '^'],
        '\u{2193}' => &['\u{2193}', 'v'],
        '\u{2026}' => &['.'],
        '\u{2502}' => &['\u{2502}', '|'],
        '\u{2580}'..='\u{259f}' => &['\u{2588}', '#'],
        '\u{00a0}' | '\u{2007}' | '\u{202f}' => &[' '],
        _ => return unaccented(c).filter(|base| drawable(*base)),
    };
    candidates.iter().copied().find(|candidate| drawable(*candidate))
}

/// The letter `c` without its accent, when it is a Latin letter with one.
fn unaccented(c: char) -> Option<char> {
    use unicode_normalization::UnicodeNormalization;
    let base = c.nfd().next()?;
    (base != c && base.is_ascii_alphabetic()).then_some(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stock_set_has_what_spanish_and_the_kiosks_marks_need() {
        for c in "áéíóúñÁÉÍÓÚÑüÜ¿¡•·→▶◀│█".chars() {
            assert!(in_stock_console_font(c), "{c}");
        }
        for c in "—…“”’›●▀▄▖".chars() {
            assert!(!in_stock_console_font(c), "{c}");
        }
    }

    #[test]
    fn stand_ins_keep_the_meaning_and_are_drawable() {
        let stock = in_stock_console_font;
        assert_eq!(console_stand_in('—', stock), Some('-'));
        assert_eq!(console_stand_in('“', stock), Some('"'));
        assert_eq!(console_stand_in('’', stock), Some('\''));
        assert_eq!(console_stand_in('›', stock), Some('>'));
        assert_eq!(console_stand_in('●', stock), Some('•'));
        assert_eq!(console_stand_in('ŵ', stock), Some('w'));
        assert_eq!(console_stand_in('●', |c: char| c.is_ascii()), Some('*'));
        assert_eq!(console_stand_in('診', stock), None);
    }
}
