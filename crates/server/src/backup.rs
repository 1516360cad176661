//! `gazette-server backup --db ./gazette.db --to FILE`: a consistent copy of
//! a SQLite site while its server goes on writing, by SQLite's online backup
//! (all pages in one step, so one snapshot), checked and counted before it
//! takes FILE's place. PostgreSQL has its own tools (`pg_dump`).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::db::Location;

/// What was backed up, or why not.
pub fn run(db: &Location, to: &Path) -> Result<String, String> {
    let Location::Sqlite(source) = db else {
        return Err(format!(
            "{db} is PostgreSQL: back it up with pg_dump (see the README, Operations)"
        ));
    };
    if !source.is_file() {
        return Err(format!("no database at {}", source.display()));
    }
    if same_file(source, to) {
        return Err("--db and --to name the same file".into());
    }
    let partial = partial_path(to);
    let _ = std::fs::remove_file(&partial);
    let outcome = copy(source, &partial).and_then(|comments| {
        std::fs::rename(&partial, to)
            .map_err(|e| format!("cannot move the backup to {}: {e}", to.display()))?;
        Ok(comments)
    });
    match outcome {
        Ok(comments) => Ok(format!(
            "backed up {} to {} ({comments} comments, integrity ok)",
            source.display(),
            to.display()
        )),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Copies `source` into a new file at `to`, checks it and counts its
/// comments.
fn copy(source: &Path, to: &Path) -> Result<i64, String> {
    let from = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(text("cannot open the database"))?;
    from.busy_timeout(std::time::Duration::from_secs(10))
        .map_err(text("cannot open the database"))?;
    let mut copy = Connection::open(to).map_err(text("cannot create the backup"))?;
    {
        use rusqlite::backup::{Backup, StepResult};
        let backup = Backup::new(&from, &mut copy).map_err(text("cannot start the backup"))?;
        // -1: every page in one step, under one read transaction: a snapshot
        // that the server's writes (in WAL mode) neither block nor restart.
        loop {
            match backup.step(-1).map_err(text("the backup failed"))? {
                StepResult::Done => break,
                StepResult::More => continue,
                // Another connection holds a lock for a moment.
                _ => std::thread::sleep(std::time::Duration::from_millis(50)),
            }
        }
    }
    copy.pragma_update(None, "journal_mode", "DELETE")
        .map_err(text("cannot finish the backup"))?;
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(text("cannot check the backup"))?;
    if check != "ok" {
        return Err(format!("the backup does not check out: {check}"));
    }
    copy.query_row("SELECT count(*) FROM comments", [], |row| row.get(0))
        .map_err(text("the backup has no comments table"))
}

/// An error of SQLite, said after what was being done.
fn text(what: &'static str) -> impl Fn(rusqlite::Error) -> String {
    move |e| format!("{what}: {e}")
}

fn partial_path(to: &Path) -> PathBuf {
    let mut name = to.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    to.with_file_name(name)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
