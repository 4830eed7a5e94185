//! Usage counts per day, opt-in (`[stats] enabled = true`): kept in SQLite in the state
//! directory, written in one transaction at most every `flush_seconds` (WAL, synchronous), so a
//! power cut loses at most that long of counts and never leaves a broken file. Counts only: no
//! words, nothing about a person, and a topic's name only under the privacy floor of
//! [`super::topic_reads`]. A locked or broken database is reported and the kiosk goes on without
//! counting.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context as _, anyhow, bail};
use kiosk_core::app::Counted;
use rusqlite::{Connection, OpenFlags, params};

use super::cli::{StatsFormat, StatsGrouping};
use super::failure::{CommandResult, Failure};
use super::topic_reads::{self, TopicReads};

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
    /// Topics opened, held back until a day's count passes the privacy floor.
    topics: TopicReads,
    every: Duration,
    last_written: Instant,
}

/// Where a topic's id starts in its count's name (SQLite counts from 1).
const ID_STARTS_AT: i64 = topic_reads::PREFIX.len() as i64 + 1;

/// How long a write waits for a lock another program holds before it gives up.
const BUSY_TIMEOUT: Duration = Duration::from_millis(250);

/// What this kiosk makes in the database, and all it may hold: a planted trigger or table is
/// code someone else wrote, run on every write.
const OWN_OBJECTS: &[(&str, &str)] = &[("index", "sqlite_autoindex_counts_1"), ("table", "counts")];

impl Stats {
    /// Counts to be kept in `directory`, written at most every `every`; the database is opened
    /// with [`Stats::open_in_background`].
    pub fn new(directory: PathBuf, every: Duration) -> Stats {
        Stats {
            directory,
            connection: None,
            waiting: BTreeMap::new(),
            topics: TopicReads::default(),
            every,
            last_written: Instant::now(),
        }
    }

    /// Opens (or makes) the database on a thread; `done` gets it, or why it cannot be used. A
    /// thread that cannot be started is the error, and `done` is never called.
    pub fn open_in_background(
        &self,
        done: impl FnOnce(anyhow::Result<Connection>) + Send + 'static,
    ) -> anyhow::Result<()> {
        let directory = self.directory.clone();
        std::thread::Builder::new()
            .name("usage-counts".into())
            .spawn(move || done(open(&directory)))
            .context("usage counts are off: cannot start their thread")?;
        Ok(())
    }

    /// The database, opened: the topics an earlier run today already named are named from now.
    pub fn opened(&mut self, connection: Connection) {
        let today = today();
        let named = connection
            .prepare(
                "SELECT substr(name, ?2) FROM counts WHERE day = ?1 AND name LIKE 'topic:%' AND name != ?3",
            )
            .and_then(|mut query| {
                let rows = query.query_map(params![today, ID_STARTS_AT, topic_reads::OTHER], |row| {
                    row.get::<_, String>(0)
                })?;
                rows.collect::<rusqlite::Result<Vec<_>>>()
            })
            .unwrap_or_default();
        for topic in named {
            if let Some((name, count)) = self.topics.already_named(&today, &topic) {
                self.add(today.clone(), name, count);
            }
        }
        self.connection = Some(connection);
    }

    /// Counts `counted` today: its name, and its topic under the privacy floor.
    pub fn count(&mut self, counted: &Counted) {
        let today = today();
        if let Some((name, count)) = counted.topic().and_then(|topic| self.topics.opened(&today, topic)) {
            self.add(today.clone(), name, count);
        }
        self.add(today, counted.name(), 1);
    }

    /// A day ended: its topics still below the floor go into the day's `topic:(other)`.
    pub fn day_ended(&mut self) {
        for (day, count) in self.topics.end_days_before(Some(&today())) {
            self.add(day, topic_reads::OTHER.to_owned(), count);
        }
    }

    fn add(&mut self, day: String, name: String, count: u64) {
        *self.waiting.entry((day, name)).or_default() += count;
    }

    /// When the counts waiting must be written, if any wait and the database is open.
    pub fn due(&self) -> Option<Instant> {
        (self.connection.is_some() && !self.waiting.is_empty()).then(|| self.last_written + self.every)
    }

    /// Writes the counts waiting, in one transaction; why not, if it failed (they are then
    /// dropped: counting must never grow without bound or hold up the kiosk).
    pub fn write(&mut self) -> anyhow::Result<()> {
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
        written.context("usage counts not written")
    }
}

/// Opens (or makes) the database in `directory`, refusing one that holds anything this kiosk
/// did not make, and never waiting long on another program's lock.
fn open(directory: &Path) -> anyhow::Result<Connection> {
    let path = directory.join(FILE_NAME);
    let failed = |error: rusqlite::Error| anyhow!("usage counts are off: {}: {error}", path.display());
    std::fs::create_dir_all(directory)
        .with_context(|| format!("usage counts are off: {}", directory.display()))?;
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
        bail!(
            "usage counts are off: {} holds a {kind} `{name}` this kiosk did not make; move the file away",
            path.display()
        );
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
    /// The last counts, with every topic still below the floor as `topic:(other)`.
    fn drop(&mut self) {
        for (day, count) in self.topics.end_days_before(None) {
            self.add(day, topic_reads::OTHER.to_owned(), count);
        }
        let _ = self.write();
    }
}

/// Today in the kiosk's time zone, `YYYY-MM-DD`: the day counts are kept under.
fn today() -> String {
    jiff::ZonedDateTime::now().date().to_string()
}

/// Counts read back, as columns: the first a word, the others numbers.
pub struct Table {
    pub header: [&'static str; 3],
    /// Whether each column is a number.
    pub numbers: [bool; 3],
    pub rows: Vec<[String; 3]>,
}

/// The counts kept in `directory` since `since` (a day), grouped `by`: each day's counts by
/// name, oldest first; or each topic's openings over those days, most first, with the number of
/// days it passed the privacy floor.
pub fn read(directory: &Path, since: Option<jiff::civil::Date>, by: StatsGrouping) -> Result<Table, Failure> {
    let path: PathBuf = directory.join(FILE_NAME);
    let failed = |error: rusqlite::Error| Failure::unreadable(format!("{}: {error}", path.display()));
    if !path.is_file() {
        return Err(Failure::unreadable(format!(
            "{}: no usage counts here; `[stats] enabled = true` turns them on",
            path.display()
        )));
    }
    let connection = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(failed)?;
    let since = since.map_or_else(String::new, |day| day.to_string());
    let (header, numbers, sql) = match by {
        StatsGrouping::Day => (
            ["day", "name", "count"],
            [false, false, true],
            "SELECT day, name, count FROM counts WHERE day >= ?1 ORDER BY day, name",
        ),
        // The topic's days count only days it passed the floor: `topic:(other)` is its own row.
        StatsGrouping::Topic => (
            ["topic", "days", "count"],
            [false, true, true],
            "SELECT substr(name, ?2), COUNT(DISTINCT day), SUM(count) FROM counts
             WHERE day >= ?1 AND name LIKE 'topic:%' GROUP BY name ORDER BY SUM(count) DESC, name",
        ),
    };
    let mut query = connection.prepare(sql).map_err(failed)?;
    let text = |row: &rusqlite::Row<'_>, at: usize| -> rusqlite::Result<String> {
        Ok(match row.get_ref(at)? {
            rusqlite::types::ValueRef::Integer(number) => number.to_string(),
            other => other.as_str().map_err(rusqlite::Error::from)?.to_owned(),
        })
    };
    let read_row = |row: &rusqlite::Row<'_>| Ok([text(row, 0)?, text(row, 1)?, text(row, 2)?]);
    let rows = match by {
        StatsGrouping::Day => query.query_map(params![since], read_row),
        StatsGrouping::Topic => query.query_map(params![since, ID_STARTS_AT], read_row),
    }
    .map_err(failed)?;
    let rows = rows.collect::<rusqlite::Result<Vec<_>>>().map_err(failed)?;
    Ok(Table { header, numbers, rows })
}

/// `patient-kiosk stats`: the counts kept in the state directory, grouped `by`, in `format`.
pub fn print(since: Option<jiff::civil::Date>, by: StatsGrouping, format: StatsFormat) -> CommandResult {
    let table = read(&super::pin_file::state_directory(), since, by)?;
    let Table { header, numbers, rows } = &table;
    match format {
        StatsFormat::Table => {
            let widths: Vec<usize> = (0..3)
                .map(|at| {
                    rows.iter()
                        .map(|row| row[at].chars().count())
                        .chain([header[at].len()])
                        .max()
                        .unwrap_or(0)
                })
                .collect();
            let line = |cells: [&str; 3]| {
                let cells: Vec<String> = (0..3)
                    .map(|at| {
                        let width = widths[at];
                        if numbers[at] {
                            format!("{:>width$}", cells[at])
                        } else {
                            format!("{:width$}", cells[at])
                        }
                    })
                    .collect();
                println!("{}", cells.join("  ").trim_end());
            };
            line(*header);
            for row in rows {
                line([&row[0], &row[1], &row[2]]);
            }
        }
        StatsFormat::Csv => {
            println!("{}", header.join(","));
            for row in rows {
                println!("{}", row.join(","));
            }
        }
        StatsFormat::Json => {
            for row in rows {
                let mut object = serde_json::Map::new();
                for at in 0..3 {
                    let value = match row[at].parse::<i64>() {
                        Ok(number) if numbers[at] => serde_json::Value::from(number),
                        _ => serde_json::Value::from(row[at].clone()),
                    };
                    object.insert(header[at].to_owned(), value);
                }
                println!("{}", serde_json::Value::Object(object));
            }
        }
    }
    Ok(super::failure::ExitCode::SUCCESS)
}
