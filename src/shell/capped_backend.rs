//! A terminal backend that reports at most the size the kiosk draws, so a window of 65535 ×
//! 65535 cells (or a terminal that claims one) is drawn in its corner instead of costing a
//! 200 GB frame; and that writes nothing for a frame that changes nothing (ratatui would reset
//! the colours and hide the cursor again every frame).

use std::io;

use kiosk_core::app::drawn_area;

use super::frame_writer::Frames;
use ratatui_core::backend::{Backend, ClearType, WindowSize};
use ratatui_core::buffer::Cell;
use ratatui_core::layout::{Position, Size};

/// `B`, with its size capped at what the kiosk draws.
pub struct CappedBackend<B> {
    inner: B,
    /// Whether the cursor is hidden already, as last written.
    cursor_hidden: bool,
}

impl<B> CappedBackend<B> {
    /// Draws through `inner`.
    pub fn new(inner: B) -> CappedBackend<B> {
        CappedBackend { inner, cursor_hidden: false }
    }
}

impl<B: Backend> Backend for CappedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut content = content.peekable();
        if content.peek().is_none() {
            return Ok(());
        }
        self.inner.draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        if self.cursor_hidden {
            return Ok(());
        }
        self.cursor_hidden = true;
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.cursor_hidden = false;
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.inner.size()?;
        Ok(drawn_area(size.width, size.height).as_size())
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut window = self.inner.window_size()?;
        window.columns_rows = drawn_area(window.columns_rows.width, window.columns_rows.height).as_size();
        Ok(window)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

impl<B: Frames> Frames for CappedBackend<B> {
    fn open_frame(&mut self) {
        self.inner.open_frame();
    }

    fn close_frame(&mut self) -> io::Result<()> {
        self.inner.close_frame()
    }

    fn forget_state(&mut self) {
        self.cursor_hidden = false;
        self.inner.forget_state();
    }
}

/// The painter writes scroll-region sequences straight to the terminal.
impl<B: io::Write> io::Write for CappedBackend<B> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.inner.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use kiosk_core::app::{MAX_HEIGHT, MAX_WIDTH};
    use ratatui_core::backend::TestBackend;

    use super::*;

    #[test]
    fn a_huge_window_is_drawn_at_the_limit_and_a_small_one_as_it_is() {
        let huge = CappedBackend::new(TestBackend::new(MAX_WIDTH + 1, MAX_HEIGHT * 2));
        assert_eq!(huge.size().expect("size"), Size::new(MAX_WIDTH, MAX_HEIGHT));
        let small = CappedBackend::new(TestBackend::new(80, 24));
        assert_eq!(small.size().expect("size"), Size::new(80, 24));
    }
}
