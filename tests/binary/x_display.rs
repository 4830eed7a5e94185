//! An X display of the test's own (Xvfb), for tests that run the kiosk in a real terminal
//! emulator: start it, drive it with xdotool, take screenshots as grey pixels.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use crate::common::picture::Picture;

/// A display of its own, stopped when dropped.
pub struct Display {
    server: Child,
    pub name: String,
}

impl Display {
    pub fn start() -> Display {
        // A display number no other test program, and no other test of this one, is likely
        // to hold.
        static STARTED: AtomicU32 = AtomicU32::new(0);
        let name =
            format!(":{}", 100 + (std::process::id() % 400) * 4 + STARTED.fetch_add(1, Ordering::SeqCst));
        let server = Command::new("Xvfb")
            // -noreset: as under xinit, which stays connected, the server keeps what a client
            // set (xrdb's resources) after that client leaves.
            .args([name.as_str(), "-screen", "0", "1024x768x24", "-nolisten", "tcp", "-noreset"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb starts");
        let display = Display { server, name };
        wait_until("the X display answers", || display.xdotool(&["getmouselocation"]).is_some());
        display
    }

    /// The id of the first visible window of this X class, once there is one.
    pub fn window_of_class(&self, class: &str) -> String {
        let mut ids = String::new();
        wait_until(&format!("a {class} window"), || {
            ids = self.xdotool(&["search", "--onlyvisible", "--class", class]).unwrap_or_default();
            !ids.is_empty()
        });
        ids.lines().next().expect("a window").to_owned()
    }

    /// `xdotool ARGS` on this display: its output, if it succeeded.
    pub fn xdotool(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("xdotool").env("DISPLAY", &self.name).args(args).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // SIGTERM, so the server takes its lock file away with it.
        unsafe { libc::kill(self.server.id() as libc::pid_t, libc::SIGTERM) };
        let _ = self.server.wait();
    }
}

pub fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "{what}: never happened");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The window `id` on `display`, as grey pixels (ImageMagick's `import`, as PGM).
pub fn screenshot(display: &Display, id: &str, dir: &Path, name: &str) -> Picture {
    let file = dir.join(format!("{name}.pgm"));
    let status = Command::new("import")
        .env("DISPLAY", &display.name)
        .args(["-window", id, "-depth", "8"])
        .arg(&file)
        .status()
        .expect("import runs");
    assert!(status.success(), "a screenshot of {name}");
    Picture::read_pgm(&file)
}
