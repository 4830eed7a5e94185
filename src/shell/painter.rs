//! Drawing frames with the fewest bytes: each whole in one write inside a synchronized update
//! (none for a frame that changes nothing), only the cells that changed, and when a page's text
//! only scrolled, the rows already on the terminal moved by the terminal itself (a scroll region,
//! kept to the text's columns where the terminal keeps side margins) so only the lines that came
//! into view are written.

use std::io::{self, Write};

use anyhow::{Context as _, Result};
use crossterm::event::{ModeSetting, PrivateModeReport};
use kiosk_core::app::{App, TextView};
use ratatui_core::backend::Backend;
use ratatui_core::buffer::{Buffer, Cell};
use ratatui_core::layout::Rect;
use ratatui_core::terminal::Terminal;

use super::frame_writer::Frames;
use super::terminal::SIDE_MARGIN_MODE;

/// What was last drawn, so the next frame can reuse it.
///
/// The last frame is left as ratatui's current buffer until the next frame begins, rather than
/// swapped behind it at once as `Terminal::draw` does: a frame whose text only scrolled moves
/// its cells there, as the terminal moves its rows, before it becomes the buffer the new frame
/// is compared with. No third copy of the screen is kept (77 KB at 80×24).
pub struct Painter {
    last_view: Option<TextView>,
    /// Whether the terminal moves rows itself (a scroll region), so a page that only scrolled
    /// is drawn by moving what is there: true for a real terminal.
    scroll_regions: bool,
    /// Whether the terminal said it keeps left and right margins too (DECSLRM), so a scroll
    /// moves the text's columns alone and leaves the list of pages beside it where it is.
    side_margins: bool,
    /// The app's count of resets at the last frame.
    resets: u64,
    /// Whether the screen may show anything at all: after a suspension, the shell's.
    forgotten: bool,
}

impl Painter {
    /// A painter that has drawn nothing yet; `scroll_regions` when the backend is a real
    /// terminal that moves rows as the bytes written tell it.
    pub fn new(scroll_regions: bool) -> Painter {
        Painter { last_view: None, scroll_regions, side_margins: false, resets: 0, forgotten: false }
    }

    /// The terminal answered whether it knows a private mode: when it knows
    /// [`SIDE_MARGIN_MODE`], scrolls keep to the text's columns from the next frame on.
    pub fn terminal_reported(&mut self, report: PrivateModeReport) {
        if report.mode == SIDE_MARGIN_MODE {
            self.side_margins =
                matches!(report.setting, ModeSetting::Set | ModeSetting::Reset | ModeSetting::PermanentlySet);
        }
    }

    /// The next frame is drawn whole: what the terminal shows is no longer what was drawn.
    pub fn forget(&mut self) {
        self.forgotten = true;
    }

    /// Draws `app` as it is now.
    pub fn draw<B>(&mut self, app: &App, terminal: &mut Terminal<B>) -> Result<()>
    where
        B: Backend + Write + Frames,
        B::Error: Send + Sync + 'static,
    {
        let view = app.text_view();
        terminal.backend_mut().open_frame();
        let forgotten = std::mem::take(&mut self.forgotten);
        let reset = app.resets() != self.resets || forgotten;
        if !reset
            && let (true, Some(now), Some(before)) = (self.scroll_regions, &view, &self.last_view)
            && let Some(lines) = now.moved_since(before)
            && terminal.current_buffer_mut().area == app.area()
        {
            self.scroll(terminal, now, lines).context("drawing the screen")?;
        }
        // The last frame (moved or not) becomes the one this frame is compared with.
        terminal.swap_buffers();
        // One size a frame: the one the app laid this frame out for.
        if terminal.get_frame().area() != app.area() {
            terminal.resize(app.area()).context("drawing the screen")?;
        }
        // After a reset the whole screen is cleared and drawn anew: a cell the terminal drew
        // wider or narrower than ratatui counted must not keep a letter of the last reader's.
        // After a suspension too: the shell wrote over it.
        if forgotten {
            terminal.backend_mut().forget_state();
        }
        if reset {
            self.resets = app.resets();
            // A resize to the same size clears the viewport and forgets what was drawn, without
            // asking the terminal where its cursor is (`clear` does, and input would eat the answer).
            terminal.resize(app.area()).context("drawing the screen")?;
        }
        kiosk_core::ui::render(app, &mut terminal.get_frame());
        terminal.flush().context("drawing the screen")?;
        terminal.hide_cursor().context("drawing the screen")?;
        Backend::flush(terminal.backend_mut()).context("drawing the screen")?;
        self.last_view = view;
        terminal.backend_mut().close_frame().context("drawing the screen")?;
        Ok(())
    }

    /// Moves the text up by `lines` (down when negative) on the terminal, and in the last frame
    /// (ratatui's current buffer) that the next is compared with.
    fn scroll<B: Backend + Write>(
        &mut self,
        terminal: &mut Terminal<B>,
        view: &TextView,
        lines: i32,
    ) -> io::Result<()> {
        let text = view.area;
        let width = terminal.current_buffer_mut().area.width;
        // Columns of their own need two at least; else the region spans the screen's width,
        // and ratatui draws again what moved beside the text.
        let side_margins = self.side_margins && text.width >= 2;
        let moved = if side_margins { text } else { Rect { x: 0, width, ..text } };
        let (top, bottom, left, right) = (moved.y + 1, moved.bottom(), moved.x + 1, moved.right());
        let backend = terminal.backend_mut();
        // Plain attributes first: the rows that come into view are blank in the default colours.
        write!(backend, "\x1b[0m\x1b[{top};{bottom}r")?;
        if side_margins {
            // Left and right margins are kept only while their mode is on; `CSI s` sets them then.
            write!(backend, "\x1b[?{SIDE_MARGIN_MODE}h\x1b[{left};{right}s")?;
        }
        // A line feed at the bottom margin moves the region up a line (raw mode: no carriage
        // return is added); a reverse index at the top margin moves it down. The cursor must
        // stand inside the margins for either to move the region.
        let (row, step) = if lines > 0 { (bottom, "\n") } else { (top, "\x1bM") };
        write!(backend, "\x1b[{row};{left}H{}", step.repeat(lines.unsigned_abs() as usize))?;
        if side_margins {
            write!(backend, "\x1b[s\x1b[?{SIDE_MARGIN_MODE}l")?;
        }
        write!(backend, "\x1b[r")?;
        shift_cells(terminal.current_buffer_mut(), moved, lines);
        Ok(())
    }
}

/// Moves the cells of `region` in `buffer` up by `lines` (down when negative), as the terminal
/// moves them: rows that leave the region are gone, rows that enter it are blank, and the cells
/// either side of it stay.
fn shift_cells(buffer: &mut Buffer, region: Rect, lines: i32) {
    let width = usize::from(buffer.area.width);
    let start = |y: u16| usize::from(y - buffer.area.y) * width + usize::from(region.x - buffer.area.x);
    let columns = usize::from(region.width);
    let (top, bottom) = (region.y, region.bottom() - 1);
    let count = lines.unsigned_abs() as u16;
    let rows: Vec<u16> = if lines > 0 { (top..=bottom).collect() } else { (top..=bottom).rev().collect() };
    for y in rows {
        let from = if lines > 0 {
            y.checked_add(count).filter(|&from| from <= bottom)
        } else {
            y.checked_sub(count).filter(|&from| from >= top)
        };
        let to = start(y);
        match from {
            Some(from) => {
                let from = start(from);
                for x in 0..columns {
                    buffer.content[to + x] = buffer.content[from + x].clone();
                }
            }
            None => buffer.content[to..to + columns].fill(Cell::EMPTY),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;
    use std::time::Instant;

    use kiosk_content::i18n::Catalog;
    use kiosk_core::app::{Input, Key, Settings};
    use ratatui_core::terminal::{TerminalOptions, Viewport};
    use ratatui_crossterm::CrosstermBackend;

    use super::super::capped_backend::CappedBackend;
    use super::super::frame_writer::FrameWriter;
    use super::*;

    /// What the terminal was sent, kept where the test can read it.
    #[derive(Clone, Default)]
    struct Sent(Rc<RefCell<Vec<u8>>>);

    impl Write for Sent {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_frame_that_changes_nothing_writes_nothing_and_one_that_does_goes_in_one_frame() {
        let sent = Sent::default();
        let backend = CappedBackend::new(CrosstermBackend::new(FrameWriter::new(sent.clone())));
        let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, 80, 24)) };
        let mut terminal = Terminal::with_options(backend, options).expect("terminal");
        let now = Instant::now();
        let library = kiosk_bundle::bundled().library().clone();
        let mut app = App::new(library, Catalog::english(), Settings::default(), (80, 24), now);
        let mut painter = Painter::new(true);
        painter.draw(&app, &mut terminal).expect("draw");
        let first = sent.0.borrow().len();
        assert!(first > 1000, "the first frame is the whole screen: {first} bytes");
        painter.draw(&app, &mut terminal).expect("draw");
        assert_eq!(sent.0.borrow().len(), first, "nothing changed, yet bytes were written");
        let _ = kiosk_core::app::update(&mut app, kiosk_core::app::Event::new(Input::Key(Key::Down), now));
        painter.draw(&app, &mut terminal).expect("draw");
        let second = sent.0.borrow()[first..].to_vec();
        assert!(second.starts_with(b"\x1b[?2026h") && second.ends_with(b"\x1b[?2026l"), "{second:?}");
        assert!(second.len() < first / 4, "only what changed: {} bytes", second.len());
    }

    fn rows(buffer: &Buffer) -> Vec<String> {
        (0..buffer.area.height)
            .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect())
            .collect()
    }

    #[test]
    fn cells_move_within_the_region_as_the_terminal_moves_them() {
        let lines = ["head", "aaaa", "bbbb", "cccc", "dddd", "foot"];
        let mut buffer = Buffer::with_lines(lines);
        shift_cells(&mut buffer, Rect::new(0, 1, 4, 4), 1);
        assert_eq!(rows(&buffer), ["head", "bbbb", "cccc", "dddd", "    ", "foot"]);

        let mut buffer = Buffer::with_lines(lines);
        shift_cells(&mut buffer, Rect::new(0, 1, 4, 4), -2);
        assert_eq!(rows(&buffer), ["head", "    ", "    ", "aaaa", "bbbb", "foot"]);

        // Left and right margins: the columns either side stay.
        let lines = ["head", "1ab|", "2cd|", "3ef|", "foot"];
        let mut buffer = Buffer::with_lines(lines);
        shift_cells(&mut buffer, Rect::new(1, 1, 2, 3), 1);
        assert_eq!(rows(&buffer), ["head", "1cd|", "2ef|", "3  |", "foot"]);
        let mut buffer = Buffer::with_lines(lines);
        shift_cells(&mut buffer, Rect::new(1, 1, 2, 3), -1);
        assert_eq!(rows(&buffer), ["head", "1  |", "2ab|", "3cd|", "foot"]);
    }
}
