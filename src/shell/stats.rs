//! Usage counts per day, opt-in (`[stats] enabled = true`): kept in SQLite in the state
//! directory, written in one transaction at most every `flush_seconds` (WAL, synchronous), so a
//! power cut loses at most that long of counts and never leaves a broken file. Counts only: no
//! topic, no words, nothing about a person. A locked or broken database is reported and the
//! kiosk goes on without counting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, params};

/// The database's name in the state directory.
pub const FILE_NAME: &str = "usage.sqlite";

/// Counts waiting to be written, and where they go.
pub struct Stats {
    connection: Connection,
    waiting: BTreeMap<(String, String), u64>,
    every: Duration,
    last_written: Instant,
}

impl Stats {
    /// Opens (or makes) the database in `directory`; why not, if it cannot be used.
    pub fn open(directory: &Path, every: Duration) -> Result<Stats, String> {
        let path = directory.join(FILE_NAME);
        let failed = |error: rusqlite::Error| format!("usage counts are off: {}: {error}", path.display());
        std::fs::create_dir_all(directory)
            .map_err(|error| format!("usage counts are off: {}: {error}", directory.display()))?;
        let connection = Connection::open(&path).map_err(failed)?;
        connection
            .execute_batch(
                "PRAGMA journal_mode = WAL;
                 PRAGMA synchronous = FULL;
                 PRAGMA busy_timeout = 1000;
                 CREATE TABLE IF NOT EXISTS counts (
                     day TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL,
                     PRIMARY KEY (day, name));",
            )
            .map_err(failed)?;
        Ok(Stats { connection, waiting: BTreeMap::new(), every, last_written: Instant::now() })
    }

    /// Counts one `name` today.
    pub fn count(&mut self, name: String) {
        let today = jiff::ZonedDateTime::now().date().to_string();
        *self.waiting.entry((today, name)).or_default() += 1;
    }

    /// When the counts waiting must be written, if any wait.
    pub fn due(&self) -> Option<Instant> {
        (!self.waiting.is_empty()).then(|| self.last_written + self.every)
    }

    /// Writes the counts waiting, in one transaction; why not, if it failed (they are then
    /// dropped: counting must never grow without bound or hold up the kiosk).
    pub fn write(&mut self) -> Result<(), String> {
        self.last_written = Instant::now();
        if self.waiting.is_empty() {
            return Ok(());
        }
        let waiting = std::mem::take(&mut self.waiting);
        let written = (|| -> rusqlite::Result<()> {
            let transaction = self.connection.transaction()?;
            {
                let mut add = transaction.prepare(
                    "INSERT INTO counts (day, name, count) VALUES (?1, ?2, ?3)
                     ON CONFLICT (day, name) DO UPDATE SET count = count + excluded.count",
                )?;
                for ((day, name), count) in &waiting {
                    add.execute(params![day, name, *count as i64])?;
                }
            }
            transaction.commit()
        })();
        written.map_err(|error| format!("usage counts not written: {error}"))
    }
}

impl Drop for Stats {
    fn drop(&mut self) {
        let _ = self.write();
    }
}

/// The counts kept in `directory` since `since` (a day, `YYYY-MM-DD`), oldest first: day, name,
/// count.
pub fn read(
    directory: &Path,
    since: Option<jiff::civil::Date>,
) -> Result<Vec<(String, String, i64)>, String> {
    let path: PathBuf = directory.join(FILE_NAME);
    let failed = |error: rusqlite::Error| format!("{}: {error}", path.display());
    if !path.is_file() {
        return Err(format!(
            "{}: no usage counts here; `[stats] enabled = true` turns them on",
            path.display()
        ));
    }
    let connection = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(failed)?;
    let since = since.map_or_else(String::new, |day| day.to_string());
    let mut query = connection
        .prepare("SELECT day, name, count FROM counts WHERE day >= ?1 ORDER BY day, name")
        .map_err(failed)?;
    let rows =
        query.query_map(params![since], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).map_err(failed)?;
    rows.collect::<rusqlite::Result<Vec<_>>>().map_err(failed)
}

/// `patient-kiosk stats`: the counts kept in the state directory, in `format`.
pub fn print(since: Option<jiff::civil::Date>, format: super::cli::StatsFormat) -> std::process::ExitCode {
    use super::cli::StatsFormat;
    let rows = match read(&super::pin_file::state_directory(), since) {
        Ok(rows) => rows,
        Err(problem) => {
            say!("patient-kiosk: {problem}");
            return std::process::ExitCode::from(super::cli::EXIT_UNREADABLE);
        }
    };
    match format {
        StatsFormat::Table => {
            let width = rows.iter().map(|(_, name, _)| name.len()).max().unwrap_or(0).max("what".len());
            println!("{:10}  {:width$}  {:>7}", "day", "what", "count");
            for (day, name, count) in &rows {
                println!("{day:10}  {name:width$}  {count:>7}");
            }
        }
        StatsFormat::Csv => {
            println!("day,name,count");
            for (day, name, count) in &rows {
                println!("{day},{name},{count}");
            }
        }
        StatsFormat::Json => {
            for (day, name, count) in &rows {
                println!("{}", serde_json::json!({ "day": day, "name": name, "count": count }));
            }
        }
    }
    std::process::ExitCode::SUCCESS
}
