//! The kiosk's configuration file: where it is, and reading it so that a bad key never leaves
//! the kiosk dark. Knows nothing about terminals.

mod model;
mod read;
mod schema;

use std::ffi::OsString;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};

pub use model::{
    Config, ContentConfig, DisplayConfig, KioskConfig, PrintConfig, Show, SpeechConfig, StatsConfig,
    ThemeName,
};
pub use read::{lock_for_safety, parse_function_key, read_config, setting_span};
pub use schema::setting_names;

use kiosk_content::{Diagnostic, Position, open_regular, read_at_most};

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
/// or bad, and every problem found. It fails closed: a file that cannot be read starts the
/// kiosk locked, and so does one anybody may write to (its PIN hash is then ignored too, since
/// anybody could have put theirs there).
pub fn load_config(path: &Path) -> (Config, Vec<Diagnostic>) {
    let shown = path.display().to_string();
    let whole_file = |reason: String| {
        let message = format!("{reason}; every setting keeps its default");
        let mut problems = vec![Diagnostic::error(&shown, Position::START, "config-unreadable", message)];
        let mut config = Config::default();
        lock_for_safety(&shown, &mut config, &mut problems, "the configuration file cannot be read");
        (config, problems)
    };
    let (bytes, mode) = match open_regular(path).and_then(|file| {
        let mode = file.metadata()?.permissions().mode();
        read_at_most(&file, MAX_CONFIG_BYTES).map(|bytes| (bytes, mode))
    }) {
        Ok(read) => read,
        Err(error) => return whole_file(format!("cannot read the configuration file: {error}")),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return whole_file("the configuration file is not UTF-8 text".to_owned());
    };
    let (mut config, mut problems) = read_config(&shown, &text.replace("\r\n", "\n"));
    check_permissions(&shown, mode, &mut config, &mut problems);
    (config, problems)
}

/// A file others may write to cannot be trusted with the lock or the PIN: anybody (o+w), or
/// the file's group (g+w) — the kiosk's own group in a deployment, so the kiosk itself, or
/// whatever took it over, could unlock it. A PIN hash that anybody may read can be guessed
/// offline.
fn check_permissions(shown: &str, mode: u32, config: &mut Config, problems: &mut Vec<Diagnostic>) {
    const WORLD_WRITABLE: u32 = 0o002;
    const GROUP_WRITABLE: u32 = 0o020;
    const WORLD_READABLE: u32 = 0o004;
    let writers = if mode & WORLD_WRITABLE != 0 {
        Some(("anybody may", "config-world-writable"))
    } else if mode & GROUP_WRITABLE != 0 {
        Some(("the file's group may", "config-group-writable"))
    } else {
        None
    };
    if let Some((who, code)) = writers {
        if config.kiosk.exit_pin_hash.take().is_some() {
            let message = format!(
                "{who} write to the configuration file, so its PIN hash is ignored: \
                 the kiosk can be left only through its service manager; \
                 run `chmod 640` on the file"
            );
            problems.push(Diagnostic::error(shown, Position::START, code, message));
        }
        lock_for_safety(shown, config, problems, &format!("{who} write to the configuration file"));
    } else if mode & WORLD_READABLE != 0 && config.kiosk.exit_pin_hash.is_some() {
        let message = "anybody may read the configuration file and its PIN hash; \
                       run `chmod 640` on the file (owner root, group kiosk)";
        problems.push(Diagnostic::warning(shown, Position::START, "config-world-readable", message));
    }
}
