//! `patient-kiosk review`: a clinician's sign-off bound to the text. `keygen` makes a minisign
//! key pair (the secret key protected by a password), `sign` writes a signature beside each
//! topic file naming the reviewer, the day and the next review, and `status` shows who signed
//! what. The signatures are minisign's own format: `minisign -V` checks them too.

use std::fs;
use std::io::{self, BufRead as _, IsTerminal as _};
use std::path::{Path, PathBuf};

use kiosk_content::{
    ReviewStatus, SignOff, Unsigned, printable, read_regular_file, read_signature, signature_path,
    verify_signature,
};
use minisign::{KeyPair, SecretKeyBox};

use super::cli::Cli;
use super::failure::{CommandResult, ExitCode, Failure};
use super::hash_pin::ask_hidden;
use super::replace_file::{replace_file, write_new};
use super::start_up;

/// The longest a review may last before the next one is due, when the reviewer names none.
const DEFAULT_REVIEW_YEARS: i16 = 1;

/// `review keygen --key FILE`: writes the secret key to FILE (mode 600, never over another
/// file) and the public key beside it as FILE with `.pub`, and prints the configuration line.
pub fn keygen(secret: &Path) -> CommandResult {
    let public = secret.with_extension("pub");
    let password = new_password()?;
    let KeyPair { pk, sk } = match KeyPair::generate_encrypted_keypair(Some(password)) {
        Ok(pair) => pair,
        Err(error) => return Err(Failure::failed(format!("cannot make a key pair: {error}"))),
    };
    let boxes = pk.to_box().and_then(|pk| Ok((pk.to_string(), sk.to_box(None)?.to_string())));
    let Ok((public_text, secret_text)) = boxes else { return Err(Failure::failed("cannot write the keys")) };
    for (path, text, mode) in [(secret, &secret_text, 0o600), (public.as_path(), &public_text, 0o644)] {
        if let Err(error) = write_new(path, text.as_bytes(), mode) {
            return Err(Failure::failed(format!("cannot write {}: {error}", path.display())));
        }
    }
    println!("secret key: {} (keep it; only its password signs)", secret.display());
    println!("public key: {}", public.display());
    println!("In the kiosk's configuration, under [content]:");
    println!("trusted_keys = [\"{}\"]", pk.to_base64());
    Ok(ExitCode::SUCCESS)
}

/// `review sign FILE... --key KEY --reviewer NAME`: one signature beside each topic file.
pub fn sign(
    files: &[PathBuf],
    key: &Path,
    reviewer: &str,
    next_review: Option<jiff::civil::Date>,
) -> CommandResult {
    let reviewer = reviewer.trim();
    if reviewer.is_empty() || reviewer.chars().any(char::is_control) {
        return Err(Failure::failed(
            "--reviewer takes the reviewer's name and credential on one line: \"Dana Lee, MD\"",
        ));
    }
    let today = start_up::today();
    let next_review =
        next_review.unwrap_or_else(|| today.saturating_add(jiff::Span::new().years(DEFAULT_REVIEW_YEARS)));
    if next_review <= today {
        return Err(Failure::failed(format!("--next-review {next_review} is not after today ({today})")));
    }
    let key_text = match read_regular_file(key, kiosk_content::MAX_SIGNATURE_BYTES) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(error) => return Err(Failure::failed(format!("cannot read the key {}: {error}", key.display()))),
    };
    let password = ask_password("Password of the secret key: ")?;
    let secret = SecretKeyBox::from_string(&key_text).and_then(|boxed| boxed.into_secret_key(Some(password)));
    let Ok(secret) = secret else {
        return Err(Failure::failed(format!("{} is not a secret key this password opens", key.display())));
    };
    let sign_off =
        SignOff { reviewer: reviewer.to_owned(), signed_on: today.into(), next_review: next_review.into() };
    for file in files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = match read_regular_file(file, kiosk_content::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(error) => return Err(Failure::failed(format!("cannot read {}: {error}", file.display()))),
        };
        let comment = sign_off.trusted_comment(&name);
        let untrusted = format!("signature from patient-kiosk review sign: {name}");
        let signature =
            match minisign::sign(None, &secret, bytes.as_slice(), Some(&comment), Some(&untrusted)) {
                Ok(signature) => signature,
                Err(error) => {
                    return Err(Failure::failed(format!("cannot sign {}: {error}", file.display())));
                }
            };
        let path = signature_path(file);
        if let Err(error) = replace_file(&path, signature.to_string().as_bytes(), 0o644) {
            return Err(Failure::failed(format!("cannot write {}: {error}", path.display())));
        }
        println!("{}: signed by {reviewer} on {today}; next review by {next_review}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `review status [DIR]`: every topic file, who signed it, when, the next review, and whether
/// it changed since.
pub fn status(cli: &Cli, dir: Option<&Path>) -> CommandResult {
    let (config, _) = start_up::configuration(cli);
    let Some(dir) = dir.or_else(|| start_up::content_folder(cli, &config)) else {
        return Err(Failure::failed("name the content folder: the bundled topics are never signed"));
    };
    let keys = config.content_rules.keys();
    if !keys.in_use() {
        say!("patient-kiosk review: no `[content] trusted_keys` configured: no signature is trusted");
    }
    let mut paths: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "toml") && path.is_file())
            .collect(),
        Err(error) => return Err(Failure::failed(format!("cannot read {}: {error}", dir.display()))),
    };
    paths.sort();
    let today = start_up::today();
    let width = paths.iter().filter_map(|path| path.file_name()).map(std::ffi::OsStr::len).max().unwrap_or(4);
    println!(
        "{:<width$} {:<8} {:<24} {:<10} {:<11} STATE",
        "FILE", "STATUS", "SIGNED BY", "SIGNED", "NEXT REVIEW"
    );
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = read_regular_file(&path, kiosk_content::MAX_FILE_BYTES).unwrap_or_default();
        let checked = read_signature(&signature_path(&path))
            .and_then(|signature| verify_signature(&keys, &name, &bytes, &signature));
        let (status, who, state) = match checked {
            Ok(sign_off) if sign_off.next_review.date() < today => {
                (ReviewStatus::Draft, Some(sign_off), "review overdue".to_owned())
            }
            Ok(sign_off) => (ReviewStatus::Reviewed, Some(sign_off), "signed".to_owned()),
            Err(Unsigned::Changed(sign_off)) => {
                (ReviewStatus::Draft, Some(sign_off), "changed since signed".to_owned())
            }
            Err(why) => (ReviewStatus::Draft, None, why.to_string()),
        };
        let (by, on, next) = who.map_or_else(
            || ("-".to_owned(), "-".to_owned(), "-".to_owned()),
            |s| (printable(&s.reviewer).into_owned(), s.signed_on.to_string(), s.next_review.to_string()),
        );
        let status = if status == ReviewStatus::Reviewed { "reviewed" } else { "draft" };
        println!("{:<width$} {status:<8} {by:<24} {on:<10} {next:<11} {state}", printable(&name));
    }
    Ok(ExitCode::SUCCESS)
}

/// A new password, asked twice on a terminal, read as one line from a pipe.
fn new_password() -> Result<String, Failure> {
    let password = ask_password("Password for the new secret key: ")?;
    if io::stdin().is_terminal() && ask_password("The same password again: ")? != password {
        return Err(Failure::failed("the two passwords differ"));
    }
    if password.chars().count() < 8 {
        return Err(Failure::failed("the password must be at least 8 characters"));
    }
    Ok(password)
}

/// A password: hidden on a terminal, one line from a pipe.
fn ask_password(question: &str) -> Result<String, Failure> {
    let read = if io::stdin().is_terminal() {
        ask_hidden(question)
    } else {
        let mut line = String::new();
        io::stdin().lock().read_line(&mut line).map(|_| line.trim_end_matches(['\n', '\r']).to_owned())
    };
    read.map_err(|error| Failure::failed(format!("cannot read the password: {error}")))
}
