//! Taking over the terminal, and always giving it back: on quit, on a panic, on a signal,
//! and on a fault or an abort (such as a failed allocation).

use std::io::{self, Stdout, Write as _};
use std::sync::{Once, OnceLock};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui_core::backend::Backend as _;
use ratatui_core::layout::{Position, Rect};
use ratatui_core::terminal::{Terminal, TerminalOptions, Viewport};
use ratatui_crossterm::CrosstermBackend;

use super::capped_backend::CappedBackend;
use super::frame_writer::FrameWriter;

/// Why the terminal named by `$TERM` cannot show the full-screen kiosk, if it cannot: unset,
/// empty, or a terminal that cannot place the cursor (`dumb`, Emacs' shell buffers).
pub fn cannot_draw(term: Option<&std::ffi::OsStr>) -> Option<String> {
    match term.and_then(std::ffi::OsStr::to_str) {
        None | Some("") => Some("TERM is not set".to_owned()),
        Some(name @ ("dumb" | "emacs" | "unknown")) => Some(format!("TERM={name} cannot show it")),
        Some(_) => None,
    }
}

/// The terminal in full-screen mode; dropping it restores the terminal.
pub struct FullScreen {
    /// The ratatui terminal that draws frames.
    pub terminal: Terminal<CappedBackend<CrosstermBackend<FrameWriter<Stdout>>>>,
}

/// The private mode of left and right margins (DECLRMM), under which `CSI left;right s` sets
/// them (DECSLRM): xterm's, and not the Linux console's or tmux's.
pub const SIDE_MARGIN_MODE: u16 = 69;

/// Raw mode, the alternate screen, mouse and paste reporting on; the cursor hidden; and the
/// terminal asked whether it knows [`SIDE_MARGIN_MODE`] (DECRQM). The answer comes among the
/// keys whenever it comes (`Event::PrivateModeReport`), so nothing waits for it; a terminal
/// that does not know the question ignores it, as ECMA-48 has any unknown control sequence
/// ignored, and the kiosk then scrolls whole rows.
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste, cursor::Hide)?;
    write!(stdout, "\x1b[?{SIDE_MARGIN_MODE}$p")?;
    stdout.flush()
}

/// Gives the terminal back and stops until the shell continues the program (`fg`), then takes
/// the terminal again: Ctrl-Z, as `less` and `vim` do it. SIGSTOP, as the kiosk keeps SIGTSTP
/// from stopping it unasked.
pub fn suspend() -> io::Result<()> {
    restore();
    // SAFETY: raise sends a signal to this process; SIGSTOP has no handler to run.
    if unsafe { libc::raise(libc::SIGSTOP) } != 0 {
        return Err(io::Error::last_os_error());
    }
    take_over()
}

impl FullScreen {
    /// Takes over the terminal (see [`take_over`]).
    pub fn enter() -> io::Result<FullScreen> {
        install_panic_hook();
        install_fault_handlers();
        let entered = take_over().and_then(|()| {
            // A fixed viewport: every frame is drawn at the size the app laid it out for
            // (`Painter::draw` resizes it), never at a size read again mid-frame, which a burst
            // of resizes can make differ (ratatui's buffer then panics on a cell outside it).
            let backend = CappedBackend::new(CrosstermBackend::new(FrameWriter::new(io::stdout())));
            let area = Rect::from((Position::ORIGIN, backend.size()?));
            Terminal::with_options(backend, TerminalOptions { viewport: Viewport::Fixed(area) })
        });
        match entered {
            Ok(terminal) => Ok(FullScreen { terminal }),
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for FullScreen {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as it was: safe to call more than once, and errors are ignored
/// because there is nothing left to tell them to.
pub fn restore() {
    let mut stdout = io::stdout();
    let _ = execute!(stdout, DisableBracketedPaste, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = stdout.flush();
    let _ = disable_raw_mode();
}

/// Restores the terminal before the panic message prints, so it is readable.
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// What [`restore`] sends, as bytes a signal handler can write without allocating: paste and
/// mouse reporting off, no scroll region, plain colours, the normal screen, the cursor shown.
const RESTORE_BYTES: &[u8] =
    b"\x1b[?2004l\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[r\x1b[0m\x1b[?1049l\x1b[?25h";

/// The line settings before raw mode, for the fault handlers.
static LINE_SETTINGS: OnceLock<libc::termios> = OnceLock::new();

/// Signals that end the program at once and cannot go through the loop: a fault in the program
/// (or one sent by `kill`), and the abort of a failed allocation.
const FAULTS: [libc::c_int; 7] =
    [libc::SIGABRT, libc::SIGBUS, libc::SIGSEGV, libc::SIGILL, libc::SIGFPE, libc::SIGSYS, libc::SIGTRAP];

/// On a fault, the terminal is put back before the program ends with that signal.
fn install_fault_handlers() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: termios is plain data that tcgetattr fills; sigaction installs a handler that
        // uses only async-signal-safe calls (write, tcsetattr, signal, raise).
        unsafe {
            let mut settings: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(libc::STDIN_FILENO, &raw mut settings) == 0 {
                let _ = LINE_SETTINGS.set(settings);
            }
            for signal in FAULTS {
                // On the alternate stack, so a stack overflow can still restore the terminal.
                let _ = super::signals::set_handler(signal, on_fault, libc::SA_ONSTACK);
            }
        }
    });
}

/// Restores the terminal, then ends the program with the same signal.
extern "C" fn on_fault(signal: libc::c_int) {
    // SAFETY: only async-signal-safe calls, on memory that is never written after start-up.
    unsafe {
        libc::write(libc::STDOUT_FILENO, RESTORE_BYTES.as_ptr().cast(), RESTORE_BYTES.len());
        if let Some(settings) = LINE_SETTINGS.get() {
            libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, settings);
        }
        // The signal is blocked while its handler runs: raised now, it ends the program with
        // its default action as soon as the handler returns (a fault would also recur).
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}
