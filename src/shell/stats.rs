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
    /// The state directory the database is in.
    directory: PathBuf,
    /// The database, once opened (on a thread: a database another program holds locked must
    /// not hold up the first frame).
    connection: Option<Connection>,
    waiting: BTreeMap<(String, String), u64>,
    every: Duration,
    last_written: Instant,
}

/// How long a write waits for a lock another program holds before it gives up.
const BUSY_TIMEOUT: Duration = Duration::from_millis(250);

/// What this kiosk makes in the database, and all it may hold: a planted trigger or table is
/// code someone else wrote, run on every write.
const OWN_OBJECTS: &[(&str, &str)] = &[("index", "sqlite_autoindex_counts_1"), ("table", "counts")];

impl Stats {
    /// Counts to be kept in `directory`, written at most every `every`; the database is opened
    /// with [`Stats::open_in_background`].
    pub fn new(directory: PathBuf, every: Duration) -> Stats {
        Stats { directory, connection: None, waiting: BTreeMap::new(), every, last_written: Instant::now() }
    }

    /// Opens (or makes) the database on a thread; `done` gets it, or why it cannot be used.
    pub fn open_in_background(&self, done: impl FnOnce(Result<Connection, String>) + Send + 'static) {
        let directory = self.directory.clone();
        let started =
            std::thread::Builder::new().name("usage-counts".into()).spawn(move || done(open(&directory)));
        if let Err(error) = started {
            say!("patient-kiosk: usage counts are off: {error}");
        }
    }

    /// The database, opened.
    pub fn opened(&mut self, connection: Connection) {
        self.connection = Some(connection);
    }

    /// Counts one `name` today.
    pub fn count(&mut self, name: String) {
        let today = jiff::ZonedDateTime::now().date().to_string();
        *self.waiting.entry((today, name)).or_default() += 1;
    }

    /// When the counts waiting must be written, if any wait and the database is open.
    pub fn due(&self) -> Option<Instant> {
        (self.connection.is_some() && !self.waiting.is_empty()).then(|| self.last_written + self.every)
    }

    /// Writes the counts waiting, in one transaction; why not, if it failed (they are then
    /// dropped: counting must never grow without bound or hold up the kiosk).
    pub fn write(&mut self) -> Result<(), String> {
        self.last_written = Instant::now();
        let Some(connection) = &mut self.connection else { return Ok(()) };
        if self.waiting.is_empty() {
            return Ok(());
        }
        let waiting = std::mem::take(&mut self.waiting);
        let written = (|| -> rusqlite::Result<()> {
            let transaction = connection.transaction()?;
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

/// Opens (or makes) the database in `directory`, refusing one that holds anything this kiosk
/// did not make, and never waiting long on another program's lock.
fn open(directory: &Path) -> Result<Connection, String> {
    let path = directory.join(FILE_NAME);
    let failed = |error: rusqlite::Error| format!("usage counts are off: {}: {error}", path.display());
    std::fs::create_dir_all(directory)
        .map_err(|error| format!("usage counts are off: {}: {error}", directory.display()))?;
    let connection = Connection::open(&path).map_err(failed)?;
    connection.busy_timeout(BUSY_TIMEOUT).map_err(failed)?;
    connection.execute_batch("PRAGMA trusted_schema = OFF;").map_err(failed)?;
    let mut objects: Vec<(String, String)> = {
        let mut query = connection.prepare("SELECT type, name FROM sqlite_master").map_err(failed)?;
        let rows = query.query_map([], |row| Ok((row.get(0)?, row.get(1)?))).map_err(failed)?;
        rows.collect::<rusqlite::Result<_>>().map_err(failed)?
    };
    objects.sort();
    if let Some((kind, name)) =
        objects.iter().find(|(kind, name)| !OWN_OBJECTS.contains(&(kind.as_str(), name.as_str())))
    {
        return Err(format!(
            "usage counts are off: {} holds a {kind} `{name}` this kiosk did not make; move the file away",
            path.display()
        ));
    }
    connection
        .execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA synchronous = FULL;
             CREATE TABLE IF NOT EXISTS counts (
                 day TEXT NOT NULL, name TEXT NOT NULL, count INTEGER NOT NULL,
                 PRIMARY KEY (day, name));",
        )
        .map_err(failed)?;
    Ok(connection)
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
            let width = rows.iter().map(|(_, name, _)| name.len()).max().unwrap_or(0).max("name".len());
            println!("{:10}  {:width$}  {:>7}", "day", "name", "count");
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
