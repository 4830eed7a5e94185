//! The real binary in a real pseudo-terminal: type bytes, read the screen as a terminal would
//! show it, and check how the terminal is left.

use std::io::{Read as _, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before it fails.
pub const PATIENCE: Duration = Duration::from_secs(10);
/// The largest screen the test terminal keeps: the kiosk draws no more than 512 × 256.
const LARGEST_SCREEN: (u16, u16) = (600, 300);

/// The terminal's line settings that a full-screen program changes and must put back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineSettings {
    pub local: libc::tcflag_t,
    pub input: libc::tcflag_t,
    pub output: libc::tcflag_t,
}

/// The kiosk running in a pseudo-terminal.
pub struct PtyKiosk {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    screen: Arc<Mutex<vt100::Parser>>,
    bytes: Arc<Mutex<Vec<u8>>>,
    /// The line settings before the kiosk started.
    pub settings_before: LineSettings,
    /// The kiosk's own state and cache directories (`XDG_STATE_HOME`, `XDG_CACHE_HOME`),
    /// each unless the test named one.
    _own_directories: Vec<tempfile::TempDir>,
}

impl PtyKiosk {
    /// Starts the built binary with `args` in a `columns` × `rows` terminal.
    pub fn start(args: &[&str], columns: u16, rows: u16) -> PtyKiosk {
        PtyKiosk::start_with_env(args, &[], columns, rows)
    }

    /// Starts the built binary with `args` and more environment variables.
    pub fn start_with_env(args: &[&str], env: &[(&str, &str)], columns: u16, rows: u16) -> PtyKiosk {
        PtyKiosk::spawn(args, env, None, columns, rows)
    }

    /// Starts the built binary with its standard error going to `stderr` rather than the
    /// terminal, as a service manager sends it to the journal.
    pub fn start_with_stderr(args: &[&str], stderr: &std::path::Path, columns: u16, rows: u16) -> PtyKiosk {
        PtyKiosk::spawn(args, &[], Some(stderr), columns, rows)
    }

    /// Starts the built binary with `args`, more environment variables, and its standard
    /// error going to `stderr`.
    pub fn start_with_env_and_stderr(
        args: &[&str],
        env: &[(&str, &str)],
        stderr: &std::path::Path,
        columns: u16,
        rows: u16,
    ) -> PtyKiosk {
        PtyKiosk::spawn(args, env, Some(stderr), columns, rows)
    }

    fn spawn(
        args: &[&str],
        env: &[(&str, &str)],
        stderr: Option<&std::path::Path>,
        columns: u16,
        rows: u16,
    ) -> PtyKiosk {
        let pair = native_pty_system()
            .openpty(PtySize { rows, cols: columns, pixel_width: 0, pixel_height: 0 })
            .expect("open a pseudo-terminal");
        let binary = env!("CARGO_BIN_EXE_patient-kiosk");
        let mut command = match stderr {
            None => CommandBuilder::new(binary),
            Some(file) => {
                // The shell only redirects, then becomes the kiosk (same process, same pid).
                let mut command = CommandBuilder::new("sh");
                command.args(["-c", "exec \"$0\" \"$@\" 2>>\"$KIOSK_STDERR\"", binary]);
                command.env("KIOSK_STDERR", file);
                command
            }
        };
        command.args(args);
        command.cwd(env!("CARGO_MANIFEST_DIR"));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("STATE_DIRECTORY");
        command.env_remove("CACHE_DIRECTORY");
        // Each kiosk counts wrong PINs and keeps topic heads in folders of its own, not in
        // ones the tests share.
        let mut own_directories = Vec::new();
        for variable in ["XDG_STATE_HOME", "XDG_CACHE_HOME"] {
            if !env.iter().any(|(name, _)| *name == variable) {
                let directory = tempfile::tempdir().expect("a directory of its own");
                command.env(variable, directory.path());
                own_directories.push(directory);
            }
        }
        for (name, value) in env {
            command.env(name, value);
        }
        let settings_before = line_settings(pair.master.as_ref());
        let child = pair.slave.spawn_command(command).expect("start patient-kiosk");
        drop(pair.slave);

        let rows = NonZeroU16::new(rows.min(LARGEST_SCREEN.1)).expect("rows");
        let columns = NonZeroU16::new(columns.min(LARGEST_SCREEN.0)).expect("columns");
        let screen = Arc::new(Mutex::new(vt100::Parser::new(rows, columns, 0)));
        let bytes = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let (screen_in, bytes_in) = (Arc::clone(&screen), Arc::clone(&bytes));
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                screen_in.lock().expect("screen").process(&buffer[..n]);
                bytes_in.lock().expect("bytes").extend_from_slice(&buffer[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        PtyKiosk {
            child,
            master: pair.master,
            writer,
            screen,
            bytes,
            settings_before,
            _own_directories: own_directories,
        }
    }

    /// From the list of topics, opens Vertebroplasty: the last of the bundled topics in title
    /// order, in English and in Spanish (End, then Enter).
    pub fn open_vertebroplasty(&mut self) {
        self.send(b"\x1b[F\r");
    }

    /// Resizes the terminal, as a window manager does: the kiosk gets SIGWINCH.
    pub fn resize(&mut self, columns: u16, rows: u16) {
        let (shown_rows, shown_columns) = (rows.min(LARGEST_SCREEN.1), columns.min(LARGEST_SCREEN.0));
        let shown =
            (NonZeroU16::new(shown_rows).expect("rows"), NonZeroU16::new(shown_columns).expect("columns"));
        self.screen.lock().expect("screen").set_size(shown.0, shown.1);
        self.master
            .resize(PtySize { rows, cols: columns, pixel_width: 0, pixel_height: 0 })
            .expect("resize the pty");
    }

    /// The most memory the kiosk has held, in KiB (`VmHWM`).
    pub fn peak_memory_kib(&self) -> u64 {
        let status =
            std::fs::read_to_string(format!("/proc/{}/status", self.pid())).expect("/proc/PID/status");
        status
            .lines()
            .find_map(|line| line.strip_prefix("VmHWM:"))
            .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("a VmHWM line")
    }

    /// What the terminal shows now, row by row.
    pub fn contents(&self) -> String {
        self.screen.lock().expect("screen").screen().contents()
    }

    /// Every byte the program has written so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.bytes.lock().expect("bytes").clone()
    }

    /// Runs `check` on the terminal's screen state.
    pub fn with_screen<T>(&self, check: impl FnOnce(&vt100::Screen) -> T) -> T {
        check(self.screen.lock().expect("screen").screen())
    }

    /// Waits until the screen shows `text`; fails, showing the screen, if it never does.
    pub fn wait_for(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen never showed {text:?}; it shows:\n{}", self.contents());
    }

    /// Waits until the screen no longer shows `text`.
    pub fn wait_until_gone(&self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if !self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!("the screen still shows {text:?}:\n{}", self.contents());
    }

    /// Types bytes as the keyboard would send them.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).expect("type into the pty");
        self.writer.flush().expect("flush the pty");
    }

    /// A left click at a 0-based cell, in SGR mouse encoding.
    pub fn click(&mut self, column: u16, row: u16) {
        let press = format!("\x1b[<0;{};{}M\x1b[<0;{};{}m", column + 1, row + 1, column + 1, row + 1);
        self.send(press.as_bytes());
    }

    /// The kiosk's process id.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Sends a signal to the kiosk.
    pub fn signal(&self, signal: libc::c_int) {
        let pid = self.child.process_id().expect("pid") as libc::pid_t;
        // SAFETY: kill() with a pid we started has no memory effects.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0, "send signal");
    }

    /// Waits for the kiosk to end; its exit code, or None if it is still running.
    pub fn wait_exit(&mut self, within: Duration) -> Option<u32> {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("wait") {
                // Let the reader take the last bytes.
                thread::sleep(Duration::from_millis(100));
                return Some(status.exit_code());
            }
            thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Presses `q` and checks that the kiosk ends at once, successfully.
    pub fn quit(&mut self) {
        self.send(b"q");
        assert_eq!(self.wait_exit(Duration::from_secs(5)), Some(0), "q did not end the kiosk");
    }

    /// Whether the kiosk is still running.
    pub fn is_running(&mut self) -> bool {
        self.child.try_wait().expect("wait").is_none()
    }

    /// The terminal's line settings now.
    pub fn line_settings(&self) -> LineSettings {
        line_settings(self.master.as_ref())
    }

    /// Checks that the terminal is as it was found: normal screen, cursor shown, no mouse or
    /// paste reporting, and the original line settings (so raw mode is off).
    pub fn assert_terminal_restored(&self) {
        self.with_screen(|screen| {
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "the cursor is still hidden");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse reporting still on"
            );
            assert!(!screen.bracketed_paste(), "bracketed paste still on");
        });
        assert_eq!(
            self.line_settings(),
            self.settings_before,
            "line settings not restored (raw mode left on?)"
        );
    }
}

impl Drop for PtyKiosk {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn line_settings(master: &dyn MasterPty) -> LineSettings {
    let fd = master.as_raw_fd().expect("a unix pty");
    // SAFETY: termios is plain data; tcgetattr fills it from a descriptor we own.
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &raw mut termios) }, 0, "tcgetattr");
    LineSettings { local: termios.c_lflag, input: termios.c_iflag, output: termios.c_oflag }
}

/// A configuration file holding `text`, in a folder removed when the first value is dropped;
/// the second is its path, ready for `--config`.
pub fn config_file(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).expect("write config");
    let path = path.to_str().expect("UTF-8 path").to_owned();
    (dir, path)
}
