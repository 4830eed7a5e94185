//! One table of what a reader can do: each action's keys, its hint in the footer, its row in
//! the help, and when it is there. Key handling, the footer and the help all read it, so a key
//! and the words that offer it cannot disagree.

use kiosk_content::Page;
use kiosk_content::i18n::Msg;

use super::event::Key;
use super::session::Screen;
use super::state::App;
use super::topic_actions::may_print;

/// Something a reader can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the choice on the list of topics.
    Choose,
    /// Open the chosen topic.
    Open,
    /// Go to the previous or next section.
    Sections,
    /// Choose a question on the questions page.
    Question,
    /// Open or close the chosen question's answer.
    Answer,
    /// Scroll the page.
    Scroll,
    /// Back to the list of topics.
    Back,
    /// Open search.
    Search,
    /// Show the web address to take home.
    TakeHome,
    /// Read the page aloud.
    ReadAloud,
    /// Print the topic.
    Print,
    /// Change the language.
    Language,
    /// Show the keys.
    Help,
    /// End the program.
    Quit,
    /// Stop the program and give the terminal back to the shell (Ctrl-Z).
    Suspend,
}

/// A row of the table: an action, or keys the help explains that are not one action.
pub struct Row {
    /// The action, if the row is one.
    pub action: Option<Action>,
    /// The keys that do it anywhere it is there; the first is the one a tap on its hint presses.
    /// Empty for actions the screen's own keys do (arrows, Enter, Esc).
    pub keys: &'static [Key],
    /// Its hint in the footer: the text, the key a tap presses, and how much it matters when
    /// the footer is too narrow (the lowest go first).
    pub hint: Option<(Msg, Option<Key>, u8)>,
    /// Its row in the help: the keys' names and what they do.
    pub help: Option<(Msg, Msg)>,
}

const fn row(
    action: Option<Action>,
    keys: &'static [Key],
    hint: Option<(Msg, Option<Key>, u8)>,
    help: Option<(Msg, Msg)>,
) -> Row {
    Row { action, keys, hint, help }
}

/// Every row, in the order the footer and the help show them.
pub const TABLE: &[Row] = &[
    row(None, &[], None, Some((Msg::HelpKeysUpDown, Msg::HelpUpDown))),
    row(Some(Action::Choose), &[], Some((Msg::HintChoose, None, 3)), None),
    row(Some(Action::Open), &[], Some((Msg::HintOpen, Some(Key::Enter), 9)), None),
    row(
        Some(Action::Sections),
        &[],
        Some((Msg::HintSections, None, 3)),
        Some((Msg::HelpKeysSections, Msg::HelpSections)),
    ),
    row(Some(Action::Question), &[], Some((Msg::HintQuestion, None, 1)), None),
    row(Some(Action::Answer), &[], Some((Msg::HintAnswer, Some(Key::Enter), 4)), None),
    row(Some(Action::Scroll), &[], Some((Msg::HintScroll, None, 2)), None),
    row(None, &[], None, Some((Msg::HelpKeysNumbers, Msg::HelpNumbers))),
    row(None, &[], None, Some((Msg::HelpKeysPage, Msg::HelpPage))),
    row(None, &[], None, Some((Msg::HelpKeysEnds, Msg::HelpEnds))),
    row(None, &[], None, Some((Msg::HelpKeysEnter, Msg::HelpEnter))),
    row(
        Some(Action::Back),
        &[],
        Some((Msg::HintBack, Some(Key::Esc), 9)),
        Some((Msg::HelpKeysBack, Msg::HelpBack)),
    ),
    row(
        Some(Action::Search),
        &[Key::Char('/')],
        Some((Msg::HintSearch, Some(Key::Char('/')), 5)),
        Some((Msg::HelpKeysSearch, Msg::HelpSearch)),
    ),
    row(
        Some(Action::TakeHome),
        &[Key::Char('t'), Key::Char('T')],
        Some((Msg::HintTakeHome, Some(Key::Char('t')), 6)),
        Some((Msg::HelpKeysTakeHome, Msg::HelpTakeHome)),
    ),
    row(
        Some(Action::ReadAloud),
        &[Key::Char('a'), Key::Char('A')],
        Some((Msg::HintReadAloud, Some(Key::Char('a')), 6)),
        Some((Msg::HelpKeysReadAloud, Msg::HelpReadAloud)),
    ),
    row(
        Some(Action::Print),
        &[Key::Char('p'), Key::Char('P')],
        Some((Msg::HintPrint, Some(Key::Char('p')), 6)),
        Some((Msg::HelpKeysPrint, Msg::HelpPrint)),
    ),
    row(
        Some(Action::Language),
        &[Key::Char('L'), Key::Char('l')],
        // A reader who cannot read this language needs the way out on every screen: it goes
        // after take-home and print when the footer is short.
        Some((Msg::HintLanguage, Some(Key::Char('L')), 8)),
        Some((Msg::HelpKeysLanguage, Msg::HelpLanguage)),
    ),
    row(
        Some(Action::Help),
        &[Key::Char('?')],
        Some((Msg::HintHelp, Some(Key::Char('?')), 8)),
        Some((Msg::HelpKeysHelp, Msg::HelpHelp)),
    ),
    row(
        Some(Action::Quit),
        &[Key::Char('q'), Key::Char('Q'), Key::Ctrl('c')],
        Some((Msg::HintQuit, Some(Key::Char('q')), 7)),
        Some((Msg::HelpKeysQuit, Msg::HelpQuit)),
    ),
    row(Some(Action::Suspend), &[Key::Ctrl('z')], None, Some((Msg::HelpKeysSuspend, Msg::HelpSuspend))),
    row(None, &[], None, Some((Msg::HelpKeysMouse, Msg::HelpMouse))),
];

/// Whether the action does something on the screen showing now. It may only say why it
/// cannot (printing not allowed, reading aloud not set up), which a reader who pressed its key
/// deserves to hear.
pub fn acts(app: &App, action: Action) -> bool {
    let screen = app.screen();
    let on_topic = matches!(screen, Screen::Topic(_));
    // A topic whose pages are still on their way can only be left.
    let on_pages = on_topic && !app.pages_arriving();
    let on_faq = on_pages
        && app.topic().and_then(|(_, state)| app.pages().get(state.page).copied()) == Some(Page::Faq);
    match action {
        Action::Choose | Action::Open => *screen == Screen::Home,
        Action::Back => on_topic,
        Action::Sections | Action::TakeHome | Action::ReadAloud | Action::Print => on_pages,
        Action::Question | Action::Answer => on_faq,
        Action::Scroll => on_pages && !on_faq,
        Action::Search | Action::Help => *screen != Screen::Attract,
        // The language buttons are on every screen, the attract screen too.
        Action::Language => true,
        // A locked kiosk has no way out for patients.
        Action::Quit | Action::Suspend => !app.settings().locked,
    }
}

/// Whether this kiosk offers the action at all: set up, allowed, worth offering.
pub fn set_up(app: &App, action: Action) -> bool {
    let settings = app.settings();
    match action {
        Action::Print => may_print(app),
        Action::ReadAloud => settings.speech_command.is_some(),
        Action::Language => settings.languages.len() > 1,
        Action::Quit | Action::Suspend => !settings.locked,
        Action::TakeHome => app.topic().is_none_or(|(topic, _)| topic.url.is_some()),
        _ => true,
    }
}

/// The action a key does anywhere it is there, if any.
pub fn action_of(key: Key) -> Option<Action> {
    TABLE.iter().find(|row| row.keys.contains(&key)).and_then(|row| row.action)
}

/// Every help row, in order, whatever a kiosk offers: for the manual page.
pub fn every_help_row() -> impl Iterator<Item = (Msg, Msg)> {
    TABLE.iter().filter_map(|row| row.help)
}

/// The help's rows, in order, for this kiosk: every row with help whose action it offers.
pub fn help_rows(app: &App) -> impl Iterator<Item = (Msg, Msg)> + '_ {
    TABLE.iter().filter(|row| row.action.is_none_or(|action| set_up(app, action))).filter_map(|row| row.help)
}
