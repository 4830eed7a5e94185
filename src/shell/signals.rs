//! Which signals end the kiosk, which it ignores, and which tell it the window changed. Every
//! signal whose default would end the program is caught here, so the terminal is always
//! restored first; the faults that cannot be caught this way are in `terminal`.

use libc::{
    SIGALRM, SIGCHLD, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGPWR, SIGQUIT, SIGSTKFLT, SIGTERM, SIGTSTP, SIGTTIN,
    SIGTTOU, SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ, c_int,
};
use signal_hook::iterator::Signals;

/// End the kiosk, locked or not: the service manager's stop, a closed terminal, resource limits.
const ENDS: &[c_int] = &[SIGTERM, SIGHUP, SIGXCPU, SIGXFSZ];
/// End an unlocked kiosk (Ctrl-C, Ctrl-\); a locked one ignores them.
const ENDS_UNLOCKED: &[c_int] = &[SIGINT, SIGQUIT];
/// Mean nothing: nobody at a kiosk sends them, and by default most would end it without restoring
/// the terminal (the job-control ones would stop it). With every real-time signal, they are
/// absorbed: caught by a handler that does nothing, not ignored, since an ignored signal stays
/// ignored in the programs the kiosk starts (print, speech) and a caught one is at its default
/// there. The loop never hears of them: signal-hook copies all it holds to add each signal, and
/// forty of them took a twentieth of the time to the first screen (issue 23).
const ABSORBED: &[c_int] =
    &[SIGTSTP, SIGTTIN, SIGTTOU, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT];

/// The kernel's first real-time signal. The C library keeps 32 and 33 for its threads (thread
/// cancelling, set-id calls) and calls 34 `SIGRTMIN`; its `sigaction` refuses them, yet a
/// `kill -32` still ends a process that left them at their default, without restoring the
/// terminal.
const KERNEL_SIGRTMIN: c_int = 32;

/// The kernel's `struct sigaction` (x86-64, arm64): handler, flags, restorer, mask.
#[repr(C)]
struct KernelSigaction {
    handler: libc::sighandler_t,
    flags: libc::c_ulong,
    restorer: usize,
    mask: u64,
}

/// Ignores the C library's own real-time signals while they are at their default: the kiosk
/// neither cancels threads nor changes its user, and a handler the library installed is left.
fn ignore_library_signals() {
    for signal in KERNEL_SIGRTMIN..libc::SIGRTMIN() {
        let mut current = KernelSigaction { handler: 0, flags: 0, restorer: 0, mask: 0 };
        let no_action = std::ptr::null::<KernelSigaction>();
        let mask_bytes = std::mem::size_of::<u64>();
        // SAFETY: rt_sigaction with no new action writes the current one into `current`, laid
        // out as the kernel's struct; with `ignore` it reads that struct and writes nothing.
        let read =
            unsafe { libc::syscall(libc::SYS_rt_sigaction, signal, no_action, &mut current, mask_bytes) };
        if read == 0 && current.handler == libc::SIG_DFL {
            let ignore = KernelSigaction { handler: libc::SIG_IGN, flags: 0, restorer: 0, mask: 0 };
            let no_old = std::ptr::null_mut::<KernelSigaction>();
            // SAFETY: as above.
            unsafe { libc::syscall(libc::SYS_rt_sigaction, signal, &ignore, no_old, mask_bytes) };
        }
    }
}

/// Makes every handler of `caught` signals, and the C library's handlers of its own, hold all
/// of them back while it runs. Each handler otherwise let the next signal in on top of it, and
/// the library's set-id handler runs on the thread's small alternate stack: a burst (a `kill`
/// of each ignored signal in turn) piled a dozen frames there and crashed the kiosk (SIGSEGV,
/// the terminal left raw). Read and written with the kernel's own call, as the library's
/// `sigaction` refuses its own signals; a signal with no handler is left as it is.
fn hold_back_during_handlers(caught: &[c_int]) {
    let signals: Vec<c_int> = caught.iter().copied().chain(KERNEL_SIGRTMIN..libc::SIGRTMIN()).collect();
    let mask = signals.iter().fold(0u64, |mask, &signal| mask | 1 << (signal - 1));
    let mask_bytes = std::mem::size_of::<u64>();
    for &signal in &signals {
        let mut current = KernelSigaction { handler: 0, flags: 0, restorer: 0, mask: 0 };
        let no_action = std::ptr::null::<KernelSigaction>();
        // SAFETY: as in `ignore_library_signals`.
        let read =
            unsafe { libc::syscall(libc::SYS_rt_sigaction, signal, no_action, &mut current, mask_bytes) };
        if read != 0 || current.handler == libc::SIG_DFL || current.handler == libc::SIG_IGN {
            continue;
        }
        let held_back = KernelSigaction { mask, ..current };
        let no_old = std::ptr::null_mut::<KernelSigaction>();
        // SAFETY: the same handler, flags and restorer the kernel gave, with a fuller mask.
        unsafe { libc::syscall(libc::SYS_rt_sigaction, signal, &held_back, no_old, mask_bytes) };
    }
}

/// What a caught signal means to the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// End the kiosk, restoring the terminal.
    End,
    /// A child process ended.
    ChildExited,
    /// The window changed size.
    Resized,
    /// Nothing.
    Ignore,
}

/// Catches every signal the kiosk handles. From this call on they wait in a pipe until read,
/// so one that arrives before the loop runs (a resize in the first milliseconds) is not lost.
pub fn catch() -> std::io::Result<Signals> {
    ignore_library_signals();
    let told: Vec<c_int> = ENDS.iter().chain(ENDS_UNLOCKED).copied().chain([SIGCHLD, SIGWINCH]).collect();
    let signals = Signals::new(&told)?;
    let absorbed: Vec<c_int> = ABSORBED.iter().copied().chain(libc::SIGRTMIN()..=libc::SIGRTMAX()).collect();
    absorb(&absorbed)?;
    hold_back_during_handlers(&[told, absorbed].concat());
    Ok(signals)
}

/// The handler of the signals that mean nothing.
extern "C" fn do_nothing(_signal: c_int) {}

/// Gives each of `signals` the handler that does nothing; a call it interrupts goes on.
fn absorb(signals: &[c_int]) -> std::io::Result<()> {
    for &signal in signals {
        // SAFETY: the handler does nothing.
        unsafe { set_handler(signal, do_nothing, libc::SA_RESTART) }?;
    }
    Ok(())
}

/// Gives `signal` the `handler`, with `flags` (`SA_…`), holding no other signal back while it
/// runs.
///
/// # Safety
/// The handler must make only async-signal-safe calls.
pub unsafe fn set_handler(signal: c_int, handler: extern "C" fn(c_int), flags: c_int) -> std::io::Result<()> {
    // SAFETY: an all-zero `sigaction` is a valid value of the C struct (an empty mask); its
    // handler and flags are set below. No old action is asked for.
    let installed = unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = handler as libc::sighandler_t;
        action.sa_flags = flags;
        libc::sigaction(signal, &raw const action, std::ptr::null_mut())
    };
    if installed == 0 { Ok(()) } else { Err(std::io::Error::last_os_error()) }
}

/// What `signal` means for a kiosk that is `locked` or not.
pub fn meaning(signal: c_int, locked: bool) -> Meaning {
    match signal {
        SIGCHLD => Meaning::ChildExited,
        SIGWINCH => Meaning::Resized,
        _ if ENDS.contains(&signal) => Meaning::End,
        _ if ENDS_UNLOCKED.contains(&signal) && !locked => Meaning::End,
        _ => Meaning::Ignore,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locked_kiosk_ends_only_when_its_service_manager_or_its_terminal_says_so() {
        let ending = |locked| {
            (1..=libc::SIGRTMAX())
                .filter(|&signal| meaning(signal, locked) == Meaning::End)
                .collect::<Vec<_>>()
        };
        assert_eq!(ending(true), [SIGHUP, SIGTERM, SIGXCPU, SIGXFSZ]);
        assert_eq!(ending(false), [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGXCPU, SIGXFSZ]);
    }

    /// A program the kiosk starts (a print or speech command) has an absorbed signal at its
    /// default, as it would a caught one; an ignored one would stay ignored there.
    #[test]
    fn a_program_the_kiosk_starts_has_the_absorbed_signals_at_their_default() {
        use std::os::unix::process::ExitStatusExt as _;
        absorb(&[SIGUSR2]).unwrap();
        let status = std::process::Command::new("sh").args(["-c", "kill -USR2 $$; exit 3"]).status().unwrap();
        assert_eq!(status.signal(), Some(SIGUSR2));
    }
}
