//! Which marks the terminal can draw. A terminal emulator draws all of Unicode; the Linux
//! console (`TERM=linux`) draws only its font's characters, which the console tells us (the
//! `GIO_UNIMAP` ioctl); where it cannot be asked, the characters every stock font has.

use std::ffi::OsStr;
use std::io;
use std::os::fd::AsRawFd;

use kiosk_core::ui::Glyphs;

/// `GIO_UNIMAP` from `<linux/kd.h>`: the console font's Unicode map.
const GIO_UNIMAP: libc::Ioctl = 0x4B66;

/// One entry of the map: a character and the font position that draws it.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct UniPair {
    unicode: u16,
    fontpos: u16,
}

/// `struct unimapdesc`: how many entries there is room for (then, how many there are), and where.
#[repr(C)]
struct UniMapDesc {
    entry_ct: u16,
    entries: *mut UniPair,
}

/// The glyphs for the terminal `$TERM` names, on `tty`; and, when the console could not say
/// which font it has, why (for the journal).
pub fn glyphs_for(term: Option<&OsStr>, tty: &impl AsRawFd) -> (Glyphs, Option<String>) {
    if !is_linux_console(term) {
        return (Glyphs::unicode(), None);
    }
    match font_characters(tty) {
        Ok(characters) if !characters.is_empty() => (Glyphs::console_font(characters), None),
        Ok(_) => (Glyphs::stock_console(), Some("the console's font has no Unicode map".to_owned())),
        Err(error) => (
            Glyphs::stock_console(),
            Some(format!("cannot ask the console which characters its font has ({error})")),
        ),
    }
}

/// `linux`, and its variants such as `linux-16color`.
fn is_linux_console(term: Option<&OsStr>) -> bool {
    term.and_then(OsStr::to_str).is_some_and(|term| term == "linux" || term.starts_with("linux-"))
}

/// Every character the console's font draws.
fn font_characters(tty: &impl AsRawFd) -> io::Result<Vec<char>> {
    // Stock fonts map a few hundred to a couple of thousand characters; the kernel says how
    // many when there is too little room, and the second call has enough.
    let mut room: u16 = 1024;
    for _ in 0..2 {
        let mut entries = vec![UniPair::default(); usize::from(room)];
        let mut map = UniMapDesc { entry_ct: room, entries: entries.as_mut_ptr() };
        // SAFETY: `map` points at `room` writable entries, as GIO_UNIMAP requires, and both
        // outlive the call.
        let result = unsafe { libc::ioctl(tty.as_raw_fd(), GIO_UNIMAP, &raw mut map) };
        if result == 0 {
            entries.truncate(usize::from(map.entry_ct));
            return Ok(characters(&entries));
        }
        let error = io::Error::last_os_error();
        if error.raw_os_error() != Some(libc::ENOMEM) || map.entry_ct <= room {
            return Err(error);
        }
        room = map.entry_ct;
    }
    Err(io::Error::other("the console's font map kept growing"))
}

fn characters(entries: &[UniPair]) -> Vec<char> {
    entries.iter().filter_map(|pair| char::from_u32(u32::from(pair.unicode))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_linux_console_is_asked() {
        let stdout = io::stdout();
        assert_eq!(glyphs_for(Some(OsStr::new("xterm-256color")), &stdout), (Glyphs::unicode(), None));
        assert!(is_linux_console(Some(OsStr::new("linux-16color"))));
        assert!(!is_linux_console(Some(OsStr::new("linuxish"))));
    }

    #[test]
    fn a_terminal_that_is_not_a_console_gets_the_stock_set_and_a_reason() {
        // A file is no console: the ioctl fails, as it does on a pseudo-terminal.
        let file = tempfile::tempfile().expect("temporary file");
        let (glyphs, why) = glyphs_for(Some(OsStr::new("linux")), &file);
        assert_eq!(glyphs, Glyphs::stock_console());
        assert!(why.expect("a reason").starts_with("cannot ask the console"));
    }

    #[test]
    fn the_map_becomes_the_fonts_characters() {
        let pairs = [UniPair { unicode: 0x41, fontpos: 65 }, UniPair { unicode: 0x2588, fontpos: 219 }];
        assert_eq!(characters(&pairs), ['A', '█']);
    }
}
