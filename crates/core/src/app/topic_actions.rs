//! What a topic offers besides reading: printing its one-page take-home, reading a page
//! aloud, and the "Take this home" panel.

use super::document::Role;
use super::event::Effect;
use super::overlay::Overlay;
use super::session::Flash;
use super::state::App;
use crate::handout::{Format, Handout};
use kiosk_content::printable;

/// The longest print error shown in the footer.
const MAX_PRINT_ERROR_CHARS: usize = 160;

/// Whether `p` prints for this reader: staff, or anyone where patients may print.
pub fn may_print(app: &App) -> bool {
    app.session.staff || app.settings.print_allowed_for_patients
}

/// `p` on a topic: the text handout to the print command, or why it cannot go. One job at a
/// time, and a few per patient, so a row of presses cannot run up a clinic's printing.
pub(super) fn print(app: &mut App) -> Vec<Effect> {
    let refused = if !may_print(app) {
        Some(Flash::PrintAskStaff)
    } else if app.settings.print_command.is_none() {
        Some(Flash::PrintNotSetUp)
    } else if app.printing {
        Some(Flash::PrintBusy)
    } else if !app.session.staff && app.session.prints >= app.settings.patient_print_limit {
        Some(Flash::PrintLimit)
    } else {
        None
    };
    if let Some(reason) = refused {
        app.session.flash = Some(reason);
        return Vec::new();
    }
    let (Some(command), Some((topic, _))) = (app.settings.print_command.clone(), app.topic()) else {
        return Vec::new();
    };
    let no_ticks = std::collections::BTreeSet::new();
    let ticked = app.session.ticked.get(&topic.id).unwrap_or(&no_ticks);
    // The one-page take-home; the full handout is `patient-kiosk export`.
    let text = Handout::summary_for_reader(
        topic,
        app.catalog_for(&topic.language),
        &app.settings.clinic_name,
        app.settings.care_team_phone.as_deref(),
        ticked,
    )
    .render(Format::Text);
    app.printing = true;
    app.session.prints += 1;
    app.session.flash = Some(Flash::Printing);
    vec![Effect::Print { command, text }]
}

/// The print command finished. A reader who has walked away meanwhile is not the one on
/// screen: the next person is told nothing of it, and staff hear of a failure.
pub(super) fn printed(app: &mut App, result: Result<(), String>) {
    app.printing = false;
    let asker_still_here = app.session.prints > 0;
    let flash = match result {
        Ok(()) => Flash::Printed,
        Err(reason) => {
            // What another program said: one line, nothing that could steer the terminal.
            let line: String = reason.split_whitespace().collect::<Vec<_>>().join(" ");
            let line: String = printable(&line).chars().take(MAX_PRINT_ERROR_CHARS).collect();
            if !asker_still_here {
                app.content_notices.push(format!("printing failed: {line}"));
            }
            Flash::PrintFailed(line)
        }
    };
    if asker_still_here {
        app.session.flash = Some(flash);
    }
}

/// `a` on a topic: the current page read aloud in the topic's language, or why it cannot be.
pub(super) fn read_aloud(app: &mut App) -> Vec<Effect> {
    let Some(command) = app.settings.speech_command.clone() else {
        app.session.flash = Some(Flash::SpeechNotSetUp);
        return Vec::new();
    };
    let Some((topic, _)) = app.topic() else { return Vec::new() };
    let language = topic.language.clone();
    let text = spoken_text(&app.page_lines());
    let command = command.into_iter().map(|part| part.replace("{lang}", &language)).collect();
    app.session.speaking = true;
    app.session.flash = Some(Flash::Speaking);
    vec![Effect::Speak { command, text }]
}

/// The page's words in reading order, without bullets and step numbers, a line per line of
/// text and a blank line between paragraphs, so a speech program pauses where a reader would.
fn spoken_text(lines: &[super::document::PageLine]) -> String {
    let mut text = String::new();
    for line in lines {
        let words: String =
            line.runs.iter().filter(|run| run.role != Role::Marker).map(|run| run.text.as_str()).collect();
        text.push_str(words.trim());
        text.push('\n');
    }
    text
}

/// `t` on a topic with a web address: the "Take this home" panel.
pub(super) fn open_take_home(app: &mut App) {
    if app.topic().is_some_and(|(topic, _)| topic.url.is_some()) {
        app.session.overlays.open(Overlay::TakeHome);
    }
}
