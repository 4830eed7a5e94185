//! The files in deploy/ are checked by the tools that will read them: systemd and OpenSSH
//! (the touchscreen session itself runs in tests/binary/touch_session.rs).
//! On a machine without those tools the checks are skipped and say so (and fail on CI, where
//! `.ci/run` installs them).

use std::path::{Path, PathBuf};
use std::process::Command;

fn deploy(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy").join(file)
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        let kind = entry.file_type().expect("file type");
        if kind.is_dir() {
            copy_tree(&entry.path(), &target);
        } else if kind.is_symlink() {
            let link = std::fs::read_link(entry.path()).expect("read link");
            std::os::unix::fs::symlink(link, target).expect("symlink");
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// `systemd-analyze verify` on the unit `file` of deploy/, in a root of its own holding the
/// unit, systemd's units, the manual page its `Documentation=` names, and the programs its
/// `ExecStart=` runs (`programs`, copied from this machine; the kiosk from this build). Any
/// output fails: systemd-analyze reports a misspelt or bad directive but still exits 0.
fn verify_unit(test: &str, file: &str, programs: &[&str]) {
    if !crate::common::tool_for(test, "systemd-analyze") {
        return;
    }
    let root = tempfile::tempdir().expect("temp dir");
    let bin = root.path().join("usr/bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    std::fs::copy(env!("CARGO_BIN_EXE_patient-kiosk"), bin.join("patient-kiosk")).expect("copy binary");
    for program in programs {
        if !crate::common::tool_for(test, program) {
            return;
        }
        std::fs::copy(Path::new("/usr/bin").join(program), bin.join(program)).expect("copy program");
    }
    copy_tree(Path::new("/usr/lib/systemd/system"), &root.path().join("usr/lib/systemd/system"));
    let units = root.path().join("etc/systemd/system");
    std::fs::create_dir_all(&units).expect("mkdir");
    let unit = units.join(Path::new(file).file_name().expect("a file name"));
    std::fs::copy(deploy(file), &unit).expect("copy unit");

    // The unit's `Documentation=man:patient-kiosk(1)` is checked by running man: the page the
    // binary makes, where man finds it.
    let man1 = root.path().join("man/man1");
    std::fs::create_dir_all(&man1).expect("mkdir");
    let page =
        Command::new(env!("CARGO_BIN_EXE_patient-kiosk")).arg("man").output().expect("patient-kiosk man");
    std::fs::write(man1.join("patient-kiosk.1"), page.stdout).expect("write the manual page");
    let output = Command::new("systemd-analyze")
        .env("MANPATH", root.path().join("man"))
        .arg("verify")
        .arg(format!("--root={}", root.path().display()))
        .arg(&unit)
        .output()
        .expect("run systemd-analyze");
    let said = String::from_utf8_lossy(&output.stderr).to_string() + &String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && said.trim().is_empty(), "systemd-analyze verify {file}:\n{said}");
}

#[test]
fn the_systemd_unit_passes_systemd_analyze_verify() {
    verify_unit("deploy::the_systemd_unit_passes_systemd_analyze_verify", "patient-kiosk.service", &[]);
}

#[test]
fn the_touchscreen_session_unit_passes_systemd_analyze_verify() {
    verify_unit(
        "deploy::the_touchscreen_session_unit_passes_systemd_analyze_verify",
        "touch/patient-kiosk-touch.service",
        &["xinit"],
    );
}

#[test]
fn the_unit_lets_the_kiosk_read_aloud_through_the_sound_card_and_nothing_else_new() {
    let unit = std::fs::read_to_string(deploy("patient-kiosk.service")).expect("the unit");
    let lines: Vec<&str> = unit.lines().map(str::trim).collect();
    for wanted in [
        "DevicePolicy=closed",
        "DeviceAllow=/dev/tty1 rw",
        "DeviceAllow=char-alsa rw",
        "SupplementaryGroups=audio",
    ] {
        assert!(lines.contains(&wanted), "the unit lacks {wanted:?}");
    }
    let allowed: Vec<&&str> = lines.iter().filter(|line| line.starts_with("DeviceAllow=")).collect();
    assert_eq!(allowed.len(), 2, "only the console and the sound devices: {allowed:?}");
}

#[test]
fn the_ssh_snippet_passes_sshd_t() {
    let test = "deploy::the_ssh_snippet_passes_sshd_t";
    if !crate::common::tool_for(test, "sshd") || !crate::common::tool_for(test, "ssh-keygen") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let key = dir.path().join("host_key");
    let made = Command::new("ssh-keygen").args(["-q", "-t", "ed25519", "-N", "", "-f"]).arg(&key).status();
    assert!(made.expect("run ssh-keygen").success());
    let config = dir.path().join("sshd_config");
    let snippet = deploy("sshd_config.d/patient-kiosk.conf");
    std::fs::write(&config, format!("HostKey {}\nInclude {}\n", key.display(), snippet.display()))
        .expect("write");
    std::fs::create_dir_all("/run/sshd").ok();
    let output = Command::new("sshd").arg("-t").arg("-f").arg(&config).output().expect("run sshd -t");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success() && said.trim().is_empty(), "sshd -t:\n{said}");
}

#[test]
fn the_sample_configuration_has_no_problems() {
    let (config, problems) = kiosk_core::config::load_config(&deploy("config.toml"));
    assert_eq!(problems, vec![]);
    assert!(config.kiosk.locked);
    assert_eq!(config.content.as_deref(), Some(Path::new("/srv/patient-kiosk/content")));
}
