//! The quick cut of a folder's search on any text: `tokens_starting` gives exactly the words of
//! `tokens` that begin with a byte it looks for, whatever the text holds.
//!
//! `cargo +nightly fuzz run words`

#![no_main]

use kiosk_content::words::{StartBytes, Token, tokens, tokens_starting};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    // The first byte chooses the letters looked for; the rest is the text.
    let Some((&choice, text)) = bytes.split_first() else { return };
    let Ok(text) = std::str::from_utf8(text) else { return };
    let firsts = [char::from(b'a' + choice % 26), char::from(b'0' + choice % 10)];
    let starts = StartBytes::new(firsts);
    let looked_for = |byte: u8| byte >= 0xC0 || firsts.contains(&char::from(byte.to_ascii_lowercase()));
    let order = |token: &Token<'_>| (token.range.start, token.range.end);
    let mut quick: Vec<Token<'_>> = tokens_starting(text, starts).collect();
    let mut every: Vec<Token<'_>> =
        tokens(text).filter(|token| looked_for(text.as_bytes()[token.range.start])).collect();
    quick.sort_by_key(order);
    every.sort_by_key(order);
    assert_eq!(quick, every);
});
