//! What must hold of the state after any event: every index points at something that exists.
//! The property tests and the fuzzers check it after each event of a random stream.

use super::session::Screen;
use super::state::App;

impl App {
    /// Each index of the state that is out of range, described; empty when all is sound.
    pub fn broken_invariants(&self) -> Vec<String> {
        let mut broken = Vec::new();
        let mut check = |holds: bool, what: String| {
            if !holds {
                broken.push(what);
            }
        };
        let home = self.home();
        let topics = self.home_topics().len();
        check(home.selected < topics.max(1), format!("home selection {} of {topics}", home.selected));
        check(home.first_visible <= home.selected, "home list scrolled past its selection".to_owned());
        if let Screen::Topic(state) = self.screen() {
            match self.topic() {
                None => check(false, "the open topic is not in the library".to_owned()),
                Some((topic, _)) => {
                    let pages = self.pages().len();
                    // A topic whose pages are on their way has none yet, and stays at the first.
                    let in_range = state.page < pages || (self.pages_arriving() && state.page == 0);
                    check(in_range, format!("page {} of {pages}", state.page));
                    let lines = self.page_lines().len();
                    check(
                        state.scroll < lines.max(1),
                        format!("scrolled to {} of {lines} lines", state.scroll),
                    );
                    let entries = topic.faq.len();
                    check(
                        state.faq_open.len() == entries,
                        format!("{} FAQ flags for {entries}", state.faq_open.len()),
                    );
                    check(
                        state.faq_selected < entries.max(1),
                        format!("FAQ {} of {entries}", state.faq_selected),
                    );
                }
            }
        }
        if let Some(misordered) = self.session().overlays.misordered() {
            check(false, misordered);
        }
        if let Some(search) = self.session().search() {
            let hits = search.hits.len();
            check(search.selected < hits.max(1), format!("search hit {} of {hits}", search.selected));
            check(
                search.first_visible <= search.selected,
                "search list scrolled past its selection".to_owned(),
            );
        }
        broken
    }
}
