//! `--code`, `--topic` and `--section`: where a kiosk opened from another system starts.

use kiosk_content::{Library, PageName, SectionKind, Topic, TopicId};
use kiosk_core::app::{Page, pages};

use super::cli::Cli;
use super::failure::Failure;

/// The topic and page the command line asks to start on, if any; or why it cannot be done.
pub fn resolve(
    cli: &Cli,
    library: &Library,
    language: &str,
    staff: bool,
) -> Result<Option<(TopicId, Page)>, Failure> {
    let topic = match (&cli.code, &cli.topic) {
        (Some(code), _) => Some(by_code(library, language, code)?),
        (None, Some(id)) => Some(library.find_for_reader(id, language).ok_or_else(|| {
            Failure::unreadable(format!("there is no topic `{id}`; `patient-kiosk list` shows the topics"))
        })?),
        (None, None) => None,
    };
    let Some(topic) = topic else {
        return match &cli.section {
            Some(_) => Err(Failure::unreadable("--section needs --topic or --code")),
            None => Ok(None),
        };
    };
    let related_shown = topic.related.iter().any(|id| library.find_for_reader(id, language).is_some());
    let offered = pages(topic, staff, related_shown);
    let page = match &cli.section {
        Some(name) => section_page(topic, name, &offered)?,
        // A code is billing information: staff land on the codes.
        None if cli.code.is_some() && offered.contains(&Page::Codes) => Page::Codes,
        None => Page::Overview,
    };
    Ok(Some((topic.id.clone(), page)))
}

fn by_code<'a>(library: &'a Library, language: &str, code: &str) -> Result<&'a Topic, Failure> {
    library
        .for_reader(language)
        .into_iter()
        .find(|topic| topic.codes.iter().any(|c| c.code.eq_ignore_ascii_case(code.trim())))
        .ok_or_else(|| {
            Failure::unreadable(format!(
                "no topic has the code `{code}`; `patient-kiosk search {code}` looks further"
            ))
        })
}

/// The page for a page's name (`--section`, checked against [`PageName::names`] by the
/// command line).
fn section_page(topic: &Topic, name: &str, offered: &[Page]) -> Result<Page, Failure> {
    let wanted = match PageName::from_name(name) {
        Some(PageName::Faq) => Some(Page::Faq),
        Some(PageName::Sources) => Some(Page::Sources),
        Some(PageName::TeachBack) => Some(Page::TeachBack),
        Some(PageName::Related) => Some(Page::Related),
        Some(PageName::Codes | PageName::Section(SectionKind::Billing)) => Some(Page::Codes),
        Some(PageName::Section(SectionKind::Overview)) => Some(Page::Overview),
        Some(PageName::Section(kind)) => offered
            .iter()
            .copied()
            .find(|page| matches!(page, Page::Section(i) if topic.sections[*i].kind == kind)),
        None => None,
    };
    wanted.filter(|page| offered.contains(page)).ok_or_else(|| {
        Failure::unreadable(format!("the topic `{}` has no `{name}` section to show here", topic.id))
    })
}
