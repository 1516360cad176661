//! The moderation part of the contract (1.1) over real HTTP, who may use
//! it: moderators made on the command line, sign-in and its limits,
//! sessions. Decisions, reports and bans: `moderation_decisions.rs`.

mod support;

use std::io::Cursor;

use gazette_server::cli::ModeratorAction;
use gazette_server::db::Db;
use gazette_server::moderation::auth;
use gazette_server::moderators;
use serde_json::json;
use support::moderation::*;
use support::*;

#[test]
fn moderators_are_made_on_the_command_line_and_only_their_hash_is_stored() {
    let fixture = Fixture::new();
    let short = add_moderator(&fixture, "amina", "court").unwrap_err();
    assert!(short.contains("12 characters"), "{short}");
    assert!(add_moderator(&fixture, "bad name!", PASSWORD).is_err());
    assert_eq!(
        add_moderator(&fixture, "amina", PASSWORD).unwrap(),
        "moderator amina added"
    );
    let stored = fixture.stored_bytes();
    assert!(stored.contains("amina"), "the moderator is stored");
    assert!(!stored.contains(PASSWORD));
    let removed = moderators::run(
        ModeratorAction::Remove {
            name: "amina".into(),
            db: fixture.config().db,
        },
        Cursor::new(""),
    );
    assert!(removed.unwrap().contains("removed"));
    let again = moderators::run(
        ModeratorAction::Remove {
            name: "amina".into(),
            db: fixture.config().db,
        },
        Cursor::new(""),
    );
    assert!(again.unwrap_err().contains("no moderator amina"));
}

#[test]
fn sign_in_answers_401_for_any_wrong_credential_and_429_after_five() {
    let fixture = Fixture::new();
    let server = start(&fixture, false, 3);
    // Without the desk's header: 403, whatever the credentials.
    let body = json!({ "name": "amina", "password": PASSWORD }).to_string();
    let reply = send("POST", &server.api("moderation/session"), &[], Some(&body));
    assert_eq!((reply.status, reply.error().0.as_str()), (403, "forbidden"));

    let wrong = sign_in(&server, "amina", "pas le bon mot de passe");
    assert_eq!(
        (wrong.status, wrong.error().0.as_str()),
        (401, "unauthorized")
    );
    let unknown = sign_in(&server, "personne", PASSWORD);
    assert_eq!(
        (unknown.status, unknown.error().0),
        (401, "unauthorized".into())
    );
    assert_eq!(
        wrong.body, unknown.body,
        "the answer tells nothing of which was wrong"
    );
    assert!(!wrong.body.contains(PASSWORD) && !wrong.body.contains("pas le bon"));

    let reply = sign_in(&server, "amina", PASSWORD);
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.json()["moderator"], "amina");
    assert!(reply.json()["expires_at"].as_str().is_some());
    let cookie = reply.header("set-cookie").unwrap();
    for flag in [
        "gazette_moderation=",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/api/moderation",
        "Max-Age=43200",
    ] {
        assert!(cookie.contains(flag), "{cookie}");
    }
    assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    let https = send(
        "POST",
        &server.api("moderation/session"),
        &[DESK, ("X-Forwarded-Proto", "https")],
        Some(&body),
    );
    assert!(https.header("set-cookie").unwrap().contains("; Secure"));

    // Three more failures make five for this client: then even the right
    // password waits.
    for _ in 0..3 {
        assert_eq!(sign_in(&server, "amina", "encore raté, encore").status, 401);
    }
    let blocked = sign_in(&server, "amina", PASSWORD);
    assert_eq!(
        (blocked.status, blocked.error().0.as_str()),
        (429, "rate_limited")
    );
    assert!(
        blocked
            .header("retry-after")
            .unwrap()
            .parse::<u64>()
            .unwrap()
            > 0
    );
}

#[test]
fn a_session_is_needed_and_ends_when_signed_out_or_expired() {
    let fixture = Fixture::new();
    let server = start(&fixture, false, 3);
    let reply = send("GET", &server.api("moderation/queue"), &[], None);
    assert_eq!(
        (reply.status, reply.error().0.as_str()),
        (401, "unauthorized")
    );
    let forged = desk_get(
        &server,
        &format!("gazette_moderation={}", "a".repeat(64)),
        "moderation/queue",
    );
    assert_eq!(forged.status, 401);

    let cookie = session(&server);
    let queue = desk_get(&server, &cookie, "moderation/queue");
    assert_eq!(queue.status, 200, "{}", queue.body);
    assert_eq!(queue.header("cache-control"), Some("no-store"));
    assert_eq!(desk_get(&server, &cookie, "moderation/log").status, 200);

    // Signing out is a change: it needs the header.
    let reply = send(
        "DELETE",
        &server.api("moderation/session"),
        &[("Cookie", &cookie)],
        None,
    );
    assert_eq!(reply.status, 403);
    let reply = send(
        "DELETE",
        &server.api("moderation/session"),
        &[("Cookie", &cookie), DESK],
        None,
    );
    assert_eq!(reply.status, 204);
    assert!(reply.header("set-cookie").unwrap().contains("Max-Age=0"));
    assert_eq!(desk_get(&server, &cookie, "moderation/queue").status, 401);

    // A session past its 12 hours.
    let db = Db::open(&fixture.config().db).unwrap();
    let (token, hash) = auth::new_token();
    let (_, now) = gazette_server::writes::now();
    db.open_session(&hash, "amina", now - 1, now - auth::SESSION_SECONDS - 1)
        .unwrap();
    let expired = desk_get(
        &server,
        &format!("gazette_moderation={token}"),
        "moderation/queue",
    );
    assert_eq!(expired.status, 401);
}
