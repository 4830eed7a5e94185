//! The kiosk's loop: wait for something to happen, update, draw. It never polls: it blocks
//! until input, a signal or the app's next deadline, and draws only after something changed.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::Instant;

use anyhow::{Context as _, Result};
use patient_kiosk::app::{App, Effect, Event, Input, PreparedIndex, SearchJob, update};
use signal_hook::consts::{SIGCHLD, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use std::path::PathBuf;

use patient_kiosk::content::{Reloaded, reload};

use super::input::to_input;
use super::painter::Painter;
use super::print;
use super::settings::today;
use super::speech::Speech;
use super::terminal::FullScreen;
use super::watch::ContentWatch;

/// How many events may wait for the loop; a faster typist or a huge unbracketed paste then
/// waits in the terminal instead of in memory.
const QUEUE: usize = 4096;

/// Everything that can wake the loop.
enum Wakeup {
    /// The terminal sent an event.
    Terminal(crossterm::event::Event),
    /// The terminal's input is gone (the terminal closed).
    InputClosed,
    /// A signal asked the program to end.
    Signal,
    /// The print command finished.
    Printed(Result<(), String>),
    /// Something in the content folder changed.
    ContentChanged,
    /// A child process ended.
    ChildExited,
    /// The content folder was read again.
    Reloaded(Reloaded),
    /// A search index was built on a thread.
    SearchReady(Box<PreparedIndex>),
}

/// Reading the content folder again, off the input path, one reload at a time.
struct Reloading {
    folder: PathBuf,
    watch: Option<ContentWatch>,
    running: bool,
    again: bool,
}

impl Reloading {
    fn new(folder: PathBuf, sender: &SyncSender<Wakeup>) -> (Reloading, Option<String>) {
        let notify = sender.clone();
        let (watch, problem) = match ContentWatch::start(&folder, move || {
            let _ = notify.send(Wakeup::ContentChanged);
        }) {
            Ok(watch) => (Some(watch), None),
            Err(error) => (None, Some(format!("cannot watch {} for changes: {error}", folder.display()))),
        };
        (Reloading { folder, watch, running: false, again: false }, problem)
    }

    /// Starts a reload now, or right after the one running.
    fn request(&mut self, app: &App, sender: &SyncSender<Wakeup>) {
        if self.running {
            self.again = true;
            return;
        }
        self.running = true;
        let (folder, previous, sender) = (self.folder.clone(), app.library().clone(), sender.clone());
        let started = thread::Builder::new().name("reload".into()).spawn(move || {
            let _ = sender.send(Wakeup::Reloaded(reload(&folder, &previous)));
        });
        if started.is_err() {
            self.running = false;
        }
    }

    /// A reload finished; starts the next if one was asked for meanwhile.
    fn finished(&mut self, app: &App, sender: &SyncSender<Wakeup>) {
        self.running = false;
        if let Some(watch) = &mut self.watch {
            watch.rewatch();
        }
        if std::mem::take(&mut self.again) {
            self.request(app, sender);
        }
    }
}

/// Runs the kiosk until the app or a signal ends it. A locked kiosk ends only on SIGTERM or
/// SIGHUP (from its service manager), not SIGINT.
pub fn run(mut app: App, screen: &mut FullScreen, locked: bool, folder: Option<PathBuf>) -> Result<()> {
    let (sender, wakeups) = mpsc::sync_channel(QUEUE);
    // Signals are caught from here on; they wait in a pipe until their thread reads them.
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCHLD])
        .context("listening for signals")?;
    update(&mut app, Event::new(Input::Today(today()), Instant::now()));
    let mut reloading = None;
    let mut speech = Speech::default();
    if let Some(folder) = folder {
        let (mut started, problem) = Reloading::new(folder, &sender);
        if app.loading() {
            started.request(&app, &sender);
        }
        reloading = Some(started);
        if let Some(problem) = problem {
            update(&mut app, Event::new(Input::Notice(problem), Instant::now()));
        }
    }
    let mut midnight = next_midnight();
    let mut painter = Painter::new();
    painter.draw(&app, screen)?;
    // Keys typed meanwhile wait in the terminal: starting these threads after the first
    // frame shows it sooner.
    start_sources(signals, locked, &sender)?;
    prepare_search(&app, &sender);
    loop {
        let deadline = app.next_deadline().into_iter().chain([midnight]).min();
        let (first, mut inputs) = match next_wakeup(&wakeups, deadline) {
            Next::Wakeup(wakeup) => (Some(wakeup), Vec::new()),
            Next::Deadline => (None, vec![Input::Wake]),
            Next::Closed => return Ok(()),
        };
        // A new day: review dates are judged against it.
        if Instant::now() >= midnight {
            inputs.push(Input::Today(today()));
            midnight = next_midnight();
        }
        // Take everything already waiting before drawing, so a flood of keys costs one frame.
        let mut reload_now = false;
        let mut reload_done = false;
        for wakeup in first.into_iter().chain(wakeups.try_iter()) {
            match wakeup {
                Wakeup::Terminal(event) => inputs.extend(to_input(event)),
                Wakeup::Printed(result) => inputs.push(Input::Printed(result)),
                Wakeup::ContentChanged => reload_now = true,
                Wakeup::ChildExited => {
                    if speech.reap() {
                        inputs.push(Input::SpeechEnded);
                    }
                }
                Wakeup::Reloaded(reloaded) => {
                    inputs.push(Input::Reloaded(reloaded));
                    reload_done = true;
                }
                // Nothing on screen changes when the index arrives, so it costs no frame.
                Wakeup::SearchReady(prepared) => {
                    update(&mut app, Event::new(Input::SearchIndexReady(prepared), Instant::now()));
                }
                Wakeup::InputClosed | Wakeup::Signal => return Ok(()),
            }
        }
        // Mouse moves and the like change nothing, and cost no frame.
        if inputs.is_empty() && !reload_now {
            continue;
        }
        for input in inputs {
            for effect in update(&mut app, Event::new(input, Instant::now())) {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Print { command, text } => {
                        let sender = sender.clone();
                        print::start(command, text, move |result| {
                            let _ = sender.send(Wakeup::Printed(result));
                        });
                    }
                    Effect::ReloadContent => reload_now = true,
                    Effect::Speak { command, text } => {
                        if let Err(problem) = speech.start(&command, text) {
                            update(&mut app, Event::new(Input::Notice(problem), Instant::now()));
                            update(&mut app, Event::new(Input::SpeechEnded, Instant::now()));
                        }
                    }
                    Effect::StopSpeaking => speech.stop(),
                }
            }
        }
        if let Some(reloading) = &mut reloading {
            // After the inputs, so the next reload starts from the library just swapped in.
            if reload_done {
                reloading.finished(&app, &sender);
                prepare_search(&app, &sender);
            }
            if reload_now {
                reloading.request(&app, &sender);
            }
        }
        painter.draw(&app, screen)?;
    }
}

/// The next local midnight, as a moment of the monotonic clock.
fn next_midnight() -> Instant {
    let now = jiff::ZonedDateTime::now();
    let until = now
        .tomorrow()
        .and_then(|tomorrow| tomorrow.start_of_day())
        .ok()
        .and_then(|midnight| std::time::Duration::try_from(now.duration_until(&midnight)).ok())
        // Should the time zone have no midnight tomorrow, look again in an hour.
        .unwrap_or(std::time::Duration::from_secs(60 * 60));
    Instant::now() + until
}

enum Next {
    Wakeup(Wakeup),
    Deadline,
    Closed,
}

fn next_wakeup(wakeups: &Receiver<Wakeup>, deadline: Option<Instant>) -> Next {
    match deadline {
        None => wakeups.recv().map_or(Next::Closed, Next::Wakeup),
        Some(deadline) => match wakeups.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(wakeup) => Next::Wakeup(wakeup),
            Err(RecvTimeoutError::Timeout) => Next::Deadline,
            Err(RecvTimeoutError::Disconnected) => Next::Closed,
        },
    }
}

/// Builds the search index of a large library on a thread, so the first search at 10,000
/// topics does not wait seconds for it. Otherwise, or should the thread not start, search
/// builds the index itself when opened.
fn prepare_search(app: &App, sender: &SyncSender<Wakeup>) {
    let Some(job) = app.search_job().filter(SearchJob::worth_a_thread) else { return };
    let sender = sender.clone();
    let _ = thread::Builder::new().name("search-index".into()).spawn(move || {
        let _ = sender.send(Wakeup::SearchReady(job.build()));
    });
}

/// Starts the threads that feed the loop: terminal input and signals. Handling a signal
/// replaces its default action, so a locked kiosk catches the ones that would end or stop it,
/// and lets them go. SIGCHLD says a child ended: the speech program is then waited for at once.
fn start_sources(mut signals: Signals, locked: bool, sender: &SyncSender<Wakeup>) -> Result<()> {
    let signal_sender = sender.clone();
    thread::Builder::new().name("signals".into()).spawn(move || {
        let ends = |signal: i32| matches!(signal, SIGTERM | SIGHUP) || (!locked && signal != SIGTSTP);
        for signal in signals.forever() {
            if signal == SIGCHLD {
                let _ = signal_sender.send(Wakeup::ChildExited);
            } else if ends(signal) {
                let _ = signal_sender.send(Wakeup::Signal);
                return;
            }
        }
    })?;
    let input_sender = sender.clone();
    thread::Builder::new().name("input".into()).spawn(move || read_input(&input_sender))?;
    Ok(())
}

fn read_input(sender: &SyncSender<Wakeup>) {
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
