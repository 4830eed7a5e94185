//! The language buttons at the right of the top row: each language in its own name.

use ratatui_core::terminal::Frame;
use ratatui_widgets::paragraph::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, LANGUAGE_BUTTON_WIDTH};
use kiosk_content::i18n::Msg;

use super::theme::Theme;

/// Draws the buttons; the reader's language is marked and reversed.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let offered = &app.settings().languages;
    for (button, language) in app.language_buttons().into_iter().zip(offered) {
        let current = language == app.language();
        let name = app.catalog_for(language).text(Msg::LanguageName);
        let label =
            if current { format!("{}{name}", app.settings().glyphs.pointer) } else { name.to_owned() };
        let pad = usize::from(LANGUAGE_BUTTON_WIDTH).saturating_sub(label.width());
        let text = format!("{}{label}{}", " ".repeat(pad / 2), " ".repeat(pad - pad / 2));
        let style = if current { theme.selected } else { theme.button };
        frame.render_widget(Paragraph::new(text).style(style), button);
    }
}
