//! Pure drawing: reads the app, writes a frame. One file per screen; every style comes from
//! the [`Theme`].

mod attract;
mod big_text;
mod chrome;
mod help;
mod home;
mod idle_warning;
mod languages;
mod search;
mod staff_panel;
mod take_home;
mod theme;
mod too_small;
mod topic;

use ratatui_core::terminal::Frame;

use crate::app::{App, Overlay, Screen, too_small as is_too_small};

pub use crate::glyphs::{Blocks, Glyphs};
pub use theme::Theme;

/// Empties `area` for an overlay and paints it with the theme's own colours: a plain clear
/// would leave the terminal's default colours there.
pub(crate) fn clear(frame: &mut Frame, area: ratatui_core::layout::Rect, theme: &Theme) {
    frame.render_widget(ratatui_widgets::clear::Clear, area);
    frame.render_widget(ratatui_widgets::block::Block::new().style(theme.base), area);
}

/// A scrollbar down the right of a list or a page. The thumb is a filled space, not a full
/// block: a cell's background fills exactly that cell, where xterm drew DejaVu Sans Mono's █ a
/// pixel wider on each side, and those pixels stayed behind as hairlines once the thumb moved.
pub(crate) fn scrollbar(theme: &Theme) -> ratatui_widgets::scrollbar::Scrollbar<'static> {
    ratatui_widgets::scrollbar::Scrollbar::new(
        ratatui_widgets::scrollbar::ScrollbarOrientation::VerticalRight,
    )
    .style(theme.border)
    .thumb_symbol(" ")
    .thumb_style(theme.scroll_thumb)
}

/// The words for a touchscreen where readers touch, else the words for keys: "Touch the screen
/// to start" or "Press any key to start".
pub(crate) fn for_touch(
    app: &App,
    keys: kiosk_content::i18n::Msg,
    touch: kiosk_content::i18n::Msg,
) -> kiosk_content::i18n::Msg {
    if app.touch() { touch } else { keys }
}

/// Draws the whole screen for the app's state.
pub fn render(app: &App, frame: &mut Frame) {
    let theme = Theme::named(app.settings().theme);
    let area = frame.area();
    frame.render_widget(ratatui_widgets::block::Block::new().style(theme.base), area);
    if is_too_small(area) {
        too_small::render(frame, area, app, &theme);
        app.settings().glyphs.fit(frame.buffer_mut());
        return;
    }
    match app.screen() {
        Screen::Attract => attract::render(frame, area, app, &theme),
        Screen::Home => home::render(frame, app, &theme),
        Screen::Topic(state) => match app.topic() {
            Some((topic, _)) if app.pages_arriving() => topic::render_arriving(frame, app, topic, &theme),
            Some((topic, _)) => topic::render(frame, app, topic, state, &theme),
            None => home::render(frame, app, &theme),
        },
    }
    languages::render(frame, app, &theme);
    // An overlay hides the screen beneath it, all but the header and the footer (which shows
    // the overlay's keys): no fragment of a page shows around its box, or looks part of it.
    // Each overlay open, the lowest first.
    for overlay in app.session().overlays.iter() {
        if overlay.hides_body() {
            clear(frame, crate::app::Chrome::new(area).body, &theme);
        }
        match overlay {
            Overlay::Search(search) => search::render(frame, app, search, &theme),
            Overlay::TakeHome => {
                if let Some(url) = app.topic().and_then(|(topic, _)| topic.url.as_deref()) {
                    take_home::render(frame, area, app, url, &theme);
                }
            }
            Overlay::Help => help::render(frame, area, app, &theme),
            Overlay::Staff(panel) => staff_panel::render(frame, area, app, panel, &theme),
        }
    }
    if let Some(seconds) = app.reset_countdown() {
        idle_warning::render(frame, area, app, seconds, &theme);
    }
    app.settings().glyphs.fit(frame.buffer_mut());
}
