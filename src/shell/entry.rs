//! The program's start and end, in place of Rust's own (issue 23). Rust's start-up reads the
//! process's whole memory map (`/proc/self/maps`) to find the main thread's stack, and maps a
//! stack of its own to report an overflow of it: a tenth of the time to the kiosk's first
//! screen (docs/PERFORMANCE.md). What of it the program needs is done here: the standard
//! descriptors kept open, SIGPIPE ignored, a stack for the fault handlers (`terminal`), so the
//! terminal is restored even when the main thread's stack overflows, a panic's exit status, and
//! standard output flushed at the end.

use std::ffi::c_int;

use super::failure::ExitCode;

/// The exit status of a panic, as Rust's start-up gives it.
const PANICKED: c_int = 101;

/// The main thread's stack for signal handlers: ample for the fault handler, and never in
/// memory until a fault uses it.
const SIGNAL_STACK_BYTES: usize = 64 * 1024;

/// Runs `program` as Rust's start-up would, and ends the process with its exit status.
pub fn run(program: impl FnOnce() -> ExitCode + std::panic::UnwindSafe) -> ! {
    keep_standard_descriptors_open();
    // As Rust's start-up leaves it: a write to a closed pipe is an error, not the end.
    // SAFETY: setting a signal's disposition before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    give_signal_handlers_a_stack();
    // A panic has said what it had to (the hook restores the terminal first).
    let status = std::panic::catch_unwind(program).map_or(PANICKED, |code| c_int::from(code.number()));
    // Flushes standard output, as returning from Rust's `main` would.
    std::process::exit(status)
}

/// Opens /dev/null on each of standard input, output and error that is closed, so no file the
/// program opens later takes its number (a report would then be written into it).
fn keep_standard_descriptors_open() {
    let mut standard = [0, 1, 2].map(|fd| libc::pollfd { fd, events: 0, revents: 0 });
    // SAFETY: poll reads and writes the three entries it is given.
    if unsafe { libc::poll(standard.as_mut_ptr(), 3, 0) } < 0 {
        return;
    }
    for closed in standard.iter().filter(|entry| entry.revents & libc::POLLNVAL != 0) {
        // The lowest free number: this one, as the ones below it are open.
        // SAFETY: opening a file by a constant, NUL-terminated path.
        let opened = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
        debug_assert!(opened == -1 || opened == closed.fd, "{opened} for {}", closed.fd);
    }
}

/// Gives the main thread a stack for signal handlers that ask for one (`SA_ONSTACK`): a fault
/// handler cannot run on a stack that overflowed.
fn give_signal_handlers_a_stack() {
    let Ok(layout) = std::alloc::Layout::from_size_align(SIGNAL_STACK_BYTES, 16) else {
        return;
    };
    // SAFETY: the layout has a size; the memory is never freed, as the stack is used for as long
    // as the process runs.
    let base = unsafe { std::alloc::alloc(layout) };
    if base.is_null() {
        return;
    }
    let stack = libc::stack_t { ss_sp: base.cast(), ss_flags: 0, ss_size: SIGNAL_STACK_BYTES };
    // SAFETY: the stack is the process's for good, and nothing else uses it.
    unsafe { libc::sigaltstack(&raw const stack, std::ptr::null_mut()) };
}
