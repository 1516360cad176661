//! `gazette-server moderators add|remove NAME --db DB`: moderators are made
//! on the server's machine, never over HTTP. The password comes from
//! standard input and is stored only as its argon2id hash.

use std::io::BufRead;

use gazette_model::moderation::MIN_PASSWORD;

use crate::cli::ModeratorAction;
use crate::db::{Db, Location};
use crate::moderation::auth::hash_password;

/// Carries out `action`; the message to print, or why it failed.
pub fn run(action: ModeratorAction, stdin: impl BufRead) -> Result<String, String> {
    match action {
        ModeratorAction::Add { name, db } => add(&name, &db, stdin),
        ModeratorAction::Remove { name, db } => {
            let db = open(&db)?;
            match db.remove_moderator(&name).map_err(|e| e.to_string())? {
                true => Ok(format!(
                    "moderator {name} removed; their sessions have ended"
                )),
                false => Err(format!("there is no moderator {name}")),
            }
        }
    }
}

fn add(name: &str, db: &Location, mut stdin: impl BufRead) -> Result<String, String> {
    if !is_valid_name(name) {
        return Err(format!(
            "a moderator's name is 1 to 64 letters, digits, '.', '_' or '-', not {name:?}"
        ));
    }
    let mut line = String::new();
    stdin
        .read_line(&mut line)
        .map_err(|e| format!("cannot read the password from standard input: {e}"))?;
    let password = line.trim_end_matches(['\r', '\n']);
    if password.chars().count() < MIN_PASSWORD {
        return Err(format!(
            "the password must have {MIN_PASSWORD} characters at least (give it on standard input)"
        ));
    }
    let hash = hash_password(password)?;
    let db = open(db)?;
    let (_, now_unix) = crate::writes::now();
    let new = db
        .set_moderator(name, &hash, now_unix)
        .map_err(|e| e.to_string())?;
    Ok(if new {
        format!("moderator {name} added")
    } else {
        format!("moderator {name} has a new password; their sessions have ended")
    })
}

fn open(location: &Location) -> Result<Db, String> {
    Db::open(location).map_err(|e| format!("cannot open database {location}: {e}"))
}

fn is_valid_name(name: &str) -> bool {
    (1..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}
