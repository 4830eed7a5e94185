//! The header and footer every screen shares.

use ratatui_core::layout::Rect;
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::paragraph::Paragraph;

use crate::app::{App, Flash, hint_areas, hints};
use kiosk_content::i18n::Msg;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::glyphs::Glyphs;

/// The header: the clinic, the kiosk's name, then where the reader is — in the room the
/// language buttons and the staff badge leave, shortened cleanly when it does not fit.
pub fn header(frame: &mut Frame, area: Rect, app: &App, place: Option<&str>, theme: &Theme) {
    frame.render_widget(Paragraph::new("").style(theme.header), area);
    let buttons = app.language_buttons();
    let badge = if app.staff() { app.catalog().text(Msg::StaffBadge).width() as u16 + 2 } else { 0 };
    let end = buttons.first().map_or(area.right().saturating_sub(badge), |first| first.x);
    // One column of space before what sits on the right.
    let room = usize::from(end.saturating_sub(area.x).saturating_sub(2));
    let settings = app.settings();
    let title =
        fit_title(&settings.clinic_name, app.catalog().text(Msg::AppTitle), place, room, &settings.glyphs);
    let title_area = Rect { width: end.saturating_sub(area.x), ..area };
    frame.render_widget(Paragraph::new(Line::from(vec![Span::raw(" "), Span::raw(title)])), title_area);
    if app.staff() {
        // At the right end, where it stays visible however long the title.
        let badge = format!(" {} ", app.catalog().text(Msg::StaffBadge));
        let width = (badge.chars().count() as u16).min(area.width);
        let corner = Rect { x: area.right().saturating_sub(width), width, ..area };
        frame.render_widget(Paragraph::new(badge).style(theme.warning), corner);
    }
}

/// "Clinic · Patient Education › Topic" in `room` columns. What gives way first is the
/// clinic's name (shortened with "…", then left out), then the kiosk's name, then the place is
/// shortened with "…": never a word cut without saying so.
pub fn fit_title(clinic: &str, app_title: &str, place: Option<&str>, room: usize, glyphs: &Glyphs) -> String {
    let (dot, next, ellipsis) = (glyphs.dot, glyphs.next, glyphs.ellipsis);
    let place = place.map(|place| format!(" {next} {place}")).unwrap_or_default();
    let whole = |clinic: &str| {
        if clinic.is_empty() {
            format!("{app_title}{place}")
        } else {
            format!("{clinic} {dot} {app_title}{place}")
        }
    };
    if whole(clinic).width() <= room {
        return whole(clinic);
    }
    // The clinic's whole name before the words "Patient Education": on a kiosk its name says
    // whose the screen is.
    let clinic_and_place = format!("{clinic}{place}");
    if !clinic.is_empty() && !place.is_empty() && clinic_and_place.width() <= room {
        return clinic_and_place;
    }
    // The clinic's name shortened, if at least a few letters of it still fit.
    let rest = format!(" {dot} {app_title}{place}").width();
    if !clinic.is_empty() && room >= rest + 6 {
        return format!("{} {dot} {app_title}{place}", shorten(clinic, room - rest, ellipsis));
    }
    let without_clinic = format!("{app_title}{place}");
    if without_clinic.width() <= room {
        return without_clinic;
    }
    match place.strip_prefix(&format!(" {next} ")) {
        Some(place) => shorten(place, room, ellipsis),
        None => shorten(app_title, room, ellipsis),
    }
}

/// `text` in at most `room` columns, ending in `ellipsis` when cut.
pub(super) fn shorten(text: &str, room: usize, ellipsis: &str) -> String {
    if text.width() <= room {
        return text.to_owned();
    }
    let mut kept = String::new();
    for c in text.chars() {
        if kept.width() + c.to_string().width() + ellipsis.width() > room {
            break;
        }
        kept.push(c);
    }
    if room < ellipsis.width() { String::new() } else { format!("{}{ellipsis}", kept.trim_end()) }
}

/// The footer: a passing message if there is one, else the keys that work on this screen,
/// each where a tap presses it.
pub fn footer(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if flash(frame, area, app, theme) {
        return;
    }
    frame.render_widget(Paragraph::new("").style(theme.footer), area);
    // Each hint is a button a finger can tap: its text in the middle of a wider target.
    for (hint_area, hint) in hint_areas(area, &hints(app), app.catalog()) {
        let text =
            Paragraph::new(app.catalog().text(hint.msg)).alignment(ratatui_core::layout::Alignment::Center);
        frame.render_widget(text.style(theme.button), hint_area);
    }
}

/// Draws the passing message, if there is one, in `area`; says whether it did.
pub fn flash(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) -> bool {
    let Some(flash) = &app.session().flash else { return false };
    let catalog = app.catalog();
    let text = match flash {
        Flash::WrongPin => catalog.text(Msg::FlashWrongPin).to_owned(),
        Flash::PinLockedOut => {
            catalog.format(Msg::FlashLockedOut, &[("minutes", &app.pin_minutes_left().to_string())])
        }
        Flash::Printing => catalog.text(Msg::FlashPrinting).to_owned(),
        Flash::Printed => catalog.text(Msg::FlashPrinted).to_owned(),
        Flash::PrintFailed(reason) => catalog.format(Msg::FlashPrintFailed, &[("reason", reason)]),
        Flash::PrintNotSetUp => catalog.text(Msg::FlashPrintNotSetUp).to_owned(),
        Flash::PrintBusy => catalog.text(Msg::FlashPrintBusy).to_owned(),
        Flash::PrintLimit => catalog.text(Msg::FlashPrintLimit).to_owned(),
        Flash::PrintAskStaff => catalog.text(Msg::FlashPrintAskStaff).to_owned(),
        Flash::StaffModeEnded => catalog.text(Msg::FlashStaffModeEnded).to_owned(),
        Flash::Speaking => {
            catalog.text(super::for_touch(app, Msg::FlashSpeaking, Msg::FlashSpeakingTouch)).to_owned()
        }
        Flash::SpeechNotSetUp => catalog.text(Msg::FlashSpeechNotSetUp).to_owned(),
    };
    frame.render_widget(Paragraph::new(format!(" {text}")).style(theme.warning), area);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// On a topic, where the language buttons leave 47 columns, the clinic's whole name and the
    /// topic stay, and "Patient Education" goes: the header once read "Riverside… · …".
    #[test]
    fn the_clinics_whole_name_and_the_topic_come_before_the_app_title() {
        let glyphs = Glyphs::unicode();
        let title = |room| {
            fit_title("Riverside Spine Clinic", "Patient Education", Some("Vertebroplasty"), room, &glyphs)
        };
        assert_eq!(title(80), "Riverside Spine Clinic · Patient Education › Vertebroplasty");
        assert_eq!(title(47), "Riverside Spine Clinic › Vertebroplasty");
        let spanish = fit_title(
            "Riverside Spine Clinic",
            "Educación para pacientes",
            Some("Vertebroplastia"),
            47,
            &glyphs,
        );
        assert_eq!(spanish, "Riverside Spine Clinic › Vertebroplastia");
    }
}
