//! The header and footer every screen shares.

use ratatui_core::layout::Rect;
use ratatui_core::terminal::Frame;
use ratatui_core::text::{Line, Span};
use ratatui_widgets::paragraph::Paragraph;

use crate::app::{App, Flash, hint_areas, hints};
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// The header: the clinic, the kiosk's name, then where the reader is.
pub fn header(frame: &mut Frame, area: Rect, app: &App, place: Option<&str>, theme: &Theme) {
    let mut spans = vec![Span::raw(" ")];
    let clinic = app.settings().clinic_name.as_str();
    if !clinic.is_empty() {
        spans.push(Span::raw(clinic));
        spans.push(Span::raw(" · "));
    }
    spans.push(Span::raw(app.catalog().text(Msg::AppTitle)));
    if let Some(place) = place {
        spans.push(Span::raw(" › "));
        spans.push(Span::raw(place));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.header), area);
    if app.staff() {
        // At the right end, where it stays visible however long the title.
        let badge = format!(" {} ", app.catalog().text(Msg::StaffBadge));
        let width = (badge.chars().count() as u16).min(area.width);
        let corner = Rect { x: area.right().saturating_sub(width), width, ..area };
        frame.render_widget(Paragraph::new(badge).style(theme.warning), corner);
    }
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
        Flash::Speaking => catalog.text(Msg::FlashSpeaking).to_owned(),
        Flash::SpeechNotSetUp => catalog.text(Msg::FlashSpeechNotSetUp).to_owned(),
    };
    frame.render_widget(Paragraph::new(format!(" {text}")).style(theme.warning), area);
    true
}
