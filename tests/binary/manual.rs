//! The manual pages as man shows them: a page for every command the main page names, the
//! synopsis with each option's value, the sections clap cannot write, no warning from groff.

use std::path::Path;
use std::process::Command;

use crate::common::tool_for;

fn kiosk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_patient-kiosk")).args(args).output().expect("run patient-kiosk")
}

/// The page as man formats it at 80 columns, and what groff warned about.
fn shown(page: &Path) -> (String, String) {
    let output = Command::new("man")
        .env("MANWIDTH", "80")
        .env("MAN_KEEP_FORMATTING", "")
        .args(["--warnings=all", "--local-file"])
        .arg(page)
        .output()
        .expect("run man");
    assert!(output.status.success(), "man {}", page.display());
    (String::from_utf8(output.stdout).expect("UTF-8"), String::from_utf8(output.stderr).expect("UTF-8"))
}

/// One section's text: the indented lines under its heading.
fn section(page: &str, heading: &str) -> String {
    let mut lines = page.lines().skip_while(|line| *line != heading);
    assert!(lines.next().is_some(), "no {heading} in:\n{page}");
    lines.take_while(|line| line.is_empty() || line.starts_with(' ')).collect::<Vec<_>>().join("\n")
}

#[test]
fn every_command_has_a_page_and_every_page_named_is_there() {
    if !tool_for("manual::every_command_has_a_page_and_every_page_named_is_there", "man") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let output = kiosk(&["man", "--out-dir", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let mut pages: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read the pages")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    pages.sort();
    for command in ["validate", "list", "search", "export", "show", "man", "completions", "stats", "hash-pin"]
    {
        assert!(pages.contains(&format!("patient-kiosk-{command}.1")), "no page for {command}: {pages:?}");
    }
    assert!(pages.contains(&"patient-kiosk-config-check.1".to_owned()), "{pages:?}");
    assert!(!pages.iter().any(|page| page.contains("help")), "clap's help command has no page: {pages:?}");

    for page in &pages {
        let (text, warnings) = shown(&dir.path().join(page));
        assert_eq!(warnings, "", "groff warns about {page}");
        // Every page it points to is written, and nothing points at a page it lacks.
        for named in
            text.split(|c: char| c.is_whitespace() || c == ',').filter_map(|word| word.strip_suffix("(1)"))
        {
            if named.starts_with("patient-kiosk") {
                assert!(
                    pages.contains(&format!("{named}.1")),
                    "{page} names {named}(1), which is not written"
                );
            }
        }
        assert!(section(&text, "EXIT STATUS").contains("2      What it must read cannot be read"), "{page}");
    }
    // A command's page: its own synopsis with the values, and the way back to the main page.
    let (stats, _) = shown(&dir.path().join("patient-kiosk-stats.1"));
    let synopsis = section(&stats, "SYNOPSIS").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        synopsis.starts_with("patient-kiosk stats [--since DATE] [--by day|topic] [--format table|csv|json]"),
        "{synopsis}"
    );
    assert!(section(&stats, "SEE ALSO").contains("patient-kiosk(1)"), "{stats}");
}

#[test]
fn the_main_page_has_the_synopsis_keys_files_environment_and_exit_status() {
    if !tool_for("manual::the_main_page_has_the_synopsis_keys_files_environment_and_exit_status", "man") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("patient-kiosk.1");
    std::fs::write(&page, kiosk(&["man"]).stdout).expect("write the page");
    let (text, warnings) = shown(&page);
    assert_eq!(warnings, "", "groff warns");

    let synopsis = section(&text, "SYNOPSIS").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        synopsis
            .starts_with("patient-kiosk [--content DIR] [--config FILE] [--kiosk] [--touch] [--code CODE]"),
        "{synopsis}"
    );
    assert!(synopsis.ends_with("[COMMAND]"), "{synopsis}");
    // The keys the kiosk's help shows, from the same table, and the staff key it adds.
    let keys = section(&text, "KEYS");
    for (key, meaning) in
        [("/", "Search every topic"), ("q", "Quit"), ("Ctrl-Z", "Pause"), ("F12", "Staff menu")]
    {
        assert!(
            keys.lines().any(|line| line.trim_start().starts_with(key) && line.contains(meaning)),
            "no {key} {meaning} in KEYS:\n{keys}"
        );
    }
    let files = section(&text, "FILES");
    for file in [
        "/etc/patient-kiosk/config.toml",
        "STATE/usage.sqlite",
        "STATE/pin-guard.toml",
        "/var/lib/patient-kiosk",
    ] {
        assert!(files.contains(file), "no {file} in FILES:\n{files}");
    }
    let environment = section(&text, "ENVIRONMENT");
    for variable in ["TERM", "NO_COLOR", "COLUMNS", "XDG_CONFIG_HOME", "STATE_DIRECTORY"] {
        assert!(environment.contains(variable), "no {variable} in ENVIRONMENT:\n{environment}");
    }
    let exit_status = section(&text, "EXIT STATUS");
    for status in ["0", "1", "2"] {
        assert!(
            exit_status.lines().any(|line| line.trim_start().starts_with(&format!("{status}  "))),
            "{exit_status}"
        );
    }
    // Never hyphenated inside the program's name.
    assert!(!text.contains("pa‐\n") && !text.contains("pa-\n"), "{text}");
    // roff's preamble once.
    let roff = String::from_utf8(kiosk(&["man"]).stdout).expect("UTF-8");
    assert_eq!(roff.matches(".ds Aq").count(), 2, "{roff}");
}
