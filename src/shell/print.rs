//! Running the print command: directly (never through a shell), the handout on its standard
//! input, on a thread of its own so the kiosk never waits for a printer. The child is always
//! waited for, so none is left behind as a zombie, and a job still running when the kiosk
//! ends is ended with it, so none is orphaned.

use std::io::{Read as _, Write as _};
use std::os::unix::process::CommandExt as _;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

use anyhow::{Context as _, anyhow, bail};

/// The longest a print command's complaint is kept.
const MAX_ERROR_BYTES: u64 = 4096;

/// The print job running now, if any. `update` allows one at a time.
#[derive(Default)]
pub struct Printer {
    /// The running job's process id, until it has been waited for.
    running: Arc<Mutex<Option<u32>>>,
}

impl Printer {
    /// Starts printing `text` with `command` on a thread; `done` gets `Ok` or what went wrong.
    /// A thread that cannot be started is the error, and `done` is never called.
    pub fn start(
        &mut self,
        command: Vec<String>,
        text: String,
        done: impl FnOnce(anyhow::Result<()>) + Send + 'static,
    ) -> anyhow::Result<()> {
        let running = Arc::clone(&self.running);
        thread::Builder::new()
            .name("print".into())
            .spawn(move || done(run(&command, &text, &running)))
            .context("cannot start printing")?;
        Ok(())
    }
}

impl Drop for Printer {
    /// Ends a job still running. Its id stays taken until it is waited for (the waiting thread
    /// clears it first), so the signal cannot reach another process.
    fn drop(&mut self) {
        let running = self.running.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(pid) = *running {
            // SAFETY: kill() has no memory effects; the pid is our child's, not yet waited for,
            // and leads its own group: the job's children end with it.
            unsafe { libc::kill(-(pid as libc::pid_t), libc::SIGTERM) };
        }
    }
}

fn run(command: &[String], text: &str, running: &Mutex<Option<u32>>) -> anyhow::Result<()> {
    let (program, arguments) = command.split_first().context("the print command is empty")?;
    let mut child = Command::new(program)
        .args(arguments)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot run {program}"))?;
    *running.lock().unwrap_or_else(PoisonError::into_inner) = Some(child.id());
    let written = child.stdin.take().map(|mut stdin| stdin.write_all(text.as_bytes()));
    let mut said = Vec::new();
    if let Some(stderr) = child.stderr.take() {
        // Read to the end (a child blocked on a full pipe never ends), keeping the start.
        let mut stderr = stderr;
        let _ = (&mut stderr).take(MAX_ERROR_BYTES).read_to_end(&mut said);
        let _ = std::io::copy(&mut stderr, &mut std::io::sink());
    }
    wait_without_reaping(child.id());
    let status = {
        let mut running = running.lock().unwrap_or_else(PoisonError::into_inner);
        *running = None;
        child.wait()
    }
    .with_context(|| program.clone())?;
    // A command that fails may stop reading first; what it said matters more than the pipe.
    if !status.success() {
        let said = String::from_utf8_lossy(&said);
        let said = said.trim();
        if said.is_empty() {
            bail!("{program} failed ({status})");
        }
        bail!("{program}: {said}");
    }
    match written {
        Some(Err(error)) => Err(anyhow!("{program} did not take the whole handout: {error}")),
        _ => Ok(()),
    }
}

/// Waits until the child has ended but leaves it to be reaped, so its id cannot be reused
/// while [`Printer`]'s drop might still signal it.
fn wait_without_reaping(pid: u32) {
    loop {
        // SAFETY: waitid fills a siginfo_t we own; WNOWAIT leaves the child waitable.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let result = unsafe {
            libc::waitid(libc::P_PID, pid as libc::id_t, &raw mut info, libc::WEXITED | libc::WNOWAIT)
        };
        if result == 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return;
        }
    }
}
