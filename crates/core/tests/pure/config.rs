//! The configuration file: every key, every bad value, and where the kiosk looks for it.

use kiosk_content::Lang;
use std::path::Path;
use std::time::Duration;

use kiosk_core::config::{Config, KioskConfig, PrintConfig, find_config_file, load_config, read_config};

/// Every default, but locked: what a configuration that cannot be trusted gives.
fn locked_defaults() -> Config {
    let mut config = Config::default();
    config.kiosk.locked = true;
    config
}

fn messages(text: &str) -> (Config, Vec<String>) {
    let (config, problems) = read_config("config.toml", text);
    (config, problems.iter().map(ToString::to_string).collect())
}

#[test]
fn every_key_is_read() {
    let hash = kiosk_core::pin::hash_pin("246813").expect("hash");
    let text = format!(
        "clinic_name = \"Riverside Spine Clinic\"\ncontent = \"/srv/content\"\n[kiosk]\nlocked = true\n\
         idle_seconds = 30\nwarning_seconds = 25\nexit_pin_hash = \"{hash}\"\nstaff_key = \"F9\"\n\
         staff_idle_seconds = 300\n[print]\ncommand = [\"lp\", \"-d\", \"frontdesk\"]\nallow_patients = true\n"
    );
    let (config, problems) = messages(&text);
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(
        config,
        Config {
            clinic_name: "Riverside Spine Clinic".into(),
            content: Some("/srv/content".into()),
            kiosk: KioskConfig {
                locked: true,
                idle: Duration::from_secs(30),
                warning: Duration::from_secs(25),
                exit_pin_hash: Some(hash),
                staff_key: 9,
                staff_idle: Duration::from_secs(300),
            },
            print: PrintConfig {
                command: Some(vec!["lp".into(), "-d".into(), "frontdesk".into()]),
                allow_patients: true,
                patient_limit: 2,
            },
            ..Config::default()
        }
    );
}

#[test]
fn an_empty_file_gives_the_defaults() {
    assert_eq!(messages(""), (Config::default(), vec![]));
    let defaults = Config::default();
    assert_eq!(defaults.kiosk.idle, Duration::from_secs(90));
    assert_eq!(defaults.kiosk.warning, Duration::from_secs(20));
    assert_eq!(defaults.kiosk.staff_key, 12);
    assert!(!defaults.kiosk.locked);
}

#[test]
fn unknown_keys_are_named_with_a_suggestion() {
    let (config, problems) = messages("clinc_name = \"A\"\n[kiosk]\nidle_second = 30\nbeep = 1\n");
    assert_eq!(
        problems,
        [
            "config.toml:1:1: error: unknown setting `clinc_name`; did you mean `clinic_name`?",
            "config.toml:3:1: error: unknown setting `kiosk.idle_second`; did you mean `kiosk.idle_seconds`?",
            "config.toml:4:1: error: unknown setting `kiosk.beep`",
            "config.toml:1:1: warning: the `[kiosk]` settings have an error, so the kiosk starts locked; fix the configuration and restart it",
        ]
    );
    assert_eq!(config, locked_defaults());
}

#[test]
fn each_bad_value_keeps_its_default_and_the_good_ones_still_count() {
    let text = "clinic_name = \"Riverside\"\n[kiosk]\nlocked = \"yes\"\nidle_seconds = \"ninety\"\n\
                warning_seconds = 0\nexit_pin_hash = \"2468\"\nstaff_key = \"F30\"\n";
    let (config, problems) = messages(text);
    assert_eq!(
        problems,
        [
            "config.toml:3:10: error: `kiosk.locked` must be true or false; the default is used",
            "config.toml:4:16: error: `kiosk.idle_seconds` must be a whole number of seconds from 1 to 86400; the default is used",
            "config.toml:5:19: error: `kiosk.warning_seconds` must be a whole number of seconds from 1 to 86400; the default is used",
            "config.toml:6:17: error: `kiosk.exit_pin_hash` is not a PIN hash (password hash string missing field); make one with `patient-kiosk hash-pin`. Until then the kiosk cannot be left from the keyboard; the default is used",
            "config.toml:7:13: error: `kiosk.staff_key` must be a function key from \"F1\" to \"F24\" (found \"F30\"); the default is used",
            "config.toml:1:1: warning: the `[kiosk]` settings have an error, so the kiosk starts locked; fix the configuration and restart it",
        ]
    );
    assert_eq!(config, Config { clinic_name: "Riverside".into(), ..locked_defaults() });
}

#[test]
fn a_short_warning_is_allowed_but_flagged() {
    let (config, problems) = messages("[kiosk]\nwarning_seconds = 5\n");
    assert_eq!(config.kiosk.warning, Duration::from_secs(5));
    assert_eq!(
        problems,
        [
            "config.toml:2:19: warning: `kiosk.warning_seconds` is 5: WCAG 2.2.1 asks for at least 20 seconds to answer the warning"
        ]
    );
}

#[test]
fn a_syntax_error_gives_every_default_and_locks_the_kiosk() {
    let (config, problems) = messages("clinic_name = \"Riverside\n[kiosk]\nlocked = false\n");
    assert_eq!(config, locked_defaults());
    assert_eq!(problems.len(), 2);
    assert_eq!(
        problems[1],
        "config.toml:1:1: warning: the configuration file has a syntax error, so the kiosk starts locked; fix the configuration and restart it"
    );
    assert!(problems[0].starts_with("config.toml:1:25: error: invalid basic string"), "{}", problems[0]);
    assert!(problems[0].ends_with("; every setting keeps its default"), "{}", problems[0]);
}

#[test]
fn control_characters_are_refused() {
    let (config, problems) = messages("clinic_name = \"Evil\\u001b]0;x\\u0007\"\n");
    assert_eq!(config.clinic_name, "");
    assert_eq!(
        problems,
        ["config.toml:1:15: error: `clinic_name` holds a control character (U+001B); the default is used"]
    );
}

#[test]
fn kiosk_must_be_a_table() {
    let (_, problems) = messages("kiosk = true\n");
    assert_eq!(
        problems,
        [
            "config.toml:1:9: error: `kiosk` must be a table: write `[kiosk]` on a line of its own; the default is used",
            "config.toml:1:1: warning: the `[kiosk]` settings have an error, so the kiosk starts locked; fix the configuration and restart it",
        ]
    );
}

#[test]
fn the_named_file_wins_then_the_users_then_the_systems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let named = dir.path().join("named.toml");
    assert_eq!(find_config_file(Some(&named), None, None), Some(named.clone()));

    let xdg = dir.path().join("xdg");
    std::fs::create_dir_all(xdg.join("patient-kiosk")).expect("mkdir");
    std::fs::write(xdg.join("patient-kiosk/config.toml"), "").expect("write");
    assert_eq!(
        find_config_file(None, Some(xdg.clone().into()), None),
        Some(xdg.join("patient-kiosk/config.toml"))
    );

    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join(".config/patient-kiosk")).expect("mkdir");
    std::fs::write(home.join(".config/patient-kiosk/config.toml"), "").expect("write");
    assert_eq!(
        find_config_file(None, Some("".into()), Some(home.clone().into())),
        Some(home.join(".config/patient-kiosk/config.toml"))
    );
    let nowhere = dir.path().join("nowhere");
    let found = find_config_file(None, Some(nowhere.into()), None);
    let system = Path::new("/etc/patient-kiosk/config.toml");
    assert_eq!(found, system.is_file().then(|| system.to_owned()));
}

#[test]
fn an_unreadable_file_gives_every_default_says_why_and_locks_the_kiosk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("missing.toml");
    let (config, problems) = load_config(&missing);
    assert_eq!(config, locked_defaults());
    assert_eq!(
        problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            format!(
                "{}:1:1: error: cannot read the configuration file: No such file or directory (os error 2); every setting keeps its default",
                missing.display()
            ),
            format!(
                "{}:1:1: warning: the configuration file cannot be read, so the kiosk starts locked; fix the configuration and restart it",
                missing.display()
            )
        ]
    );
    let binary = dir.path().join("binary.toml");
    std::fs::write(&binary, b"clinic_name = \"\xff\"\n").expect("write");
    let (_, problems) = load_config(&binary);
    assert!(problems[0].message.starts_with("the configuration file is not UTF-8 text"));
}

#[test]
fn a_print_command_is_a_list_with_the_program_first() {
    for (text, column) in
        [("command = \"lp -d frontdesk\"", 11), ("command = []", 11), ("command = [\"lp\", 3]", 18)]
    {
        let (config, problems) = messages(&format!("[print]\n{text}\n"));
        assert_eq!(config.print.command, None, "{text}");
        assert_eq!(
            problems,
            [format!(
                "config.toml:2:{column}: error: `print.command` must be a list like [\"lp\", \"-d\", \"frontdesk\"]: the program, then its arguments; the default is used"
            )],
            "{text}"
        );
    }
    let (config, problems) = messages("[print]\npatient_limit = 5\n");
    assert_eq!((config.print.patient_limit, problems), (5, vec![]));
    let (config, problems) = messages("[print]\npatient_limit = 0\n");
    assert_eq!(config.print.patient_limit, 2);
    assert_eq!(
        problems,
        [
            "config.toml:2:17: error: `print.patient_limit` must be a whole number from 1 to 20; the default is used"
        ]
    );
    let (_, problems) = messages("[print]\nallow_patients = 1\ncolour = true\n");
    assert_eq!(
        problems,
        [
            "config.toml:2:18: error: `print.allow_patients` must be true or false; the default is used",
            "config.toml:3:1: error: unknown setting `print.colour`",
        ]
    );
}

#[test]
fn the_content_table_holds_the_folder_and_the_rules() {
    use kiosk_core::config::{ContentConfig, Show};
    let (config, problems) =
        messages("[content]\nfolder = \"/srv/content\"\nshow = \"reviewed\"\nmax_grade = 7.5\n");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.content.as_deref(), Some(std::path::Path::new("/srv/content")));
    assert_eq!(
        config.content_rules,
        ContentConfig { show: Show::Reviewed, max_grade: 7.5, trusted_keys: Vec::new() }
    );
    let (config, problems) = messages("[content]\nshow = \"drafts\"\nmax_grade = 40\n");
    assert_eq!(config.content_rules, ContentConfig::default());
    assert_eq!(
        problems,
        [
            "config.toml:2:8: error: `content.show` must be \"all\" or \"reviewed\"; the default is used",
            "config.toml:3:13: error: `content.max_grade` must be a school grade from 1 to 20, such as 8; the default is used",
        ]
    );
}

#[test]
fn only_a_well_formed_false_or_nothing_unlocks() {
    for (text, locked) in [
        ("[kiosk]\nlocked = false\n", false),
        ("[kiosk]\nidle_seconds = 60\n", false),
        ("", false),
        // A problem outside `[kiosk]` costs only that key.
        ("[print]\nallow_patients = \"yes\"\n[kiosk]\nlocked = false\n", false),
        ("[kiosk]\nlocked = \"true\"\n", true),
        ("[kiosk]\nlocked = \"false\"\n", true),
        ("[kiosk]\nlocked = false\nidle_seconds = -1\n", true),
        ("[kiosk]\nlocked = false\nlocked_out = 1\n", true),
        ("[kiosk]\nlocked = false\n[print\n", true),
        ("kiosk = \"locked\"\n", true),
    ] {
        assert_eq!(messages(text).0.kiosk.locked, locked, "{text:?}");
    }
}

#[test]
fn a_file_anybody_may_write_is_not_trusted_with_the_pin_or_the_lock() {
    use std::os::unix::fs::PermissionsExt as _;
    let hash = kiosk_core::pin::hash_pin("246813").expect("hash");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, format!("[kiosk]\nlocked = false\nexit_pin_hash = \"{hash}\"\n")).expect("write");
    let shown = path.display();
    let lines = |mode: u32| {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).expect("chmod");
        let (config, problems) = load_config(&path);
        (config, problems.iter().map(ToString::to_string).collect::<Vec<_>>())
    };

    let (config, problems) = lines(0o666);
    assert_eq!((config.kiosk.locked, config.kiosk.exit_pin_hash), (true, None));
    assert_eq!(
        problems,
        [
            format!(
                "{shown}:1:1: error: anybody may write to the configuration file, so its PIN hash is ignored: the kiosk can be left only through its service manager; run `chmod 640` on the file"
            ),
            format!(
                "{shown}:1:1: warning: anybody may write to the configuration file, so the kiosk starts locked; fix the configuration and restart it"
            ),
        ]
    );

    let (config, problems) = lines(0o644);
    assert_eq!((config.kiosk.locked, config.kiosk.exit_pin_hash.as_deref()), (false, Some(hash.as_str())));
    assert_eq!(
        problems,
        [format!(
            "{shown}:1:1: warning: anybody may read the configuration file and its PIN hash; run `chmod 640` on the file (owner root, group kiosk)"
        )]
    );

    // The group may write (660): the kiosk's own group, so the kiosk itself could unlock it.
    let (config, problems) = lines(0o660);
    assert_eq!((config.kiosk.locked, config.kiosk.exit_pin_hash), (true, None));
    assert_eq!(
        problems,
        [
            format!(
                "{shown}:1:1: error: the file's group may write to the configuration file, so its PIN hash is ignored: the kiosk can be left only through its service manager; run `chmod 640` on the file"
            ),
            format!(
                "{shown}:1:1: warning: the file's group may write to the configuration file, so the kiosk starts locked; fix the configuration and restart it"
            ),
        ]
    );

    let (config, problems) = lines(0o640);
    assert_eq!((config.kiosk.locked, problems), (false, Vec::<String>::new()));
}

#[test]
fn a_named_pipe_is_refused_without_waiting_and_locks_the_kiosk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("config.toml");
    let name = std::ffi::CString::new(path.to_str().expect("utf-8")).expect("c string");
    // SAFETY: mkfifo reads a NUL-terminated path we own.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let (config, problems) = load_config(&path);
    assert!(config.kiosk.locked);
    assert_eq!(
        problems[0].message,
        "cannot read the configuration file: it is a named pipe, not a regular file; only regular files are read; every setting keeps its default"
    );
}

#[test]
fn trusted_keys_turn_sign_off_on_and_show_only_reviewed_topics_unless_show_says_all() {
    use kiosk_core::config::Show;
    let key = "RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3";
    let (config, problems) = messages(&format!("[content]\ntrusted_keys = [\"{key}\"]\n"));
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.content_rules.show, Show::Reviewed);
    assert!(config.content_rules.keys().in_use());
    let (config, _) = messages(&format!("[content]\nshow = \"all\"\ntrusted_keys = [\"{key}\"]\n"));
    assert_eq!(config.content_rules.show, Show::All);
    // A key mistyped is an error, and trusts nothing: sign-off stays on.
    let (config, problems) = messages("[content]\ntrusted_keys = [\"RWQnope\"]\n");
    assert_eq!(
        problems,
        [
            "config.toml:2:16: error: `RWQnope` is not a minisign public key: copy the second line of the `.pub` \
             file, which starts with RW; no topic signed with it counts as reviewed"
        ]
    );
    assert!(config.content_rules.keys().in_use());
}

#[test]
fn the_take_home_phone_is_read_and_a_bad_one_is_refused() {
    let (config, problems) = messages("[take_home]\nphone = \" (555) 010-0100 \"\n");
    assert_eq!(problems, Vec::<String>::new());
    assert_eq!(config.take_home.phone.as_deref(), Some("(555) 010-0100"));
    let (config, problems) = messages("[take_home]\nphone = \"\"\nfax = 1\n");
    assert_eq!(
        problems,
        [
            "config.toml:2:9: error: `take_home.phone` must be a phone number of 1 to 40 characters; the default is used",
            "config.toml:3:1: error: unknown setting `take_home.fax`",
        ]
    );
    assert_eq!(config.take_home.phone, None);
}

#[test]
fn a_pin_hash_too_costly_to_check_is_refused_and_a_cheap_one_is_warned_of() {
    let hash = |params: &str| {
        format!("$argon2id$v=19${params}$c29tZXNhbHRzb21lc2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
    };
    let (config, problems) =
        messages(&format!("[kiosk]\nlocked = false\nexit_pin_hash = \"{}\"\n", hash("m=2097152,t=4,p=1")));
    assert_eq!(config.kiosk.exit_pin_hash, None);
    assert!(config.kiosk.locked, "an error in [kiosk] starts it locked");
    assert!(problems[0].starts_with("config.toml:3:17: error: `kiosk.exit_pin_hash` is not a PIN hash (m=2097152,t=4,p=1 would take too long to check at the kiosk"), "{problems:?}");
    let (config, problems) = messages(&format!("[kiosk]\nexit_pin_hash = \"{}\"\n", hash("m=8,t=1,p=1")));
    assert!(config.kiosk.exit_pin_hash.is_some());
    assert_eq!(
        problems,
        [
            "config.toml:2:17: warning: `kiosk.exit_pin_hash`: m=8,t=1 is cheaper to guess than OWASP's argon2id guidance (at least m=7168 and m×t=35840, such as m=19456,t=2); make a new one with `patient-kiosk hash-pin`"
        ]
    );
}

#[test]
fn a_key_written_under_the_wrong_table_is_told_where_it_belongs() {
    let (_, problems) =
        messages("[kiosk]\nlocked = true\n[display]\nlanguage = \"en\"\nexit_pin_hash = \"x\"\n");
    assert_eq!(
        problems,
        [
            "config.toml:5:1: error: unknown setting `display.exit_pin_hash`; `exit_pin_hash` belongs under `[kiosk]`: move the line below the `[kiosk]` line (add one if there is none), before the next `[…]`"
        ]
    );
}

/// The schema is the one list of keys: docs/configuration.md has a row for each, and no row
/// for a key the kiosk does not read.
#[test]
fn the_configuration_guide_has_a_row_for_every_key_and_no_other() {
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/configuration.md"))
            .expect("docs/configuration.md");
    let rows: Vec<&str> = guide
        .lines()
        .filter_map(|line| line.strip_prefix("| `")?.split_once("` |").map(|(key, _)| key))
        .filter(|key| *key != "key")
        .collect();
    let mut documented: Vec<String> = rows.iter().map(|row| (*row).to_owned()).collect();
    let mut read: Vec<String> = kiosk_core::config::setting_names().collect();
    documented.sort();
    read.sort();
    assert_eq!(documented, read);
}

/// The settings a configuration gives are its values, each once: a locked kiosk has staff mode
/// off, an unlocked one (a staff terminal) on.
#[test]
fn settings_follow_the_configuration() {
    use kiosk_core::app::{Key, Settings};
    let (config, problems) = read_config(
        "config.toml",
        "clinic_name = \"Riverside\"\n[kiosk]\nlocked = true\nidle_seconds = 30\nstaff_key = \"F9\"\n\
         [print]\npatient_limit = 5\n[display]\nlanguage = \"es\"\n[content]\nshow = \"reviewed\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let settings = Settings::from_config(&config);
    assert!(settings.locked && !settings.staff);
    assert_eq!(settings.idle, Duration::from_secs(30));
    assert_eq!(settings.staff_key, Key::Function(9));
    assert_eq!(settings.patient_print_limit, 5);
    assert_eq!(
        (settings.language.as_str(), settings.languages.clone()),
        ("es", vec![Lang::from("en"), Lang::from("es")])
    );
    assert!(settings.reviewed_only);
    assert_eq!(settings.clinic_name, "Riverside");

    let mut staff_terminal = Settings::from_config(&Config::default());
    assert!(!staff_terminal.locked && staff_terminal.staff);
    staff_terminal.lock();
    assert!(staff_terminal.locked && !staff_terminal.staff);
}

#[test]
fn only_languages_with_a_catalog_are_offered() {
    let mut settings = kiosk_core::app::Settings::from_config(&Config::default());
    settings.language = Lang::from("fr");
    settings.languages = vec![Lang::from("fr"), Lang::from("es"), Lang::from("de")];
    settings.offer_only(|language| ["en", "es"].contains(&language), "en");
    assert_eq!(
        (settings.language.as_str(), settings.languages.clone()),
        ("en", vec![Lang::from("en"), Lang::from("es")])
    );
    settings.offer_only(|_| false, "en");
    assert_eq!(settings.languages, vec!["en".to_owned()]);
}
