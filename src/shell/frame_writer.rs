//! Frames written whole or not at all: everything drawn for a frame is held and goes to the
//! terminal in one write, inside a synchronized update, when the frame closes; a frame in which
//! nothing was drawn writes nothing. Bytes of a frame cut short by an error are dropped, never
//! left half-drawn on the screen.

use std::io::{self, Write};

/// Begins a synchronized update: the terminal shows the frame once it is complete.
const BEGIN: &[u8] = b"\x1b[?2026h";
/// Ends it.
const END: &[u8] = b"\x1b[?2026l";

/// A terminal backend that holds a frame until it closes.
pub trait Frames {
    /// Starts holding what is drawn.
    fn open_frame(&mut self);
    /// Writes what was drawn since the frame opened, if anything, in one write.
    fn close_frame(&mut self) -> io::Result<()>;
    /// The terminal no longer shows what was last written (the shell wrote over it): nothing
    /// may be left out of the next frame because it was sent before.
    fn forget_state(&mut self) {}
}

/// Standard output, with each frame held until it closes.
pub struct FrameWriter<W: Write> {
    out: W,
    pending: Vec<u8>,
    /// Where the open frame begins in `pending`.
    frame_start: Option<usize>,
}

impl<W: Write> FrameWriter<W> {
    /// Holds frames written to `out`.
    pub fn new(out: W) -> FrameWriter<W> {
        FrameWriter { out, pending: Vec::new(), frame_start: None }
    }

    fn send(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            self.out.write_all(&self.pending)?;
            self.pending.clear();
        }
        self.out.flush()
    }
}

impl<W: Write> Write for FrameWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    /// Sends what is held, unless a frame is open: then it waits for the frame to close.
    fn flush(&mut self) -> io::Result<()> {
        if self.frame_start.is_some() { Ok(()) } else { self.send() }
    }
}

impl<W: Write> Frames for FrameWriter<W> {
    fn open_frame(&mut self) {
        self.frame_start = Some(self.pending.len());
    }

    fn close_frame(&mut self) -> io::Result<()> {
        let Some(start) = self.frame_start.take() else { return self.send() };
        if self.pending.len() > start {
            self.pending.splice(start..start, BEGIN.iter().copied());
            self.pending.extend_from_slice(END);
        }
        self.send()
    }
}

impl<W: Write> Drop for FrameWriter<W> {
    fn drop(&mut self) {
        // A frame an error cut short is dropped; what was written outside a frame is sent.
        if let Some(start) = self.frame_start.take() {
            self.pending.truncate(start);
        }
        let _ = self.send();
    }
}

impl<W: Write + Frames> Frames for ratatui_crossterm::CrosstermBackend<W> {
    fn open_frame(&mut self) {
        self.writer_mut().open_frame();
    }

    fn close_frame(&mut self) -> io::Result<()> {
        self.writer_mut().close_frame()
    }

    fn forget_state(&mut self) {
        self.writer_mut().forget_state();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_goes_out_whole_in_a_synchronized_update_and_an_empty_one_not_at_all() {
        let mut out = FrameWriter::new(Vec::new());
        out.open_frame();
        out.write_all(b"abc").expect("write");
        out.flush().expect("flush");
        assert!(out.out.is_empty(), "held while the frame is open");
        out.close_frame().expect("close");
        assert_eq!(out.out, b"\x1b[?2026habc\x1b[?2026l");
        out.open_frame();
        out.flush().expect("flush");
        out.close_frame().expect("close");
        assert_eq!(out.out, b"\x1b[?2026habc\x1b[?2026l", "an empty frame wrote nothing");
        // Outside a frame, a flush sends what is written.
        out.write_all(b"x").expect("write");
        out.flush().expect("flush");
        assert_eq!(out.out.last(), Some(&b'x'));
    }

    #[test]
    fn a_frame_cut_short_is_dropped() {
        let mut sink = Vec::new();
        {
            let mut out = FrameWriter::new(&mut sink);
            out.write_all(b"before").expect("write");
            out.open_frame();
            out.write_all(b"half a frame").expect("write");
        }
        assert_eq!(sink, b"before");
    }
}
