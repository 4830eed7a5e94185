//! What a real terminal shows, read back from tmux: a line separator or a zero-width space in a
//! topic never leaves a cell of one page on the next, and the idle reset leaves nothing of the
//! last reader's pages on screen.

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::{pty::config_file, tool_for};

/// A tmux server of the test's own, running the kiosk in an 80 × 24 window.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start(socket: &str, args: &[&str]) -> Tmux {
        let tmux = Tmux { socket: socket.to_owned() };
        let mut command = vec![env!("CARGO_BIN_EXE_patient-kiosk").to_owned()];
        command.extend(args.iter().map(|arg| (*arg).to_owned()));
        let status = tmux
            .command(&["new-session", "-d", "-x", "80", "-y", "24", "-s", "kiosk"])
            .arg(command.join(" "))
            .status()
            .expect("run tmux");
        assert!(status.success(), "tmux started");
        tmux
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new("tmux");
        command.args(["-L", &self.socket, "-f", "/dev/null"]).args(args);
        command
    }

    fn screen(&self) -> String {
        let output = self.command(&["capture-pane", "-p", "-t", "kiosk"]).output().expect("capture");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }

    fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(Instant::now() < deadline, "the screen never showed {text:?}:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "kiosk"];
        args.extend_from_slice(keys);
        assert!(self.command(&args).status().expect("send-keys").success());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.command(&["kill-server"]).status();
    }
}

#[test]
fn separators_in_a_topic_and_the_idle_reset_leave_no_stale_cell() {
    if !tool_for("stale_cells::separators_in_a_topic_and_the_idle_reset_leave_no_stale_cell", "tmux") {
        return;
    }
    let dir = tempfile::tempdir().expect("content folder");
    let topic = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/content/osteoporosis.en.toml"))
        .expect("topic")
        .replace(
            "A bone that breaks from a small bump",
            "A bone that\u{2028}breaks from a\u{200b}\u{2029}small bump",
        )
        .replace(
            "related = [\"vertebral-compression-fracture\", \"kyphoplasty\", \"vertebroplasty\"]",
            "related = []",
        );
    std::fs::write(dir.path().join("osteoporosis.en.toml"), topic).expect("write");
    let (_config_dir, config) = config_file("[kiosk]\nidle_seconds = 3\nwarning_seconds = 2\n");
    let content = dir.path().to_str().expect("UTF-8");
    let tmux = Tmux::start(
        &format!("kiosk-stale-{}", std::process::id()),
        &["--config", &config, "--content", content],
    );
    tmux.wait_for("Choose a topic to read about.");
    tmux.keys(&["Enter"]);
    tmux.wait_for("Osteoporosis");
    tmux.keys(&["2"]);
    // Each separator is a plain space on screen, the rest of the line where it belongs.
    let symptoms = tmux.wait_for("A bone that breaks from a");
    assert!(symptoms.contains("small bump"), "{symptoms}");
    // Nobody touches it: the reset wipes the session, and the screen keeps nothing of the page.
    let home = tmux.wait_for("Choose a topic to read about.");
    for leftover in ["bone that", "small bump", "Symptoms", "silent disease"] {
        assert!(!home.contains(leftover), "{leftover:?} survived the reset:\n{home}");
    }
}
