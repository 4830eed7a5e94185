//! The help overlay: every key, in the reader's language.

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use crate::app::{App, may_print};
use crate::i18n::Msg;

use super::theme::Theme;

/// The keys and what they do, in the order the help lists them.
const ROWS: [(Msg, Msg); 15] = [
    (Msg::HelpKeysUpDown, Msg::HelpUpDown),
    (Msg::HelpKeysSections, Msg::HelpSections),
    (Msg::HelpKeysNumbers, Msg::HelpNumbers),
    (Msg::HelpKeysPage, Msg::HelpPage),
    (Msg::HelpKeysEnds, Msg::HelpEnds),
    (Msg::HelpKeysEnter, Msg::HelpEnter),
    (Msg::HelpKeysBack, Msg::HelpBack),
    (Msg::HelpKeysSearch, Msg::HelpSearch),
    (Msg::HelpKeysTakeHome, Msg::HelpTakeHome),
    (Msg::HelpKeysPrint, Msg::HelpPrint),
    (Msg::HelpKeysReadAloud, Msg::HelpReadAloud),
    (Msg::HelpKeysLanguage, Msg::HelpLanguage),
    (Msg::HelpKeysHelp, Msg::HelpHelp),
    (Msg::HelpKeysQuit, Msg::HelpQuit),
    (Msg::HelpKeysMouse, Msg::HelpMouse),
];

/// Width of the column of key names.
const KEY_COLUMN: usize = 17;

/// Draws the help box over whatever is on screen.
pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let catalog = app.catalog();
    let locked = app.settings().locked;
    let mut lines: Vec<Line> = ROWS
        .iter()
        .filter(|(keys, _)| !(locked && *keys == Msg::HelpKeysQuit))
        .filter(|(keys, _)| may_print(app) || *keys != Msg::HelpKeysPrint)
        .filter(|(keys, _)| app.settings().speech_command.is_some() || *keys != Msg::HelpKeysReadAloud)
        .filter(|(keys, _)| app.settings().languages.len() > 1 || *keys != Msg::HelpKeysLanguage)
        .map(|(keys, meaning)| {
            let keys = format!("{:KEY_COLUMN$}", catalog.text(*keys));
            Line::from(vec![Span::styled(keys, theme.strong), Span::raw(catalog.text(*meaning))])
        })
        .collect();
    lines.push(Line::default());
    lines.push(Line::styled(catalog.text(Msg::HelpClose), theme.quiet));

    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 70.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)]).flex(Flex::Center).areas(area);
    let [boxed] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(row);
    let block = Block::bordered()
        .title(Span::styled(format!(" {} ", catalog.text(Msg::HelpTitle)), theme.heading))
        .border_style(theme.border);
    frame.render_widget(Clear, boxed);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), boxed);
}
