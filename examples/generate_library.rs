//! Writes a library of synthetic topics, about 6 KB each, to measure the kiosk at scale:
//!
//! ```text
//! cargo run --release --example generate_library -- /tmp/library 10000 en,es
//! cargo run --release -- --content /tmp/library
//! ```
//!
//! Every topic is written in the first language; every third one also in each other language,
//! as a clinic's translations trail its English pages.

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)] // It also builds libraries in memory, for the benches.
mod support;

use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(folder), Some(count)) = (args.next(), args.next()) else {
        bail!("usage: generate_library FOLDER COUNT [LANGUAGES, e.g. en,es]");
    };
    let folder = PathBuf::from(folder);
    let count: usize = count.parse().context("COUNT must be a whole number")?;
    let languages = args.next().unwrap_or_else(|| "en".to_owned());
    let languages: Vec<&str> = languages.split(',').collect();

    std::fs::create_dir_all(&folder).with_context(|| format!("creating {}", folder.display()))?;
    let mut files = 0;
    let mut bytes = 0;
    for n in 0..count {
        for (position, language) in languages.iter().enumerate() {
            if position > 0 && n % 3 != 0 {
                continue;
            }
            let text = support::synthetic_topic_toml(n, language);
            let path = folder.join(format!("procedure-{n:05}.{language}.toml"));
            std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
            files += 1;
            bytes += text.len();
        }
    }
    println!("wrote {files} topic files, {bytes} bytes, to {}", folder.display());
    Ok(())
}
