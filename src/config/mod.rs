//! The kiosk's configuration file: where it is, and reading it so that a bad key never leaves
//! the kiosk dark. Knows nothing about terminals.

mod model;
mod read;

use std::ffi::OsString;
use std::io::Read as _;
use std::path::{Path, PathBuf};

pub use model::{
    Config, ContentConfig, DisplayConfig, KioskConfig, PrintConfig, Show, SpeechConfig, ThemeChoice,
};
pub use read::{parse_function_key, read_config};

use crate::content::{Diagnostic, Position};

/// The largest configuration file read.
const MAX_CONFIG_BYTES: u64 = 64 * 1024;

/// The configuration file to read: the one named on the command line, else
/// `$XDG_CONFIG_HOME/patient-kiosk/config.toml` (`~/.config` when unset), else
/// `/etc/patient-kiosk/config.toml`; `None` when none of them exists.
pub fn find_config_file(
    named: Option<&Path>,
    xdg_config_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    if let Some(named) = named {
        return Some(named.to_owned());
    }
    let user_dir = xdg_config_home
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| home.map(|home| PathBuf::from(home).join(".config")));
    let candidates = user_dir
        .map(|dir| dir.join("patient-kiosk/config.toml"))
        .into_iter()
        .chain([PathBuf::from("/etc/patient-kiosk/config.toml")]);
    candidates.into_iter().find(|path| path.is_file())
}

/// Reads the configuration file at `path`: the settings, with defaults for whatever is missing
/// or bad, and every problem found. A file that cannot be read gives all the defaults.
pub fn load_config(path: &Path) -> (Config, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    let whole_file = |reason: String| {
        let message = format!("{reason}; every setting keeps its default");
        (Config::default(), vec![Diagnostic::error(&shown, Position::START, "config-unreadable", message)])
    };
    let mut bytes = Vec::new();
    let read =
        std::fs::File::open(path).and_then(|file| file.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes));
    if let Err(error) = read {
        return whole_file(format!("cannot read the configuration file: {error}"));
    }
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return whole_file(format!("the configuration file is larger than {MAX_CONFIG_BYTES} bytes"));
    }
    match String::from_utf8(bytes) {
        Ok(text) => read_config(&shown, &text.replace("\r\n", "\n")),
        Err(_) => whole_file("the configuration file is not UTF-8 text".to_owned()),
    }
}
