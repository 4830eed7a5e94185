//! The one place where what happens meets `update`, and where every effect it asks for is
//! carried out. No input reaches the app any other way, so no effect can be dropped.

use std::collections::VecDeque;
use std::time::Instant;

use kiosk_core::app::{App, Counted, Effect, Event, Happening, Input, PinRecord, SearchJob, update};

/// Everything outside the app that its effects touch.
pub trait World {
    /// The time now, for the next event.
    fn now(&self) -> Instant;
    /// Starts printing; the result comes back as [`Input::Printed`].
    fn print(&mut self, command: Vec<String>, text: String);
    /// Starts reading aloud, stopping any reading first; why it could not start, if it could not.
    fn speak(&mut self, command: &[String], text: String) -> anyhow::Result<()>;
    /// Stops reading aloud now.
    fn stop_speaking(&mut self);
    /// Reads the content folder again after this batch.
    fn reload(&mut self);
    /// Keeps the PIN guard's state for the next start; what went wrong, if anything.
    fn save_pin_record(&mut self, record: PinRecord) -> anyhow::Result<()>;
    /// Checks a staff PIN away from the input path; the answer comes back as
    /// [`Input::PinChecked`].
    fn check_pin(&mut self, hash: String, entered: String);
    /// Builds a search index away from the input path; it comes back as
    /// [`Input::SearchIndexReady`].
    fn build_search_index(&mut self, job: SearchJob);
    /// Tells clinic IT, in the journal.
    fn journal(&mut self, happening: Happening);
    /// Counts a use of the kiosk, where the clinic keeps usage counts.
    fn count(&mut self, counted: Counted);
    /// Gives the terminal back and stops after this batch, as Ctrl-Z stops `less`.
    fn suspend(&mut self);
}

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep running.
    Continue,
    /// The app asked to end.
    Quit,
}

/// Gives each input to `update` in turn and carries out every effect it returns. What an effect
/// reports back at once (a speech program that cannot start) is given to `update` too. Each
/// input but the last says more follow, so keys typed faster than a frame cost one search.
pub fn dispatch(app: &mut App, inputs: impl IntoIterator<Item = Input>, world: &mut impl World) -> Flow {
    let mut waiting: VecDeque<Input> = inputs.into_iter().collect();
    while let Some(input) = waiting.pop_front() {
        let event = Event::new(input, world.now());
        let event = if waiting.is_empty() { event } else { event.with_more_to_come() };
        for effect in update(app, event) {
            match effect {
                Effect::Quit => return Flow::Quit,
                Effect::Suspend => world.suspend(),
                Effect::Print { command, text } => world.print(command, text),
                Effect::ReloadContent => world.reload(),
                Effect::Speak { command, text } => {
                    if let Err(problem) = world.speak(&command, text) {
                        waiting.extend([Input::Notice(format!("{problem:#}")), Input::SpeechEnded]);
                    }
                }
                Effect::StopSpeaking => world.stop_speaking(),
                Effect::BuildSearchIndex(job) => world.build_search_index(job),
                Effect::Journal(happening) => world.journal(happening),
                Effect::Count(counted) => world.count(counted),
                Effect::CheckPin { hash, entered } => world.check_pin(hash, entered),
                Effect::SavePinRecord(record) => {
                    if let Err(problem) = world.save_pin_record(record) {
                        waiting.push_back(Input::Notice(format!("{problem:#}")));
                    }
                }
            }
        }
    }
    Flow::Continue
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use kiosk_content::i18n::Catalog;
    use kiosk_content::{Reloaded, load_bundled};
    use kiosk_core::app::{Key, Settings};

    use super::*;

    /// A world that only writes down what it was asked to do.
    struct Recorder {
        now: Instant,
        speaking: bool,
        asked: Vec<&'static str>,
    }

    impl World for Recorder {
        fn now(&self) -> Instant {
            self.now
        }
        fn print(&mut self, _: Vec<String>, _: String) {
            self.asked.push("print");
        }
        fn speak(&mut self, _: &[String], _: String) -> anyhow::Result<()> {
            self.speaking = true;
            self.asked.push("speak");
            Ok(())
        }
        fn stop_speaking(&mut self) {
            self.speaking = false;
            self.asked.push("stop speaking");
        }
        fn reload(&mut self) {
            self.asked.push("reload");
        }
        fn save_pin_record(&mut self, _: PinRecord) -> anyhow::Result<()> {
            self.asked.push("save PIN record");
            Ok(())
        }
        fn check_pin(&mut self, _: String, _: String) {
            self.asked.push("check PIN");
        }
        fn build_search_index(&mut self, _: SearchJob) {
            self.asked.push("build search index");
        }
        fn suspend(&mut self) {
            self.asked.push("suspend");
        }
        fn journal(&mut self, _: Happening) {
            self.asked.push("journal");
        }
        fn count(&mut self, _: Counted) {
            self.asked.push("count");
        }
    }

    /// A kiosk reading a topic aloud, and the world it reads in.
    fn reading_aloud() -> (App, Recorder) {
        let start = Instant::now();
        let settings = Settings {
            speech_command: Some(vec!["espeak-ng".into()]),
            idle: Duration::from_secs(90),
            warning: Duration::from_secs(20),
            ..Settings::default()
        };
        let mut app = App::new(load_bundled().library, Catalog::english(), settings, (80, 24), start);
        let mut world = Recorder { now: start, speaking: false, asked: Vec::new() };
        let keys = [Input::Key(Key::Enter), Input::Key(Key::Char('a'))];
        assert_eq!(dispatch(&mut app, keys, &mut world), Flow::Continue);
        assert!(world.speaking, "{:?}", world.asked);
        (app, world)
    }

    #[test]
    fn the_idle_reset_stops_the_reading_whatever_event_brings_it() {
        let (app, _) = reading_aloud();
        let index = app.search_job().map(kiosk_core::app::SearchJob::build);
        let arrivals: Vec<Input> = [
            Some(Input::Wake),
            Some(Input::Today(jiff::civil::date(2026, 11, 28))),
            Some(Input::Notice("a notice".into())),
            Some(Input::Printed(Ok(()))),
            Some(Input::Reloaded(Reloaded {
                library: load_bundled().library,
                notices: Vec::new(),
                revision: None,
            })),
            Some(Input::Resize { width: 100, height: 30 }),
            index.map(Input::SearchIndexReady),
        ]
        .into_iter()
        .flatten()
        .collect();
        assert_eq!(arrivals.len(), 7, "every kind of event that is not a reader's");
        for arrival in arrivals {
            let (mut app, mut world) = reading_aloud();
            // Past the idle time and the warning: the reset is due when this event comes.
            world.now += Duration::from_secs(200);
            let shown = format!("{arrival:?}").chars().take(40).collect::<String>();
            assert_eq!(dispatch(&mut app, [arrival], &mut world), Flow::Continue);
            assert!(app.at_rest(), "{shown}: the session was not wiped");
            assert!(!world.speaking, "{shown}: still reading to the next person: {:?}", world.asked);
        }
    }

    #[test]
    fn a_speech_program_that_cannot_start_is_told_to_staff_and_ends_the_reading() {
        struct Mute(Recorder);
        impl World for Mute {
            fn now(&self) -> Instant {
                self.0.now
            }
            fn print(&mut self, command: Vec<String>, text: String) {
                self.0.print(command, text);
            }
            fn speak(&mut self, _: &[String], _: String) -> anyhow::Result<()> {
                Err(anyhow::anyhow!("cannot run espeak-ng"))
            }
            fn stop_speaking(&mut self) {
                self.0.stop_speaking();
            }
            fn reload(&mut self) {
                self.0.reload();
            }
            fn save_pin_record(&mut self, record: PinRecord) -> anyhow::Result<()> {
                self.0.save_pin_record(record)
            }
            fn check_pin(&mut self, hash: String, entered: String) {
                self.0.check_pin(hash, entered);
            }
            fn build_search_index(&mut self, job: SearchJob) {
                self.0.build_search_index(job);
            }
            fn suspend(&mut self) {
                self.0.suspend();
            }
            fn journal(&mut self, happening: Happening) {
                self.0.journal(happening);
            }
            fn count(&mut self, counted: Counted) {
                self.0.count(counted);
            }
        }
        let (mut app, world) = reading_aloud();
        let mut world = Mute(world);
        dispatch(&mut app, [Input::Key(Key::Right), Input::Key(Key::Char('a'))], &mut world);
        assert!(!app.session().speaking);
        assert_eq!(app.notices(), ["cannot run espeak-ng"]);
    }
}
