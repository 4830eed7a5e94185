//! The shell: the command line, the terminal, the event loop, and the effects that touch the
//! world. Everything it shows and decides comes from the library's `app` and `ui`.

mod shell;

use std::process::ExitCode;

use clap::Parser as _;

fn main() -> ExitCode {
    // First, so all the code run from here on is faulted in under the advice.
    shell::code_pages::advise_random_reads();
    let cli = shell::cli::Cli::parse();
    shell::run(&cli)
}
