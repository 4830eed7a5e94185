//! The shell: the command line, the terminal, the event loop, and the effects that touch the
//! world. Everything it shows and decides comes from the library's `app` and `ui`.
//!
//! The C library's start-up calls `main` directly; Rust's own is left out (`shell::entry`). The
//! unit tests run under the test harness's own `main`.
#![cfg_attr(not(test), no_main)]

mod shell;

#[cfg_attr(not(test), unsafe(no_mangle))]
extern "C" fn main(_argc: std::ffi::c_int, _argv: *const *const std::ffi::c_char) -> std::ffi::c_int {
    shell::entry::run(|| shell::run(&shell::cli::Cli::from_args()))
}
