//! Running the print command: directly (never through a shell), the handout on its standard
//! input, on a thread of its own so the kiosk never waits for a printer. The child is always
//! waited for, so none is left behind as a zombie.

use std::io::Write as _;
use std::process::{Command, Stdio};
use std::thread;

/// The longest a print command's complaint is kept.
const MAX_ERROR_BYTES: usize = 4096;

/// Starts printing `text` with `command`; `done` gets `Ok` or what went wrong.
pub fn start(command: Vec<String>, text: String, done: impl FnOnce(Result<(), String>) + Send + 'static) {
    let spawned = thread::Builder::new().name("print".into()).spawn(move || done(run(&command, &text)));
    if let Err(error) = spawned {
        eprintln!("patient-kiosk: cannot start printing: {error}");
    }
}

fn run(command: &[String], text: &str) -> Result<(), String> {
    let (program, arguments) = command.split_first().ok_or("the print command is empty")?;
    let mut child = Command::new(program)
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run {program}: {error}"))?;
    let written = child.stdin.take().map(|mut stdin| stdin.write_all(text.as_bytes()));
    let output = child.wait_with_output().map_err(|error| format!("{program}: {error}"))?;
    // A command that fails may stop reading first; what it said matters more than the pipe.
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr[..output.stderr.len().min(MAX_ERROR_BYTES)]);
        let said = said.trim();
        return Err(if said.is_empty() {
            format!("{program} failed ({})", output.status)
        } else {
            format!("{program}: {said}")
        });
    }
    match written {
        Some(Err(error)) => Err(format!("{program} did not take the whole handout: {error}")),
        _ => Ok(()),
    }
}
