//! The kiosk's loop: wait for something to happen, update, draw. It never polls: it blocks
//! until input, a signal or the app's next deadline, and draws only after something changed.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;
use std::time::Instant;

use anyhow::{Context as _, Result};
use patient_kiosk::app::{App, Effect, Event, update};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::input::to_input;
use super::terminal::FullScreen;

/// Everything that can wake the loop.
enum Wakeup {
    /// The terminal sent an event.
    Terminal(crossterm::event::Event),
    /// The terminal's input is gone (the terminal closed).
    InputClosed,
    /// A signal asked the program to end.
    Signal,
}

/// Runs the kiosk until the app or a signal ends it.
pub fn run(mut app: App, screen: &mut FullScreen) -> Result<()> {
    let wakeups = start_sources()?;
    screen.terminal.draw(|frame| patient_kiosk::ui::render(&app, frame)).context("drawing the screen")?;
    loop {
        let Ok(first) = wakeups.recv() else { return Ok(()) };
        // Take everything already waiting before drawing, so a flood of keys costs one frame.
        let mut changed = false;
        for wakeup in std::iter::once(first).chain(wakeups.try_iter()) {
            let terminal_event = match wakeup {
                Wakeup::Terminal(event) => event,
                Wakeup::InputClosed | Wakeup::Signal => return Ok(()),
            };
            let Some(input) = to_input(terminal_event) else { continue };
            changed = true;
            if update(&mut app, Event::new(input, Instant::now())).contains(&Effect::Quit) {
                return Ok(());
            }
        }
        if changed {
            screen
                .terminal
                .draw(|frame| patient_kiosk::ui::render(&app, frame))
                .context("drawing the screen")?;
        }
    }
}

/// Starts the threads that feed the loop: terminal input and signals.
fn start_sources() -> Result<Receiver<Wakeup>> {
    let (sender, receiver) = mpsc::channel();
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT]).context("listening for signals")?;
    let signal_sender = sender.clone();
    thread::Builder::new().name("signals".into()).spawn(move || {
        if signals.forever().next().is_some() {
            let _ = signal_sender.send(Wakeup::Signal);
        }
    })?;
    thread::Builder::new().name("input".into()).spawn(move || read_input(&sender))?;
    Ok(receiver)
}

fn read_input(sender: &Sender<Wakeup>) {
    loop {
        let wakeup = match crossterm::event::read() {
            Ok(event) => Wakeup::Terminal(event),
            Err(_) => Wakeup::InputClosed,
        };
        let closed = matches!(wakeup, Wakeup::InputClosed);
        if sender.send(wakeup).is_err() || closed {
            return;
        }
    }
}
