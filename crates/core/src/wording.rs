//! How the kiosk words a page's name or a source for readers, wherever it shows them: on
//! screen and in handouts.

use kiosk_content::i18n::{Catalog, Msg};

/// How an urgent page's name or heading is marked: "! Call 911 right away if".
pub fn urgent_mark(text: &str) -> String {
    format!("! {text}")
}

/// A source's title as readers see it: as written, and when it is in another language than
/// the reader's, which one ("language: English"), so a Spanish reader knows before opening it.
pub fn source_title(source: &kiosk_content::Source, catalog: &Catalog) -> String {
    match &source.language {
        Some(language) if !language.same_language(catalog.language()) => {
            let name = Catalog::bundled(language)
                .map_or_else(|_| language.to_string(), |other| other.text(Msg::LanguageName).to_owned());
            format!(
                "{} ({})",
                source.title,
                catalog.format(Msg::SourceLanguage, &[("language", name.as_str())])
            )
        }
        _ => source.title.clone(),
    }
}
