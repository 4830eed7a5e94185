//! The shell: the command line, the terminal, the event loop, and the effects that touch the
//! world. Everything it shows and decides comes from the library's `app` and `ui`.

mod shell;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = shell::cli::Cli::from_args();
    shell::run(&cli)
}
