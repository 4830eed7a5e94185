//! Usage counts from `update`: what is counted, and that nothing a patient read or typed is.

use kiosk_content::Lang;
use std::time::Duration;

use crate::common::*;
use kiosk_content::i18n::Catalogs;
use kiosk_core::app::{App, Counted, Effect, Event, Input, Key, Settings, update};

/// The counts an input gives.
fn counts(app: &mut App, input: Input, after: Duration) -> Vec<Counted> {
    update(app, Event::new(input, t0() + after))
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Count(counted) => Some(counted),
            Effect::BuildSearchIndex(job) => {
                let _ = update(app, Event::new(Input::SearchIndexReady(job.build()), t0() + after));
                None
            }
            _ => None,
        })
        .collect()
}

#[test]
fn topics_pages_languages_take_home_prints_and_fruitless_searches_are_counted() {
    let languages = vec![Lang::from("en"), Lang::from("es")];
    let (catalogs, _) = Catalogs::bundled(&languages);
    let settings = Settings { languages, ..Settings::default() };
    let mut app = App::new(vertebroplasty_library(), catalogs, settings, (80, 24), t0());
    let now = Duration::ZERO;
    assert_eq!(
        counts(&mut app, Input::Key(Key::Enter), now),
        [Counted::TopicOpened("vertebroplasty".into()), Counted::PageViewed]
    );
    assert_eq!(counts(&mut app, Input::Key(Key::Right), now), [Counted::PageViewed]);
    assert_eq!(counts(&mut app, Input::Key(Key::Down), now), [], "scrolling is not a new page");
    assert_eq!(counts(&mut app, Input::Key(Key::Char('t')), now), [Counted::TakeHomeShown]);
    assert_eq!(counts(&mut app, Input::Key(Key::Esc), now), []);
    assert_eq!(counts(&mut app, Input::Key(Key::Char('L')), now), [Counted::Language("es".into())]);
    assert_eq!(counts(&mut app, Input::Printed(Ok(())), now), [Counted::HandoutPrinted]);
    assert_eq!(counts(&mut app, Input::Printed(Err("offline".into())), now), []);

    // A search that finds nothing counts when it is left, and never says what was typed.
    counts(&mut app, Input::Key(Key::Char('/')), now);
    counts(&mut app, Input::Paste("zzqxj".into()), now);
    let left = counts(&mut app, Input::Key(Key::Esc), now);
    assert_eq!(left, [Counted::SearchWithoutResult]);
    assert!(left.iter().all(|counted| !counted.name().contains("zzqxj")));
    counts(&mut app, Input::Key(Key::Char('/')), now);
    counts(&mut app, Input::Paste("cement".into()), now);
    assert_eq!(counts(&mut app, Input::Key(Key::Esc), now), [], "a search that found something");

    // The reset back to the kiosk's language is nobody's choice.
    let reset = counts(&mut app, Input::Wake, Duration::from_secs(500));
    assert!(app.at_rest());
    assert_eq!(reset, []);
    // Only the opening names its topic, apart from its name in the daily counts.
    let opened = Counted::TopicOpened("vertebroplasty".into());
    assert_eq!((opened.name().as_str(), opened.topic()), ("topic_opened", Some("vertebroplasty")));
    for counted in [Counted::PageViewed, Counted::Language("es".into())] {
        assert_eq!(counted.topic(), None);
        assert!(!counted.name().contains("vertebro"), "{}", counted.name());
    }
}
