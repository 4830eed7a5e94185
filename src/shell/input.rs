//! Turning crossterm's events into the app's plain values.

use crossterm::event::{
    Event as TerminalEvent, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};
use kiosk_core::app::{Input, Key, Mouse, MouseAction};

/// The app's view of a terminal event; `None` for those it has no use for (mouse moves, key
/// releases, focus changes), which then cost no redraw.
pub fn to_input(event: TerminalEvent) -> Option<Input> {
    match event {
        TerminalEvent::Key(key) => to_key(key).map(Input::Key),
        TerminalEvent::Mouse(mouse) => to_mouse(mouse).map(Input::Mouse),
        TerminalEvent::Paste(text) => Some(Input::Paste(text)),
        TerminalEvent::Resize(width, height) => Some(Input::Resize { width, height }),
        TerminalEvent::FocusGained | TerminalEvent::FocusLost | TerminalEvent::PrivateModeReport(_) => None,
    }
}

fn to_key(key: KeyEvent) -> Option<Key> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(_) if alt => Key::Other,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::Function(n),
        _ => Key::Other,
    })
}

fn to_mouse(mouse: MouseEvent) -> Option<Mouse> {
    let action = match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseAction::Click,
        MouseEventKind::ScrollUp => MouseAction::ScrollUp,
        MouseEventKind::ScrollDown => MouseAction::ScrollDown,
        _ => return None,
    };
    Some(Mouse { action, column: mouse.column, row: mouse.row })
}
