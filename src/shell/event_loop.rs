//! The kiosk's loop: sources → `update` → effects. It never polls: it blocks until input, a
//! signal or the app's next deadline, hands everything that happened to [`dispatch`] in one
//! batch, and draws only after something changed.

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::thread;
use std::time::{Instant, SystemTime};

use anyhow::{Context as _, Result};
use kiosk_content::{Library, Reloaded, TrustedKeys, plural, read_topic_names_keeping, reload};
use kiosk_core::app::{App, Counted, Happening, Input, Level, PinRecord, PreparedIndex, SearchJob};
use ratatui_core::backend::Backend;
use ratatui_core::terminal::Terminal;
use signal_hook::iterator::Signals;

use super::dispatch::{Flow, World, dispatch};
use super::frame_writer::Frames;
use super::input::to_input;
use super::journal;
use super::kept_names;
use super::painter::Painter;
use super::pin_file::PinFile;
use super::print::Printer;
use super::signals::{Meaning, meaning};
use super::speech::Speech;
use super::start_up::today;
use super::stats::Stats;
use super::version;
use super::watch::ContentWatch;

/// How many events may wait for the loop; a faster typist or a huge unbracketed paste then
/// waits in the terminal instead of in memory (the input thread waits for room; nothing is
/// lost). The channel takes room for all of them at start (32 bytes each, a test holds
/// `Wakeup` to that), so it holds a few screens of typing: 8 KB, where 1,024 took 40 KB.
const QUEUE: usize = 256;

/// Everything that can wake the loop.
pub enum Wakeup {
    /// The terminal sent an event.
    Terminal(crossterm::event::Event),
    /// The terminal's input is gone (the terminal closed).
    InputClosed,
    /// A signal asked the program to end: its number.
    Signal(i32),
    /// The print command finished.
    Printed(Result<()>),
    /// Something in the content folder changed.
    ContentChanged,
    /// A child process ended.
    ChildExited,
    /// The content folder was read again.
    Reloaded(Box<Reloaded>),
    /// The topics' names were read, before the whole folder.
    NamesRead(Library),
    /// A search index was built on a thread.
    SearchReady(Box<PreparedIndex>),
    /// A staff PIN was checked on a thread: whether it was right.
    PinChecked(bool),
    /// The usage counts' database was opened on a thread, or could not be used: why.
    StatsOpened(Result<Box<rusqlite::Connection>>),
}

/// Why the kiosk ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Staff chose to exit (or `q` on an unlocked kiosk).
    Quit,
    /// A signal asked it to end (the service manager's SIGTERM, a closed terminal's SIGHUP).
    Signal(i32),
    /// The terminal's input is gone.
    InputClosed,
}

impl std::fmt::Display for Exit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Exit::Quit => write!(f, "quit from the keyboard"),
            Exit::Signal(signal) => write!(f, "signal {signal}"),
            Exit::InputClosed => write!(f, "the terminal's input closed"),
        }
    }
}

/// Reading the content folder again, off the input path, one reload at a time.
struct Reloading {
    folder: PathBuf,
    keys: TrustedKeys,
    watch: Option<ContentWatch>,
    running: bool,
    again: bool,
}

impl Reloading {
    fn new(folder: PathBuf, keys: TrustedKeys) -> Reloading {
        Reloading { folder, keys, watch: None, running: false, again: false }
    }

    /// Starts watching the folder for changes: after the first frame, which it would delay.
    /// Why the folder cannot be watched, if it cannot.
    fn watch(&mut self, sender: &SyncSender<Wakeup>) -> Option<String> {
        let notify = sender.clone();
        match ContentWatch::start(&self.folder, move || {
            let _ = notify.send(Wakeup::ContentChanged);
        }) {
            Ok(watch) => {
                self.watch = Some(watch);
                None
            }
            Err(error) => Some(format!("cannot watch {} for changes: {error}", self.folder.display())),
        }
    }

    /// Starts a reload now, or right after the one running.
    fn request(&mut self, app: &App, sender: &SyncSender<Wakeup>) {
        if self.running {
            self.again = true;
            return;
        }
        self.running = true;
        let (folder, keys, previous, sender) =
            (self.folder.clone(), self.keys.clone(), app.library().clone(), sender.clone());
        let first_read = app.loading();
        let started = thread::Builder::new().name("reload".into()).spawn(move || {
            // The list first: each topic's names, read from the files changed since the last
            // start (the others' heads were kept), in a tenth of the time the whole folder takes.
            if first_read {
                let made_by = version::version();
                let kept = || kept_names::load(&folder, &keys, made_by);
                if let Ok(names) = read_topic_names_keeping(&folder, &keys, kept, SystemTime::now()) {
                    let _ = sender.send(Wakeup::NamesRead(names.library));
                    journal::line(
                        Level::Info,
                        format_args!(
                            "topic names: {} of {} read, the rest as kept from the last start",
                            names.files_read,
                            plural(names.files, "topic file", "topic files")
                        ),
                    );
                    // Kept at once: a kiosk stopped before its whole read is done lists quickly next time.
                    if let Some(bytes) = names.to_keep
                        && let Err(error) = kept_names::keep(&bytes)
                    {
                        journal::line(
                            Level::Info,
                            format_args!("the topic names are not kept for the next start: {error}"),
                        );
                    }
                }
            }
            let _ = sender.send(Wakeup::Reloaded(Box::new(reload(&folder, &keys, &previous))));
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

/// The world the kiosk's effects reach: speech, the printer, the content folder and the
/// PIN guard's file. Dropping it stops reading aloud and ends a print job still running.
struct Outside {
    sender: SyncSender<Wakeup>,
    stats: Option<Stats>,
    speech: Speech,
    printer: Printer,
    pin_file: PinFile,
    reload_wanted: bool,
    suspend_wanted: bool,
}

impl World for Outside {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn print(&mut self, command: Vec<String>, text: String) {
        journal::line(Level::Info, "print sent");
        let sender = self.sender.clone();
        let started = self.printer.start(command, text, move |result| {
            let _ = sender.send(Wakeup::Printed(result));
        });
        if let Err(error) = started {
            let _ = self.sender.send(Wakeup::Printed(Err(error)));
        }
    }

    fn speak(&mut self, command: &[String], text: String) -> Result<()> {
        let started = self.speech.start(command, text);
        if let Err(problem) = &started {
            journal::line(Level::Warning, format!("speech failed: {problem:#}"));
        }
        started
    }

    fn stop_speaking(&mut self) {
        self.speech.stop();
    }

    fn reload(&mut self) {
        self.reload_wanted = true;
    }

    fn suspend(&mut self) {
        self.suspend_wanted = true;
    }

    fn save_pin_record(&mut self, record: PinRecord) -> Result<()> {
        let saved = self.pin_file.save(record);
        if let Err(problem) = &saved {
            journal::line(Level::Error, format!("{problem:#}"));
        }
        saved
    }

    fn check_pin(&mut self, hash: String, entered: String) {
        let sender = self.sender.clone();
        let checking = thread::Builder::new().name("pin-check".into()).spawn(move || {
            let _ = sender.send(Wakeup::PinChecked(kiosk_core::pin::verify_pin(&hash, &entered)));
        });
        // No thread, no check: a wrong PIN, counted, rather than a PIN screen waiting for ever.
        if checking.is_err() {
            let _ = self.sender.try_send(Wakeup::PinChecked(false));
        }
    }

    fn journal(&mut self, happening: Happening) {
        journal::line(happening.level(), &happening);
    }

    fn count(&mut self, counted: Counted) {
        if let Some(stats) = &mut self.stats {
            stats.count(&counted);
        }
    }

    fn build_search_index(&mut self, job: SearchJob) {
        let sender = self.sender.clone();
        // The library is shared, so the spare costs a catalog's copy.
        let spare = job.clone();
        let spawned = thread::Builder::new().name("search-index".into()).spawn(move || {
            let _ = sender.send(Wakeup::SearchReady(job.build()));
        });
        // The app counts the index as asked for: without a thread it is built here, a pause
        // now rather than a search that says "still reading" for ever.
        if let Err(error) = spawned {
            journal::line(
                Level::Warning,
                format!("cannot start the search-index thread ({error}); building it here"),
            );
            let _ = self.sender.send(Wakeup::SearchReady(spare.build()));
        }
    }
}

/// What the loop starts with besides the app and the terminal.
pub struct Sources<Start> {
    /// Starts what feeds the loop (terminal input and signals), once the first frame shows.
    pub start: Start,
    /// Whether the terminal moves rows itself (a scroll region): a real terminal does.
    pub scroll_regions: bool,
    /// The content folder to watch and read again, if any.
    pub folder: Option<PathBuf>,
    /// The keys whose signatures make a topic reviewed when the folder is read again.
    pub trusted_keys: TrustedKeys,
    /// The whole library, when the app starts with the topics' names alone: it comes as soon
    /// as the first frame shows.
    pub pages: Option<fn() -> Library>,
    /// Where the PIN guard is kept.
    pub pin_file: PinFile,
    /// Where usage counts go, when the clinic turned them on.
    pub stats: Option<Stats>,
    /// Gives the terminal back, stops the program until the shell continues it, and takes the
    /// terminal again (Ctrl-Z on an unlocked kiosk); `None` where there is no job control.
    pub suspend: Option<Suspend>,
}

/// Gives the terminal back, stops until continued, and takes it again.
pub type Suspend = Box<dyn FnMut() -> std::io::Result<()>>;

/// Runs the kiosk on `terminal` until the app or a signal ends it. Generic over the backend,
/// so tests run the whole loop in-process on ratatui's `TestBackend`.
pub fn run<B, Start>(mut app: App, terminal: &mut Terminal<B>, sources: Sources<Start>) -> Result<Exit>
where
    B: Backend + Write + Frames,
    B::Error: Send + Sync + 'static,
    Start: FnOnce(&SyncSender<Wakeup>) -> Result<()>,
{
    let Sources { start, scroll_regions, folder, trusted_keys, pages, pin_file, stats, mut suspend } =
        sources;
    let (sender, wakeups) = mpsc::sync_channel(QUEUE);
    let mut outside = Outside {
        sender: sender.clone(),
        stats,
        speech: Speech::default(),
        printer: Printer::default(),
        pin_file,
        reload_wanted: false,
        suspend_wanted: false,
    };
    let mut reloading = folder.map(|folder| Reloading::new(folder, trusted_keys));
    if let Some(reloading) = &mut reloading
        && app.loading()
    {
        reloading.request(&app, &sender);
    }
    if dispatch(&mut app, vec![Input::Today(today())], &mut outside) == Flow::Quit {
        return Ok(Exit::Quit);
    }
    let mut midnight = next_midnight();
    let mut painter = Painter::new(scroll_regions);
    painter.draw(&app, terminal)?;
    if let Some(pages) = pages {
        let whole = Reloaded { library: pages(), notices: Vec::new(), revision: None };
        if dispatch(&mut app, vec![Input::Reloaded(whole)], &mut outside) == Flow::Quit {
            return Ok(Exit::Quit);
        }
        painter.draw(&app, terminal)?;
    }
    let watch_problem = reloading.as_mut().and_then(|reloading| {
        let problem = reloading.watch(&sender);
        // A folder gone between the first read and the watch is read again at once, so staff
        // are told; other changes in those milliseconds are seen at the next change.
        if !reloading.folder.is_dir() {
            reloading.request(&app, &sender);
        }
        problem
    });
    if let Some(problem) = watch_problem {
        if dispatch(&mut app, vec![Input::Notice(problem)], &mut outside) == Flow::Quit {
            return Ok(Exit::Quit);
        }
        painter.draw(&app, terminal)?;
    }
    // Keys typed meanwhile wait in the terminal, and signals in their pipe: starting these
    // threads after the first frame shows it sooner.
    start(&sender)?;
    if let Some(stats) = &outside.stats {
        let sender = sender.clone();
        let started = stats.open_in_background(move |opened| {
            let _ = sender.send(Wakeup::StatsOpened(opened.map(Box::new)));
        });
        if let Err(error) = started {
            let _ = outside.sender.send(Wakeup::StatsOpened(Err(error)));
        }
    }
    loop {
        let counts_due = outside.stats.as_ref().and_then(Stats::due);
        let deadline = app.next_deadline().into_iter().chain([midnight]).chain(counts_due).min();
        let (first, mut inputs) = match next_wakeup(&wakeups, deadline) {
            Next::Wakeup(wakeup) => (Some(wakeup), Vec::new()),
            Next::Deadline => (None, vec![Input::Wake]),
            Next::Closed => return Ok(Exit::InputClosed),
        };
        // Usage counts are written at most every so often, in one transaction.
        if counts_due.is_some_and(|due| Instant::now() >= due)
            && let Some(stats) = &mut outside.stats
            && let Err(problem) = stats.write()
        {
            let problem = format!("{problem:#}");
            journal::line(Level::Error, &problem);
            inputs.push(Input::Notice(problem));
            outside.stats = None;
        }
        // A new day: review dates are judged against it.
        if Instant::now() >= midnight {
            if let Some(stats) = &mut outside.stats {
                stats.day_ended();
            }
            inputs.push(Input::Today(today()));
            midnight = next_midnight();
        }
        // Take everything already waiting before drawing, so a flood of keys costs one frame.
        let mut reload_done = false;
        for wakeup in first.into_iter().chain(wakeups.try_iter()) {
            match wakeup {
                Wakeup::Terminal(crossterm::event::Event::PrivateModeReport(report)) => {
                    painter.terminal_reported(report);
                }
                Wakeup::Terminal(event) => inputs.extend(to_input(event)),
                Wakeup::Printed(result) => {
                    // The core shows the reason as words: the error's whole chain, once.
                    let result = result.map_err(|reason| format!("{reason:#}"));
                    match &result {
                        Ok(()) => journal::line(Level::Info, "print done"),
                        Err(reason) => journal::line(Level::Warning, format!("print failed: {reason}")),
                    }
                    inputs.push(Input::Printed(result));
                }
                Wakeup::ContentChanged => outside.reload_wanted = true,
                Wakeup::ChildExited => {
                    if outside.speech.reap() {
                        inputs.push(Input::SpeechEnded);
                    }
                }
                Wakeup::Reloaded(reloaded) => {
                    log_reload(&reloaded);
                    inputs.push(Input::Reloaded(*reloaded));
                    reload_done = true;
                }
                Wakeup::NamesRead(names) => inputs.push(Input::NamesRead(names)),
                Wakeup::SearchReady(prepared) => inputs.push(Input::SearchIndexReady(prepared)),
                Wakeup::PinChecked(right) => inputs.push(Input::PinChecked(right)),
                Wakeup::StatsOpened(Ok(connection)) => {
                    if let Some(stats) = &mut outside.stats {
                        stats.opened(*connection);
                    }
                }
                Wakeup::StatsOpened(Err(problem)) => {
                    let problem = format!("{problem:#}");
                    journal::line(Level::Error, &problem);
                    inputs.push(Input::Notice(problem));
                    outside.stats = None;
                }
                Wakeup::InputClosed => return Ok(Exit::InputClosed),
                Wakeup::Signal(signal) => return Ok(Exit::Signal(signal)),
            }
        }
        // Mouse moves and the like change nothing, and cost no frame.
        if inputs.is_empty() && !outside.reload_wanted {
            continue;
        }
        // The index arriving changes nothing on screen, unless a timer fell due with it, or
        // search was waiting for it ("Still reading the library..." becomes "Nothing found").
        let only_index = inputs.iter().all(|input| matches!(input, Input::SearchIndexReady(_)));
        let before = only_index.then(|| (app.session().clone(), app.reset_countdown(), app.search_ready()));
        if dispatch(&mut app, inputs, &mut outside) == Flow::Quit {
            return Ok(Exit::Quit);
        }
        if let Some(reloading) = &mut reloading {
            // After the inputs, so the next reload starts from the library just swapped in.
            if reload_done {
                reloading.finished(&app, &sender);
            }
            if std::mem::take(&mut outside.reload_wanted) {
                reloading.request(&app, &sender);
            }
        }
        if std::mem::take(&mut outside.suspend_wanted)
            && let Some(suspend) = &mut suspend
        {
            journal::line(Level::Info, "suspended (Ctrl-Z)");
            suspend().context("suspending")?;
            journal::line(Level::Info, "continued");
            // What the shell wrote meanwhile is on the screen: every cell is drawn again.
            painter.forget();
        }
        if before.is_some_and(|before| {
            before == (app.session().clone(), app.reset_countdown(), app.search_ready())
        }) {
            continue;
        }
        painter.draw(&app, terminal)?;
    }
}

/// What a reload found, for the journal: the topics, and each problem (a file skipped, or
/// kept as it was) as a line of its own.
fn log_reload(reloaded: &Reloaded) {
    let topics = reloaded.library.topics().len();
    match &reloaded.revision {
        Some(revision) => journal::line(
            Level::Info,
            format!(
                "content read: {}, {}, revision {revision}",
                plural(topics, "topic", "topics"),
                plural(reloaded.notices.len(), "problem", "problems")
            ),
        ),
        None => journal::line(Level::Error, "content reload failed: the folder cannot be read"),
    }
    for notice in &reloaded.notices {
        journal::line(Level::Warning, format!("content: {notice}"));
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
        .unwrap_or(std::time::Duration::from_hours(1));
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

/// Starts the threads that feed the loop from a real terminal: its input and signals.
pub fn start_sources(mut signals: Signals, locked: bool, sender: &SyncSender<Wakeup>) -> Result<()> {
    let signal_sender = sender.clone();
    thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            let wakeup = match meaning(signal, locked) {
                Meaning::End => Wakeup::Signal(signal),
                Meaning::ChildExited => Wakeup::ChildExited,
                // Read the size now: crossterm reports resizes only once its reader runs, and
                // one in the first milliseconds would be lost.
                Meaning::Resized => match crossterm::terminal::size() {
                    Ok((width, height)) => Wakeup::Terminal(crossterm::event::Event::Resize(width, height)),
                    Err(_) => continue,
                },
                Meaning::Ignore => continue,
            };
            let ends = matches!(wakeup, Wakeup::Signal(_));
            if signal_sender.send(wakeup).is_err() || ends {
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

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use crossterm::event::{Event as TerminalEvent, KeyCode, KeyEvent, KeyModifiers};
    use kiosk_content::i18n::Catalog;
    use kiosk_core::app::Settings;
    use ratatui_core::backend::{ClearType, TestBackend, WindowSize};
    use ratatui_core::buffer::Cell;
    use ratatui_core::layout::{Position, Size};

    use super::*;

    /// ratatui's `TestBackend`, which also takes the bytes the painter writes (and drops them),
    /// and shows each flushed frame to the test as text.
    struct Glass {
        backend: TestBackend,
        shown: Arc<Mutex<String>>,
    }

    impl Write for Glass {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The glass shows each frame as it is flushed; it holds nothing back.
    impl Frames for Glass {
        fn open_frame(&mut self) {}

        fn close_frame(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Backend for Glass {
        type Error = <TestBackend as Backend>::Error;
        fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
            &mut self,
            content: I,
        ) -> Result<(), Self::Error> {
            self.backend.draw(content)
        }
        fn hide_cursor(&mut self) -> Result<(), Self::Error> {
            self.backend.hide_cursor()
        }
        fn show_cursor(&mut self) -> Result<(), Self::Error> {
            self.backend.show_cursor()
        }
        fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
            self.backend.get_cursor_position()
        }
        fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
            self.backend.set_cursor_position(position)
        }
        fn clear(&mut self) -> Result<(), Self::Error> {
            self.backend.clear()
        }
        fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
            self.backend.clear_region(clear_type)
        }
        fn size(&self) -> Result<Size, Self::Error> {
            self.backend.size()
        }
        fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
            self.backend.window_size()
        }
        fn flush(&mut self) -> Result<(), Self::Error> {
            let buffer = self.backend.buffer();
            let text = (0..buffer.area.height)
                .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol()).collect::<String>() + "\n")
                .collect();
            *self.shown.lock().expect("screen") = text;
            self.backend.flush()
        }
    }

    fn key(code: KeyCode) -> Wakeup {
        Wakeup::Terminal(TerminalEvent::Key(KeyEvent::new(code, KeyModifiers::NONE)))
    }

    /// Waits until the screen shows `text`; fails, showing the screen, if it never does.
    fn wait_for(shown: &Mutex<String>, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !shown.lock().expect("screen").contains(text) {
            assert!(Instant::now() < deadline, "never showed {text:?}:\n{}", shown.lock().expect("screen"));
            thread::sleep(Duration::from_millis(5));
        }
    }

    /// The channel's room for all of `QUEUE` is taken at start: a big wake-up waits in a box.
    #[test]
    fn a_wakeup_is_small_as_the_queue_keeps_room_for_every_one() {
        assert!(std::mem::size_of::<Wakeup>() <= 32, "{}", std::mem::size_of::<Wakeup>());
    }

    /// As a bare start runs: the topics' names first, their pages after the first frame.
    #[test]
    fn the_whole_loop_runs_in_process_keys_in_frames_out() {
        let state = tempfile::tempdir().expect("state directory");
        let pin_file = PinFile::in_directory(state.path());
        let app = App::new(
            kiosk_bundle::names(),
            Catalog::english(),
            Settings::default(),
            (80, 24),
            Instant::now(),
        )
        .pages_to_come();
        let shown = Arc::new(Mutex::new(String::new()));
        let glass = Glass { backend: TestBackend::new(80, 24), shown: Arc::clone(&shown) };
        let (feed, fed) = mpsc::channel();
        let kiosk = thread::spawn(move || {
            let mut terminal = Terminal::new(glass).expect("terminal");
            let start = move |sender: &SyncSender<Wakeup>| {
                feed.send(sender.clone()).expect("the test waits for it");
                Ok(())
            };
            run(
                app,
                &mut terminal,
                Sources {
                    start,
                    scroll_regions: false,
                    folder: None,
                    trusted_keys: TrustedKeys::default(),
                    pages: Some(kiosk_bundle::library),
                    pin_file,
                    stats: None,
                    suspend: None,
                },
            )
        });
        let keys = fed.recv().expect("the loop's input");
        wait_for(&shown, "Choose a topic to read about.");
        for wakeup in [key(KeyCode::Enter), key(KeyCode::Right), key(KeyCode::Right)] {
            keys.send(wakeup).expect("send");
        }
        // The first topic in title order, its third page.
        wait_for(&shown, "It is not the right choice for some people");
        // Search asks for its index, which the loop builds on a thread and hands back.
        for wakeup in [key(KeyCode::Char('/')), key(KeyCode::Char('c')), key(KeyCode::Char('e'))] {
            keys.send(wakeup).expect("send");
        }
        wait_for(&shown, "Search");
        wait_for(&shown, "bone cement");
        keys.send(key(KeyCode::Esc)).expect("send");
        keys.send(key(KeyCode::Char('q'))).expect("send");
        let ended = kiosk.join().expect("the loop does not panic");
        assert!(ended.is_ok(), "{ended:?}");
    }
}
