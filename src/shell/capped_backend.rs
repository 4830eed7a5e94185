//! A terminal backend that reports at most the size the kiosk draws, so a window of 65535 ×
//! 65535 cells (or a terminal that claims one) is drawn in its corner instead of costing a
//! 200 GB frame.

use std::io;

use kiosk_core::app::drawn_area;
use ratatui_core::backend::{Backend, ClearType, WindowSize};
use ratatui_core::buffer::Cell;
use ratatui_core::layout::{Position, Size};

/// `B`, with its size capped at what the kiosk draws.
pub struct CappedBackend<B>(pub B);

impl<B: Backend> Backend for CappedBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0.draw(content)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        let size = self.0.size()?;
        Ok(drawn_area(size.width, size.height).as_size())
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        let mut window = self.0.window_size()?;
        window.columns_rows = drawn_area(window.columns_rows.width, window.columns_rows.height).as_size();
        Ok(window)
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

/// The painter writes scroll-region sequences straight to the terminal.
impl<B: io::Write> io::Write for CappedBackend<B> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use kiosk_core::app::{MAX_HEIGHT, MAX_WIDTH};
    use ratatui_core::backend::TestBackend;

    use super::*;

    #[test]
    fn a_huge_window_is_drawn_at_the_limit_and_a_small_one_as_it_is() {
        let huge = CappedBackend(TestBackend::new(MAX_WIDTH + 1, MAX_HEIGHT * 2));
        assert_eq!(huge.size().expect("size"), Size::new(MAX_WIDTH, MAX_HEIGHT));
        let small = CappedBackend(TestBackend::new(80, 24));
        assert_eq!(small.size().expect("size"), Size::new(80, 24));
    }
}
