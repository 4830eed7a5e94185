//! The list of topics driven alone: its place and a context in, an outcome out; no App.

use kiosk_core::app::{
    HOME_ENTRY_HEIGHT, HomeContext, HomeLayout, HomeOutcome, HomeState, Key, Mouse, MouseAction,
};
use ratatui_core::layout::Rect;

#[test]
fn the_list_alone_moves_its_choice_keeps_it_in_sight_and_opens_it() {
    let layout = HomeLayout::new(Rect::new(0, 0, 80, 24));
    let context = HomeContext { topics: 30, layout };
    let visible = layout.visible_entries();
    let mut home = HomeState::default();
    assert_eq!(home.on_key(Key::Up, context), HomeOutcome::Stay);
    assert_eq!(home.selected, 0, "never above the first");
    for _ in 0..visible {
        home.on_key(Key::Down, context);
    }
    assert_eq!((home.selected, home.first_visible), (visible, 1));
    home.on_key(Key::End, context);
    assert_eq!((home.selected, home.first_visible), (29, 30 - visible));
    home.on_key(Key::PageDown, context);
    assert_eq!(home.selected, 29, "never past the last");
    home.on_key(Key::Home, context);
    assert_eq!((home.selected, home.first_visible), (0, 0));
    // Any other key costs nothing and changes nothing.
    assert_eq!(home.on_key(Key::Char('z'), context), HomeOutcome::Stay);
    assert_eq!(home, HomeState::default());
    for key in [Key::Enter, Key::Right, Key::Char(' ')] {
        assert_eq!(home.on_key(key, context), HomeOutcome::Open(0), "{key:?}");
    }
    // An empty list opens nothing.
    let empty = HomeContext { topics: 0, layout };
    assert_eq!(home.on_key(Key::Enter, empty), HomeOutcome::Stay);
}

#[test]
fn the_list_alone_opens_the_topic_tapped_and_nothing_past_the_last() {
    let layout = HomeLayout::new(Rect::new(0, 0, 80, 24));
    let mut home = HomeState::default();
    let tap = |row: u16| Mouse { action: MouseAction::Click, column: layout.list.x + 2, row };
    let second = layout.list.y + HOME_ENTRY_HEIGHT;
    assert_eq!(home.on_mouse(tap(second), HomeContext { topics: 30, layout }), HomeOutcome::Open(1));
    assert_eq!(home.on_mouse(tap(second), HomeContext { topics: 1, layout }), HomeOutcome::Stay);
    assert_eq!(home.on_mouse(tap(0), HomeContext { topics: 30, layout }), HomeOutcome::Stay, "the header");
    let wheel = Mouse { action: MouseAction::ScrollDown, column: 0, row: 0 };
    assert_eq!(home.on_mouse(wheel, HomeContext { topics: 30, layout }), HomeOutcome::Stay);
    assert_eq!(home.selected, 1);
}
