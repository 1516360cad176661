//! Faults a SQLite server meets, injected for real: a full disk and a
//! read-only file system (a small tmpfs, mounted for the test: root only),
//! another process holding the database's lock, a corrupt file at start;
//! and `gazette-server backup` taken while the server writes.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use gazette_server::db::Location;
use serde_json::Value;
use support::*;

/// A tmpfs of `size` mounted on a new folder, unmounted when dropped.
struct Mount {
    dir: tempfile::TempDir,
}

impl Mount {
    /// `None` when not root: mounting needs it (CI runs as root).
    fn tmpfs(size: &str) -> Option<Mount> {
        if !is_root() {
            eprintln!("skipped: mounting a tmpfs needs root");
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        mount(
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            dir.path(),
        );
        Some(Mount { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `ro` or `rw` (`ro` only while no file on it is open for writing).
    fn remount(&self, mode: &str) {
        mount(&["-o", &format!("remount,{mode}")], self.path());
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.path()).status();
    }
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn mount(args: &[&str], on: &Path) {
    let out = Command::new("mount").args(args).arg(on).output().unwrap();
    assert!(
        out.status.success(),
        "mount {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A server whose SQLite file is in `folder`.
fn server_in(fixture: &Fixture, folder: &Path) -> Server {
    Server::start(gazette_server::state::Config {
        db: Location::Sqlite(folder.join("gazette.db")),
        ..fixture.config()
    })
}

fn ids(comments: &[Value]) -> Vec<String> {
    comments
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

fn assert_unavailable(reply: &Reply) {
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert_eq!(reply.error().0, "unavailable");
    let retry: u64 = reply
        .header("retry-after")
        .expect("Retry-After")
        .parse()
        .unwrap();
    assert!(retry >= 1);
}

#[test]
fn a_full_disk_answers_503_writes_nothing_and_reads_go_on() {
    let fixture = Fixture::sqlite();
    let Some(disk) = Mount::tmpfs("16m") else {
        return;
    };
    let server = server_in(&fixture, disk.path());
    let before = server.comments(ARTICLE);

    // Take every byte left.
    let filler = disk.path().join("filler");
    let mut file = std::fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 64 * 1024];
    while std::io::Write::write_all(&mut file, &chunk).is_ok() {}
    drop(file);

    let body = comment_json("Disque", &"Plein. ".repeat(500));
    let full = server.post(ARTICLE, Some(&key(1)), &body);
    assert_unavailable(&full);
    assert_eq!(
        ids(&server.comments(ARTICLE)),
        ids(&before),
        "reads go on, nothing new"
    );

    // Room again: the same post, retried with its key, is stored once.
    std::fs::remove_file(&filler).unwrap();
    let retried = server.post(ARTICLE, Some(&key(1)), &body);
    assert_eq!(retried.status, 201, "{}", retried.body);
    let after = server.comments(ARTICLE);
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(
        after.iter().filter(|c| c["author"] == "Disque").count(),
        1,
        "stored once"
    );
}

#[test]
fn a_database_on_a_read_only_file_system_stops_the_start_with_a_clear_error() {
    let fixture = Fixture::sqlite();
    let Some(disk) = Mount::tmpfs("16m") else {
        return;
    };
    let server = server_in(&fixture, disk.path());
    assert_eq!(
        server
            .post(ARTICLE, Some(&key(1)), &comment_json("Lecture", "Seule."))
            .status,
        201
    );
    server.stop();
    let db = disk.path().join("gazette.db");
    let kept = std::fs::read(&db).unwrap();
    disk.remount("ro");
    let (status, said) = start_on(&fixture, &db);
    assert!(!status.success());
    assert!(
        said.contains("cannot open database") && said.contains("Read-only file system"),
        "{said}"
    );
    disk.remount("rw");
    assert_eq!(std::fs::read(&db).unwrap(), kept);
}

#[test]
fn a_lock_held_by_another_process_makes_a_post_wait_then_go_through() {
    let fixture = Fixture::sqlite();
    let (mut child, base) = spawn_binary(&fixture.config(), &[]);
    let Location::Sqlite(path) = &fixture.db else {
        unreachable!()
    };
    // This test is the other process: it takes the write lock.
    let other = rusqlite::Connection::open(path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let url = format!("{base}/api/articles/{ARTICLE}/comments");
    let posting =
        std::thread::spawn(move || post(&url, Some(&key(1)), &comment_json("Verrou", "Attendu.")));
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!posting.is_finished(), "the post waits for the lock");
    other.execute_batch("COMMIT").unwrap();
    let reply = posting.join().unwrap();
    assert_eq!(reply.status, 201, "{}", reply.body);
    let _ = child.kill();
    let _ = child.wait();
}

/// The server on `db`, run to its end: its exit status and what it said.
fn start_on(fixture: &Fixture, db: &Path) -> (std::process::ExitStatus, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gazette-server"))
        .args(["--addr", "127.0.0.1:0", "--db"])
        .arg(db)
        .arg("--static")
        .arg(fixture.dir.path().join("static"))
        .arg("--content")
        .arg(content_dir())
        .output()
        .unwrap();
    (
        out.status,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_corrupt_database_stops_the_start_with_a_clear_error_and_is_left_alone() {
    let fixture = Fixture::sqlite();
    let db = fixture.dir.path().join("broken.db");
    let garbage: Vec<u8> = (0..64 * 1024u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&db, &garbage).unwrap();
    let (status, said) = start_on(&fixture, &db);
    assert!(!status.success());
    assert!(
        said.contains("cannot open database") && said.contains("not a database"),
        "{said}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        garbage,
        "the file is untouched"
    );
    let in_nowhere = fixture.dir.path().join("no/such/folder/gazette.db");
    let (status, said) = start_on(&fixture, &in_nowhere);
    assert!(!status.success());
    assert!(
        said.contains("cannot open database") && said.contains("No such file or directory"),
        "{said}"
    );
    assert!(!in_nowhere.exists(), "no new file made elsewhere");
}

fn backup(db: &Path, to: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-server"))
        .arg("backup")
        .arg("--db")
        .arg(db)
        .arg("--to")
        .arg(to)
        .output()
        .unwrap()
}

#[test]
fn a_backup_taken_while_the_server_writes_restores_every_acknowledged_comment() {
    let fixture = Fixture::sqlite();
    let (mut child, base) = spawn_binary(&fixture.config(), &["--rate-limit", "0"]);
    let Location::Sqlite(db) = fixture.db.clone() else {
        unreachable!()
    };
    let url = format!("{base}/api/articles/{ARTICLE}/comments");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (url, stop) = (url.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut acknowledged = Vec::new();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let reply = post(
                    &url,
                    Some(&key(n)),
                    &comment_json("Sauvegarde", &format!("Message {n}.")),
                );
                assert_eq!(reply.status, 201, "{}", reply.body);
                acknowledged.push((
                    std::time::Instant::now(),
                    reply.json()["id"].as_str().unwrap().to_owned(),
                ));
            }
            acknowledged
        })
    };
    std::thread::sleep(Duration::from_millis(500));
    let backup_file: PathBuf = fixture.dir.path().join("backup.db");
    let started = std::time::Instant::now();
    let out = backup(&db, &backup_file);
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(said.contains("integrity ok"), "{said}");
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let acknowledged = writer.join().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let before_backup: Vec<&String> = acknowledged
        .iter()
        .filter(|(at, _)| *at < started)
        .map(|(_, id)| id)
        .collect();
    assert!(
        before_backup.len() >= 5,
        "the writer wrote before the backup"
    );
    assert!(!backup_file.with_file_name("backup.db.partial").exists());

    // Restored: a server on the copy lists every comment acknowledged
    // before the backup began.
    let restored = Server::start(gazette_server::state::Config {
        db: Location::Sqlite(backup_file.clone()),
        ..fixture.config()
    });
    let listed = ids(&restored.comments(ARTICLE));
    for id in before_backup {
        assert!(listed.contains(id), "{id} is in the backup");
    }
    // The report counts what is there; a backup over an old one replaces it.
    restored.stop();
    let again = backup(&db, &backup_file);
    assert!(again.status.success());
    let refused = backup(&fixture.dir.path().join("none.db"), &backup_file);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("no database at"));
}
