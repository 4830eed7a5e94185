//! Handouts: a topic as plain text, Markdown or HTML, to print or take home. Only what a
//! patient may see goes in. Knows nothing about terminals.

mod html;
mod markdown;
mod model;
mod plain;
pub mod qr;
mod text;

pub use html::to_html;
pub use markdown::to_markdown;
pub use model::{Handout, HandoutSection, Online};
pub use plain::{Part, to_plain};
pub use text::{TEXT_WIDTH, to_text};

/// The formats a handout can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text wrapped to 72 columns.
    Text,
    /// Markdown.
    Markdown,
    /// One self-contained HTML file with print styles.
    Html,
}

impl Format {
    /// Every format: its name on the command line, and what it is.
    pub const ALL: [(Format, &'static str, &'static str); 3] = [
        (Format::Text, "text", "Plain text wrapped to 72 columns"),
        (Format::Markdown, "markdown", "Markdown"),
        (Format::Html, "html", "One self-contained HTML file with print styles"),
    ];

    /// The format with this command-line name.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().find(|(_, known, _)| *known == name).map(|(format, _, _)| *format)
    }
}

impl Handout {
    /// The handout written in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => to_text(self),
            Format::Markdown => to_markdown(self),
            Format::Html => to_html(self),
        }
    }
}
