//! A clinician's sign-off through the real binary: a key made, topics signed, checked with the
//! standard `minisign` tool too; an edit, another key, an overdue review and signature files
//! that are garbage, huge, a pipe or a link all leave the topic a draft, never a hang.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::common::{make_fifo, tool_for};

const PASSWORD: &str = "correct horse battery";

/// Runs the binary in `dir` with `input` on standard input, failing if it runs past a minute.
fn kiosk(dir: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_patient-kiosk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run patient-kiosk");
    let written = child.stdin.take().expect("stdin").write_all(input.as_bytes());
    // A command that reads no input may have ended before it was written.
    if let Err(error) = written {
        assert_eq!(error.kind(), std::io::ErrorKind::BrokenPipe, "write the input: {error}");
    }
    let deadline = std::time::Instant::now() + Duration::from_mins(1);
    while child.try_wait().expect("wait").is_none() {
        assert!(std::time::Instant::now() < deadline, "`patient-kiosk {}` did not end", args.join(" "));
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr)
}

/// A content folder holding the bundled vertebroplasty topic in English, a key pair made by
/// `review keygen`, and a configuration trusting it.
struct Clinic {
    dir: tempfile::TempDir,
    public_key: String,
}

impl Clinic {
    fn new() -> Clinic {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("content");
        std::fs::create_dir(&content).expect("content folder");
        let topic = Path::new(env!("CARGO_MANIFEST_DIR")).join("content/vertebroplasty.en.toml");
        std::fs::copy(topic, content.join("vertebroplasty.en.toml")).expect("copy the topic");
        let made = kiosk(dir.path(), &["review", "keygen", "--key", "dana.key"], &format!("{PASSWORD}\n"));
        assert!(made.status.success(), "{}", text(&made));
        let public = std::fs::read_to_string(dir.path().join("dana.pub")).expect("public key");
        let public_key = public.lines().nth(1).expect("the key line").to_owned();
        assert!(text(&made).contains(&format!("trusted_keys = [\"{public_key}\"]")), "{}", text(&made));
        let clinic = Clinic { dir, public_key };
        clinic.trust(std::slice::from_ref(&clinic.public_key));
        clinic
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn trust(&self, keys: &[String]) {
        let keys: Vec<String> = keys.iter().map(|key| format!("\"{key}\"")).collect();
        let config = format!("[content]\nfolder = \"content\"\ntrusted_keys = [{}]\n", keys.join(", "));
        std::fs::write(self.path("kiosk.toml"), config).expect("write the configuration");
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = vec!["--config", "kiosk.toml"];
        all.extend_from_slice(args);
        kiosk(self.dir.path(), &all, "")
    }

    fn sign(&self, key: &str, extra: &[&str]) -> Output {
        let mut args = vec![
            "review",
            "sign",
            "content/vertebroplasty.en.toml",
            "--key",
            key,
            "--reviewer",
            "Dana Lee, MD",
        ];
        args.extend_from_slice(extra);
        kiosk(self.dir.path(), &args, &format!("{PASSWORD}\n"))
    }

    /// The review status `list` gives the topic.
    fn listed_status(&self) -> String {
        let listed = text(&self.run(&["list"]));
        let line = listed.lines().find(|line| line.starts_with("vertebroplasty")).expect("listed");
        line.split_whitespace().last().expect("a status").to_owned()
    }

    fn signature(&self) -> PathBuf {
        self.path("content/vertebroplasty.en.toml.minisig")
    }
}

#[test]
fn a_signed_topic_is_reviewed_and_the_standard_tool_verifies_it() {
    let clinic = Clinic::new();
    assert_eq!(clinic.listed_status(), "draft", "before signing");
    let signed = clinic.sign("dana.key", &["--next-review", "2099-01-31"]);
    assert!(signed.status.success(), "{}", text(&signed));
    assert_eq!(clinic.listed_status(), "reviewed");
    let status = text(&clinic.run(&["review", "status"]));
    let line = status.lines().find(|line| line.starts_with("vertebroplasty.en.toml")).expect("a row");
    for part in ["reviewed", "Dana Lee, MD", "2099-01-31", "signed"] {
        assert!(line.contains(part), "{part} in {line}");
    }
    if tool_for("a_signed_topic_is_reviewed_and_the_standard_tool_verifies_it", "minisign") {
        let checked = Command::new("minisign")
            .args(["-V", "-p", "dana.pub", "-m", "content/vertebroplasty.en.toml"])
            .current_dir(clinic.dir.path())
            .output()
            .expect("run minisign");
        let said = text(&checked);
        assert!(checked.status.success(), "{said}");
        assert!(said.contains("reviewer:Dana Lee, MD") && said.contains("next_review:2099-01-31"), "{said}");
    }
}

#[test]
fn one_byte_changed_after_signing_makes_the_topic_a_draft_everywhere() {
    let clinic = Clinic::new();
    assert!(clinic.sign("dana.key", &[]).status.success());
    let topic = clinic.path("content/vertebroplasty.en.toml");
    let edited = std::fs::read_to_string(&topic).expect("topic").replacen(
        "a special bone cement",
        "a special bone cemant",
        1,
    );
    std::fs::write(&topic, edited).expect("edit one byte");
    assert_eq!(clinic.listed_status(), "draft");
    let validated = text(&clinic.run(&["validate", "--format", "short"]));
    assert!(
        validated.contains(
            "content/vertebroplasty.en.toml.minisig:1:1: warning: vertebroplasty.en.toml counts as a draft: the file \
             changed after Dana Lee, MD signed it on"
        ),
        "{validated}"
    );
    let status = text(&clinic.run(&["review", "status"]));
    assert!(status.contains("changed since signed"), "{status}");
}

#[test]
fn a_key_nobody_trusts_signs_nothing() {
    let clinic = Clinic::new();
    let made =
        kiosk(clinic.dir.path(), &["review", "keygen", "--key", "other.key"], &format!("{PASSWORD}\n"));
    assert!(made.status.success(), "{}", text(&made));
    assert!(clinic.sign("other.key", &[]).status.success());
    assert_eq!(clinic.listed_status(), "draft");
    let validated = text(&clinic.run(&["validate", "--format", "short"]));
    assert!(
        validated.contains("counts as a draft: the signature was not made with a trusted key"),
        "{validated}"
    );
    // A mistyped trusted key trusts nothing: sign-off stays on, and says so.
    clinic.trust(&["RWQnot-a-key".to_owned()]);
    assert_eq!(clinic.listed_status(), "draft");
    let checked = text(&clinic.run(&["config", "check", "kiosk.toml", "--format", "short"]));
    assert!(checked.contains("`RWQnot-a-key` is not a minisign public key"), "{checked}");
}

#[test]
fn an_overdue_review_is_hidden_from_patients_and_said_by_status() {
    let clinic = Clinic::new();
    assert!(clinic.sign("dana.key", &["--next-review", "2027-01-01"]).status.success());
    let later = text(&clinic.run(&["validate", "--format", "short", "--today", "2027-06-01"]));
    assert!(later.contains("warning"), "an overdue review is reported: {later}");
    assert!(later.contains("patients will not see this topic"), "{later}");
    // A next review that is not after today is refused at signing.
    let refused = clinic.sign("dana.key", &["--next-review", "2020-01-01"]);
    assert!(!refused.status.success());
    assert!(text(&refused).contains("is not after today"), "{}", text(&refused));
}

#[test]
fn a_signature_file_that_is_garbage_huge_a_pipe_or_a_link_is_never_signed_and_never_waited_on() {
    type MakeSignature<'a> = Box<dyn Fn(&Path) + 'a>;
    let clinic = Clinic::new();
    assert!(clinic.sign("dana.key", &[]).status.success());
    let good = std::fs::read(clinic.signature()).expect("signature");
    let cases: Vec<(&str, MakeSignature<'_>, &str)> = vec![
        (
            "garbage",
            Box::new(|path| std::fs::write(path, b"\x00\xffnot a signature").expect("write")),
            "is not a minisign signature",
        ),
        (
            "huge",
            Box::new(|path| std::fs::write(path, vec![b'A'; 10 << 20]).expect("write")),
            "at most 4096 bytes are read",
        ),
        ("a pipe", Box::new(make_fifo), "it is a named pipe"),
        (
            "a link",
            Box::new(|path: &Path| {
                let elsewhere = path.with_file_name("elsewhere.minisig");
                std::fs::write(&elsewhere, &good).expect("write");
                std::os::unix::fs::symlink(elsewhere, path).expect("symlink");
            }),
            "it is a symbolic link",
        ),
    ];
    for (what, make, message) in cases {
        let _ = std::fs::remove_file(clinic.signature());
        make(&clinic.signature());
        assert_eq!(clinic.listed_status(), "draft", "{what}");
        let validated = text(&clinic.run(&["validate", "--format", "short"]));
        assert!(validated.contains(message), "{what}: {validated}");
    }
}
