//! Every colour and text style the kiosk uses, in one place.

use ratatui_core::style::{Color, Modifier, Style};

use crate::app::{Role, ThemeName};

/// The styles of each kind of thing on screen. Selection never relies on colour alone: it is
/// also reversed and marked with ▶.
///
/// Each colour means one thing, in every theme that has colour: reverse video is where you
/// are (the chosen row); the header's blue is the kiosk's frame; cyan (bright yellow in high
/// contrast) is the page's structure — headings and bullets; yellow is caution — a draft, a
/// badge, a warning (black on cyan in high contrast); red is an emergency — the page that
/// says when to call 911, always with its "!" (white, bold and underlined in high contrast,
/// where red is too dark); green is what a search matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The whole screen, under everything else.
    pub base: Style,
    /// Ordinary text.
    pub text: Style,
    /// The header row.
    pub header: Style,
    /// The footer row, under its buttons.
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
    /// The page that says when to call 911, in the list of pages and as its heading: seen at
    /// once, never mistaken for the chosen row.
    pub emergency: Style,
    /// The chosen item of a list.
    pub selected: Style,
    /// Lines between parts of the screen, and the scrollbar.
    pub border: Style,
    /// The scrollbar's thumb: a filled cell, by its background.
    pub scroll_thumb: Style,
    /// Buttons a finger can tap.
    pub button: Style,
    /// The letters a search matched.
    pub highlight: Style,
}

impl Default for Theme {
    /// Light text on black, whatever the terminal's own colours: the kiosk paints every cell,
    /// so it looks the same on a light or a dark terminal. Only the 8 colours the Linux
    /// console can show behind text are used as backgrounds — and, because a chosen row is
    /// shown in reverse, as foregrounds too — and every pair reads at 4.5:1 or more in the
    /// xterm and the console palettes (crates/core/tests/pure/contrast.rs).
    fn default() -> Theme {
        let on_black = Style::new().fg(Color::Gray).bg(Color::Black);
        Theme {
            base: on_black,
            text: on_black,
            header: Style::new().fg(Color::Gray).bg(Color::Blue).add_modifier(Modifier::BOLD),
            footer: on_black,
            heading: on_black.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            marker: on_black.fg(Color::Cyan),
            strong: on_black.add_modifier(Modifier::BOLD),
            quiet: on_black,
            // Text, not a filled bar: a fill would outshine the chosen row. No yellow fill
            // either: the console's "yellow" background is brown, 4:1 under black.
            warning: on_black.fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            emergency: on_black.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            selected: on_black.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: on_black,
            scroll_thumb: Style::new().fg(Color::Black).bg(Color::Gray),
            button: Style::new().fg(Color::Black).bg(Color::Gray).add_modifier(Modifier::BOLD),
            highlight: on_black.fg(Color::LightGreen).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }
}

impl Theme {
    /// The theme of this name.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Default => Theme::default(),
            ThemeName::HighContrast => Theme::high_contrast(),
            ThemeName::Monochrome => Theme::monochrome(),
        }
    }

    /// White and bright yellow on black, black on light grey or cyan: every pair at 7:1 or more
    /// (WCAG AAA) in the xterm and the console palettes, on backgrounds the console can show.
    pub fn high_contrast() -> Theme {
        let on_black = Style::new().fg(Color::White).bg(Color::Black);
        let inverse = Style::new().fg(Color::Black).bg(Color::Gray);
        Theme {
            base: on_black,
            text: on_black,
            header: inverse.add_modifier(Modifier::BOLD),
            footer: on_black,
            heading: on_black.fg(Color::LightYellow).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            marker: on_black.fg(Color::LightYellow),
            strong: on_black.add_modifier(Modifier::BOLD),
            quiet: on_black,
            warning: Style::new().fg(Color::Black).bg(Color::Cyan).add_modifier(Modifier::BOLD),
            emergency: on_black.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: inverse.add_modifier(Modifier::BOLD),
            border: on_black,
            scroll_thumb: inverse,
            button: inverse.add_modifier(Modifier::BOLD),
            highlight: on_black.fg(Color::LightGreen).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// No colour at all: bold, reverse video and underline only (and what `NO_COLOR` asks for).
    pub fn monochrome() -> Theme {
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            base: Style::new(),
            text: Style::new(),
            header: reversed.add_modifier(Modifier::BOLD),
            footer: Style::new(),
            heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            marker: Style::new().add_modifier(Modifier::BOLD),
            strong: Style::new().add_modifier(Modifier::BOLD),
            quiet: Style::new(),
            warning: reversed.add_modifier(Modifier::BOLD),
            emergency: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: reversed.add_modifier(Modifier::BOLD),
            border: Style::new(),
            scroll_thumb: reversed,
            button: reversed,
            highlight: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// `style` for a run inside the chosen row: its bold and underline kept, its colours left to
    /// the row's reverse video, which turns a foreground into a background — one the console
    /// could not show, were it a bright colour.
    pub fn in_chosen_row(style: Style) -> Style {
        Style { fg: None, bg: None, ..style }
    }

    /// The style of a run of page text.
    pub fn role(&self, role: Role) -> Style {
        match role {
            Role::Heading => self.heading,
            Role::Text => self.text,
            Role::Marker => self.marker,
            Role::Question => self.strong,
            Role::Quiet => self.quiet,
            Role::Warning => self.warning,
            Role::Emergency => self.emergency,
        }
    }
}
