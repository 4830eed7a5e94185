//! Reads and validates the bundled content (`content/`, embedded by `kiosk-content`) once, at
//! build time, and writes it in the compact form the kiosk starts from. A bundled file with an
//! error fails the build, with the same `path:line:column` message `validate` prints.

use std::path::PathBuf;
use std::{env, fs};

use kiosk_content::{BUNDLED_FILES, PreparedContent, Severity};

fn main() {
    // kiosk-content is rebuilt whenever a file under content/ changes, and this script with it.
    let (prepared, problems) = PreparedContent::prepare(BUNDLED_FILES);
    for problem in problems.iter().filter(|problem| problem.severity == Severity::Warning) {
        println!("cargo::warning={problem}");
    }
    let Some(prepared) = prepared else {
        eprintln!("The bundled content has errors; `patient-kiosk validate content` shows them too:");
        for problem in problems.iter().filter(|problem| problem.severity == Severity::Error) {
            eprintln!("{problem}");
        }
        std::process::exit(1);
    };
    let out = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let write =
        |name: &str, bytes: Vec<u8>| fs::write(out.join(name), bytes).expect("write the prepared content");
    // The revision and catalogs alone: a kiosk showing a folder's topics decodes only these.
    write("prepared-head.bin", prepared.head().to_bytes());
    // The topics' names: the kiosk's first screen lists them, and decodes the rest after it.
    write("prepared-names.bin", prepared.topics().names().to_bytes());
    write("prepared-topics.bin", prepared.topics().to_bytes());
}
