//! `patient-kiosk hash-pin`: read a PIN without showing it, print its hash for the config.

use std::io::{self, BufRead as _, IsTerminal as _, Write as _};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers, read};
use crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use kiosk_core::pin::{MAX_PIN_DIGITS, MIN_PIN_DIGITS, hash_pin, is_valid_pin};

use super::failure::{CommandResult, ExitCode, Failure};

/// Reads the PIN (twice on a terminal, once from a pipe) and prints the configuration line.
pub fn run() -> CommandResult {
    let pin = if io::stdin().is_terminal() {
        let first = format!("Staff PIN ({MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits): ");
        match ask_twice(&first, "The same PIN again: ") {
            Ok((first, again)) if first == again => first,
            Ok(_) => return Err(Failure::failed("the two PINs differ")),
            Err(error) => return Err(Failure::failed(format!("cannot read the PIN: {error}"))),
        }
    } else {
        let mut line = String::new();
        if let Err(error) = io::stdin().lock().read_line(&mut line) {
            return Err(Failure::failed(format!("cannot read the PIN: {error}")));
        }
        line.trim().to_owned()
    };
    if !is_valid_pin(&pin) {
        return Err(Failure::failed(format!("a staff PIN is {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits")));
    }
    let hash = hash_pin(&pin).map_err(|error| Failure::failed(format!("cannot hash the PIN: {error}")))?;
    println!("exit_pin_hash = \"{hash}\"");
    Ok(ExitCode::SUCCESS)
}

/// Asks twice, with nothing echoed. Echo goes off before the first question shows and stays off
/// until the second answer, so a PIN typed or pasted the moment a question shows is never
/// echoed. Raw mode is always turned off again.
fn ask_twice(first: &str, second: &str) -> io::Result<(String, String)> {
    enable_raw_mode()?;
    let answers = ask(first).and_then(|first| Ok((first, ask(second)?)));
    let _ = disable_raw_mode();
    answers
}

/// One question and its answer, typed with nothing echoed; raw mode is always turned off again.
pub fn ask_hidden(question: &str) -> io::Result<String> {
    enable_raw_mode()?;
    let answer = ask(question);
    let _ = disable_raw_mode();
    answer
}

/// One question and its hidden answer; raw mode needs its own carriage return.
fn ask(question: &str) -> io::Result<String> {
    eprint!("{question}");
    io::stderr().flush()?;
    let typed = read_hidden_line();
    eprint!("\r\n");
    typed
}

fn read_hidden_line() -> io::Result<String> {
    let mut typed = String::new();
    loop {
        let Event::Key(key) = read()? else { continue };
        if key.kind == KeyEventKind::Release {
            continue;
        }
        match key.code {
            KeyCode::Enter => return Ok(typed),
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Char('c' | 'd') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                return Err(io::Error::new(io::ErrorKind::Interrupted, "cancelled"));
            }
            KeyCode::Char(c) => typed.push(c),
            _ => {}
        }
    }
}
