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
