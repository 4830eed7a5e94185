//! Every colour and text style the kiosk uses, in one place.

use ratatui::style::{Color, Modifier, Style};

use crate::app::Role;

/// The styles of each kind of thing on screen. Selection never relies on colour alone: it is
/// also reversed and marked with ▶.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Ordinary text.
    pub text: Style,
    /// The header row.
    pub header: Style,
    /// The footer row.
    pub footer: Style,
    /// A page's heading.
    pub heading: Style,
    /// Bullets, step numbers and FAQ arrows.
    pub marker: Style,
    /// A FAQ question, and topic titles on the home screen.
    pub strong: Style,
    /// Instructions, web addresses, categories.
    pub quiet: Style,
    /// The draft notice and other warnings.
    pub warning: Style,
    /// The chosen item of a list.
    pub selected: Style,
    /// Lines between parts of the screen, and the scrollbar.
    pub border: Style,
    /// Buttons a finger can tap.
    pub button: Style,
    /// The letters a search matched.
    pub highlight: Style,
}

impl Default for Theme {
    /// Light text on the terminal's own background; colours from the 16 ANSI colours so that
    /// every terminal shows them.
    fn default() -> Theme {
        Theme {
            text: Style::new(),
            header: Style::new().fg(Color::White).bg(Color::Blue).add_modifier(Modifier::BOLD),
            footer: Style::new().fg(Color::Black).bg(Color::Gray),
            heading: Style::new().fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            marker: Style::new().fg(Color::LightCyan),
            strong: Style::new().add_modifier(Modifier::BOLD),
            quiet: Style::new().fg(Color::Gray),
            warning: Style::new().fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: Style::new().fg(Color::Gray),
            button: Style::new().fg(Color::Black).bg(Color::Gray).add_modifier(Modifier::BOLD),
            highlight: Style::new()
                .fg(Color::LightYellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}

impl Theme {
    /// The style of a run of page text.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Heading => self.heading,
            Role::Text => self.text,
            Role::Marker => self.marker,
            Role::Question => self.strong,
            Role::Quiet => self.quiet,
            Role::Warning => self.warning,
        }
    }
}
