//! Reading aloud: one speech program at a time, run directly (never through a shell) with the
//! text on its standard input, in a process group of its own. It is stopped when asked — the
//! whole group, so a wrapper's player does not read on to the next person — and always waited
//! for, so none is left behind as a zombie.

use std::io::Write as _;
use std::os::unix::process::CommandExt as _;
use std::process::{Child, Command, Stdio};
use std::thread;

use anyhow::Context as _;

/// The speech program running now, if any.
#[derive(Default)]
pub struct Speech {
    child: Option<Child>,
}

impl Speech {
    /// Stops any reading, then starts reading `text` with `command`. A command that cannot be
    /// started is reported back as the reading having ended at once.
    pub fn start(&mut self, command: &[String], text: String) -> anyhow::Result<()> {
        self.stop();
        let (program, arguments) = command.split_first().context("the speech command is empty")?;
        let mut child = Command::new(program)
            .args(arguments)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .with_context(|| format!("cannot run {program}"))?;
        if let Some(mut stdin) = child.stdin.take() {
            // A long text must not hold up the kiosk while the program reads it.
            let _ = thread::Builder::new().name("speech-text".into()).spawn(move || {
                let _ = stdin.write_all(text.as_bytes());
            });
        }
        self.child = Some(child);
        Ok(())
    }

    /// Stops the reading now.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            end_group(&child);
            let _ = child.wait();
        }
    }

    /// After a child process ended: whether it was the speech program (now waited for).
    pub fn reap(&mut self) -> bool {
        let finished = self.child.as_mut().is_some_and(|child| matches!(child.try_wait(), Ok(Some(_))));
        if finished {
            self.child = None;
        }
        finished
    }
}

/// Ends `child` and every process in its group (the group it leads: `process_group(0)`). The
/// child is not yet waited for, so its id, and its group's, still name it.
fn end_group(child: &Child) {
    // SAFETY: kill() has no memory effects; a negative id names the child's own group.
    unsafe { libc::kill(-(child.id() as libc::pid_t), libc::SIGKILL) };
}

impl Drop for Speech {
    fn drop(&mut self) {
        self.stop();
    }
}
