//! What covers the screen: one list, in one order, that keys, taps, the footer and drawing all
//! read. A reader opens at most one overlay (search, take-home or help); the staff panel opens
//! over whatever is there, and closing it gives that back.

use crate::search::Hit;

/// Something over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Search: what is typed and what it found.
    Search(SearchState),
    /// The "Take this home" panel with the QR code.
    TakeHome,
    /// The keys.
    Help,
    /// The PIN screen or the staff menu.
    Staff(StaffPanel),
}

impl Overlay {
    /// Whether it hides the screen's body: its box alone would leave fragments of the page
    /// around it (take-home draws over the whole screen itself).
    pub fn hides_body(&self) -> bool {
        !matches!(self, Overlay::TakeHome)
    }
}

/// The search overlay: what is typed, and what it found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    /// What the reader typed.
    pub query: String,
    /// The results, best first.
    pub hits: Vec<Hit>,
    /// The chosen result.
    pub selected: usize,
    /// The first result shown, when there are more than fit.
    pub first_visible: usize,
    /// The query was typed into while more keys were coming, and not searched yet.
    pub pending: bool,
}

/// A staff panel over the patient's screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffPanel {
    /// Asking for the staff PIN; holds the digits typed so far (shown masked).
    Pin {
        /// The digits typed.
        digits: String,
    },
    /// The PIN typed is being checked; keys wait until it is.
    Checking,
    /// The staff menu, after the right PIN.
    Menu,
}

/// The overlays open, the lowest first: a reader's, then the staff panel over it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overlays(Vec<Overlay>);

impl Overlays {
    /// The one that takes keys and taps.
    pub fn top(&self) -> Option<&Overlay> {
        self.0.last()
    }

    /// Each open one, the lowest first: the order they are drawn in.
    pub fn iter(&self) -> impl Iterator<Item = &Overlay> {
        self.0.iter()
    }

    /// Whether none is open.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Opens a reader's overlay in place of the reader's last, under the staff panel if that
    /// is open; or the staff panel in place of the one open, over the reader's (help closes:
    /// the panel says what its own keys do).
    pub fn open(&mut self, overlay: Overlay) {
        if let Overlay::Staff(_) = overlay {
            self.0.retain(|open| !matches!(open, Overlay::Staff(_) | Overlay::Help));
            self.0.push(overlay);
        } else {
            self.0.retain(|open| matches!(open, Overlay::Staff(_)));
            self.0.insert(0, overlay);
        }
    }

    /// Closes the top one.
    pub fn close_top(&mut self) {
        self.0.pop();
    }

    /// Closes the search, if open, and hands back what it held.
    pub fn take_search(&mut self) -> Option<SearchState> {
        let at = self.0.iter().position(|open| matches!(open, Overlay::Search(_)))?;
        match self.0.remove(at) {
            Overlay::Search(search) => Some(search),
            _ => None,
        }
    }

    /// Closes the staff panel, if open.
    pub fn close_staff(&mut self) {
        self.0.retain(|open| !matches!(open, Overlay::Staff(_)));
    }

    /// The search, if open.
    pub fn search(&self) -> Option<&SearchState> {
        self.0.iter().find_map(|open| match open {
            Overlay::Search(search) => Some(search),
            _ => None,
        })
    }

    /// The search, if open, to change.
    pub fn search_mut(&mut self) -> Option<&mut SearchState> {
        self.0.iter_mut().find_map(|open| match open {
            Overlay::Search(search) => Some(search),
            _ => None,
        })
    }

    /// The staff panel, if open.
    pub fn staff_panel(&self) -> Option<&StaffPanel> {
        match self.top() {
            Some(Overlay::Staff(panel)) => Some(panel),
            _ => None,
        }
    }

    /// The staff panel, if open, to change.
    pub fn staff_panel_mut(&mut self) -> Option<&mut StaffPanel> {
        match self.0.last_mut() {
            Some(Overlay::Staff(panel)) => Some(panel),
            _ => None,
        }
    }

    /// Whether help is open.
    pub fn help(&self) -> bool {
        self.0.contains(&Overlay::Help)
    }

    /// Whether the take-home panel is open.
    pub fn take_home(&self) -> bool {
        self.0.contains(&Overlay::TakeHome)
    }

    /// What is wrong with the order, if anything: for the invariants.
    pub fn misordered(&self) -> Option<String> {
        let readers = self.0.iter().filter(|open| !matches!(open, Overlay::Staff(_))).count();
        let staff_below_top = self.0.iter().rev().skip(1).any(|open| matches!(open, Overlay::Staff(_)));
        (readers > 1 || staff_below_top).then(|| format!("overlays out of order: {:?}", self.0))
    }
}
