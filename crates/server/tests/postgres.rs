//! Several servers on one PostgreSQL database, a database that goes away
//! and comes back, and a site migrated from SQLite. These need a
//! PostgreSQL server: `GAZETTE_TEST_PG` (scripts/test.sh sets it; without it
//! they say so and check nothing).

mod support;

use std::collections::{HashMap, HashSet};
use std::process::Command;

use gazette_server::db::Location;
use gazette_server::state::Config;
use serde_json::Value;
use support::pg::TestDatabase;
use support::*;

/// A fixture on a fresh PostgreSQL database, or `None` (with a note).
fn on_postgres() -> Option<Fixture> {
    let fixture = Fixture::new();
    if fixture.is_postgres() {
        Some(fixture)
    } else {
        eprintln!("GAZETTE_TEST_PG is not set: this PostgreSQL test checks nothing");
        None
    }
}

fn comment_url(base: &str) -> String {
    format!("{base}/api/articles/{ARTICLE}/comments")
}

#[test]
fn one_key_sent_to_two_servers_at_once_stores_one_comment_and_both_answer_the_same() {
    let Some(fixture) = on_postgres() else { return };
    let (a, b) = (fixture.start(), fixture.start());
    let before = a.comments(ARTICLE).len();
    for round in 0..20u64 {
        let body = comment_json("Nadia", &format!("une seule fois, tour {round}"));
        let answers: Vec<Reply> = [comment_url(&a.base), comment_url(&b.base)]
            .into_iter()
            .map(|url| {
                let body = body.clone();
                std::thread::spawn(move || post(&url, Some(&key(round)), &body))
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .collect();
        for answer in &answers {
            assert_eq!(answer.status, 201, "{}", answer.body);
        }
        assert_eq!(answers[0].json(), answers[1].json(), "round {round}");
        let replayed: Vec<_> = answers
            .iter()
            .filter(|r| r.header("idempotent-replayed") == Some("true"))
            .collect();
        assert_eq!(replayed.len(), 1, "one stored, one replayed");
    }
    assert_eq!(a.comments(ARTICLE).len(), before + 20);
    assert_eq!(b.comments(ARTICLE).len(), before + 20);
}

#[test]
fn ids_never_collide_across_servers() {
    let Some(fixture) = on_postgres() else { return };
    let servers = [fixture.start(), fixture.start()];
    let threads: Vec<_> = (0..8u64)
        .map(|t| {
            let url = comment_url(&servers[(t % 2) as usize].base);
            std::thread::spawn(move || {
                (0..25u64)
                    .map(|n| {
                        let reply = post(
                            &url,
                            Some(&key(10_000 + t * 100 + n)),
                            &comment_json("N", &format!("{t}-{n}")),
                        );
                        assert_eq!(reply.status, 201, "{}", reply.body);
                        reply.json()["id"].as_str().unwrap().to_owned()
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let ids: Vec<String> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!((ids.len(), unique.len()), (200, 200));
    let listed: HashSet<String> = servers[0]
        .comments(ARTICLE)
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.iter().all(|id| listed.contains(id)));
}

#[test]
fn the_rate_limit_is_shared_by_every_server() {
    let Some(fixture) = on_postgres() else { return };
    let config = Config {
        rate_limit: 4,
        ..fixture.config()
    };
    let (a, b) = (Server::start(config.clone()), Server::start(config));
    let statuses: Vec<u16> = (0..8u64)
        .map(|n| {
            let server = if n % 2 == 0 { &a } else { &b };
            server
                .post(
                    ARTICLE,
                    Some(&key(n)),
                    &comment_json("N", &format!("n°{n}")),
                )
                .status
        })
        .collect();
    assert_eq!(statuses, [201, 201, 201, 201, 429, 429, 429, 429]);
}

#[test]
fn invalid_posts_have_their_own_cap_shared_by_every_server() {
    let Some(fixture) = on_postgres() else { return };
    let config = Config {
        rate_limit: 1,
        ..fixture.config()
    };
    let cap = gazette_server::rate_limit::INVALID_POSTS_PER_VALID;
    let (a, b) = (Server::start(config.clone()), Server::start(config));
    let statuses: Vec<u16> = (0..u64::from(cap) + 2)
        .map(|n| {
            let server = if n % 2 == 0 { &a } else { &b };
            server
                .post(ARTICLE, Some(&key(n)), &comment_json("N", " "))
                .status
        })
        .collect();
    let mut expected = vec![400; cap as usize];
    expected.extend([429, 429]);
    assert_eq!(statuses, expected);
    // The one valid post a minute is still there, on either server.
    let valid = b.post(ARTICLE, Some(&key(100)), &comment_json("N", "valide"));
    assert_eq!(valid.status, 201, "{}", valid.body);
    let over = a.post(ARTICLE, Some(&key(101)), &comment_json("N", "de trop"));
    assert_eq!(over.status, 429);
}

#[test]
fn a_server_killed_mid_burst_loses_and_doubles_no_acknowledged_comment() {
    let Some(fixture) = on_postgres() else { return };
    let config = Config {
        rate_limit: 0,
        ..fixture.config()
    };
    let (mut doomed, doomed_base) = spawn_binary(&config, &["--rate-limit", "0"]);
    let (mut survivor, survivor_base) = spawn_binary(&config, &["--rate-limit", "0"]);
    let threads: Vec<_> = (0..6u64)
        .map(|t| {
            let url = comment_url(if t % 2 == 0 {
                &doomed_base
            } else {
                &survivor_base
            });
            std::thread::spawn(move || {
                let mut acknowledged = Vec::new();
                for n in 0..60u64 {
                    let body = format!("rafale {t}-{n}");
                    let request = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .build();
                    let agent: ureq::Agent = request.into();
                    let sent = agent
                        .post(&url)
                        .header("Content-Type", "application/json")
                        .header("Idempotency-Key", &key(50_000 + t * 1000 + n))
                        .send(&comment_json("N", &body));
                    if let Ok(mut response) = sent {
                        if response.status() == 201 {
                            let json: Value = response.body_mut().read_json().unwrap();
                            acknowledged.push((json["id"].as_str().unwrap().to_owned(), body));
                        }
                    }
                }
                acknowledged
            })
        })
        .collect();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let killed = Command::new("kill")
        .args(["-KILL", &doomed.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let acknowledged: Vec<(String, String)> = threads
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    let _ = doomed.wait();
    let listed = listed_comments(
        |path| get(&format!("{survivor_base}/api/{path}"), &[]),
        ARTICLE,
    );
    let mut by_body: HashMap<String, Vec<String>> = HashMap::new();
    for c in &listed {
        by_body
            .entry(c["body"].as_str().unwrap().to_owned())
            .or_default()
            .push(c["id"].as_str().unwrap().to_owned());
    }
    assert!(
        acknowledged.len() > 180,
        "the survivor kept answering: {}",
        acknowledged.len()
    );
    for (id, body) in &acknowledged {
        assert_eq!(by_body.get(body), Some(&vec![id.clone()]), "{body}");
    }
    assert!(
        by_body.values().all(|ids| ids.len() == 1),
        "no comment is stored twice"
    );
    let _ = survivor.kill();
    let _ = survivor.wait();
}

/// A cluster of this test's own, to stop and start (scripts/pg-cluster.sh).
struct Cluster {
    dir: tempfile::TempDir,
}

impl Cluster {
    fn script(&self, args: &[&str]) -> String {
        let out = cluster_script()
            .args(args)
            .arg(self.dir.path())
            .output()
            .expect("scripts/pg-cluster.sh runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = cluster_script().arg("stop").arg(self.dir.path()).output();
    }
}

#[test]
fn a_database_that_goes_away_answers_503_and_posts_work_again_when_it_is_back() {
    if on_postgres().is_none() {
        return;
    }
    let cluster = Cluster {
        dir: tempfile::tempdir().unwrap(),
    };
    let admin = cluster.script(&["start"]).trim().to_owned();
    let database = TestDatabase::on(&admin);
    let fixture = Fixture::sqlite();
    let server = Server::start(Config {
        db: Location::Postgres(database.url.clone()),
        ..fixture.config()
    });
    let first = server.post(ARTICLE, Some(&key(1)), &comment_json("N", "avant"));
    assert_eq!(first.status, 201, "{}", first.body);
    assert_eq!(get(&server.url("/readyz"), &[]).status, 200);

    cluster.script(&["stop"]);
    let down = server.post(ARTICLE, Some(&key(2)), &comment_json("N", "pendant"));
    assert_eq!((down.status, down.error().0.as_str()), (503, "unavailable"));
    let retry: u64 = down.header("retry-after").unwrap().parse().unwrap();
    assert!(retry >= 1);
    let ready = get(&server.url("/readyz"), &[]);
    assert_eq!(
        (ready.status, ready.error().0.as_str()),
        (503, "unavailable")
    );
    assert_eq!(get(&server.url("/healthz"), &[]).status, 200);
    // The content still serves.
    let article = server.get(&format!("articles/{ARTICLE}.json"));
    assert_eq!(article.status, 200);
    assert_eq!(article.json()["slug"], ARTICLE);

    cluster.script(&["restart"]);
    let again = server.post(ARTICLE, Some(&key(2)), &comment_json("N", "pendant"));
    assert_eq!(again.status, 201, "{}", again.body);
    let replay = server.post(ARTICLE, Some(&key(2)), &comment_json("N", "pendant"));
    assert_eq!(replay.json(), again.json());
    let bodies: Vec<String> = server
        .comments(ARTICLE)
        .iter()
        .map(|c| c["body"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(bodies.iter().filter(|b| *b == "pendant").count(), 1);
    assert_eq!(get(&server.url("/readyz"), &[]).status, 200);
    drop(server);
    drop(database);
}

#[test]
fn a_site_migrated_from_sqlite_lists_the_same_and_replays_its_keys() {
    let Some(destination) = on_postgres() else {
        return;
    };
    let source = Fixture::sqlite();
    let (first_reply, listings_before) = {
        let server = moderation::start(&source, true, 3);
        // Held for moderation (pending: in no public listing).
        let held = moderation::post_from(
            &server,
            "203.0.113.5",
            1,
            moderation::comment("A", "tenu", None),
        );
        assert_eq!(held.status, 201);
        let pending = moderation::post_from(
            &server,
            "203.0.113.6",
            2,
            moderation::comment("B", "en attente", None),
        );
        assert_eq!(pending.status, 201);
        let listings: Vec<Value> = ["tram-ligne-3-tilwa", "budget-eau-casablanca"]
            .iter()
            .map(|slug| server.get(&format!("articles/{slug}/comments.json")).json())
            .collect();
        (held.body, listings)
    };
    let out = migrate(&source, &destination);
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains("every count matches"), "{report}");
    let comments_line = report.lines().find(|l| l.starts_with("comments")).unwrap();
    assert!(!comments_line.contains(" 0 copied"), "{comments_line}");

    let server = moderation::start(&destination, true, 3);
    let listings_after: Vec<Value> = ["tram-ligne-3-tilwa", "budget-eau-casablanca"]
        .iter()
        .map(|slug| server.get(&format!("articles/{slug}/comments.json")).json())
        .collect();
    assert_eq!(listings_before, listings_after);
    // The same key and body replays the first answer, from PostgreSQL.
    let replay = moderation::post_from(
        &server,
        "203.0.113.5",
        1,
        moderation::comment("A", "tenu", None),
    );
    assert_eq!(replay.header("idempotent-replayed"), Some("true"));
    assert_eq!(replay.body, first_reply);
    // New comments get new ids after the copied ones.
    let new = moderation::post_from(
        &server,
        "203.0.113.7",
        3,
        moderation::comment("C", "après", None),
    );
    assert_eq!(new.status, 201);
    let new_id = new.json()["id"].as_str().unwrap().to_owned();
    let old_id = serde_json::from_str::<Value>(&first_reply).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(new_id, old_id);
    // A second migration into a database that holds comments is refused.
    let again = migrate(&source, &destination);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds comments"));
}

#[test]
fn servers_starting_at_the_same_moment_migrate_once_and_a_newer_schema_is_refused() {
    let Some(fixture) = on_postgres() else { return };
    let opened: Vec<Result<(), String>> = (0..4)
        .map(|_| {
            let db = fixture.db.clone();
            std::thread::spawn(move || gazette_server::db::Db::open(&db).map(drop))
        })
        .collect::<Vec<_>>()
        .into_iter()
        .map(|t| t.join().unwrap())
        .collect();
    assert!(opened.iter().all(Result::is_ok), "{opened:?}");
    let Location::Postgres(url) = &fixture.db else {
        unreachable!()
    };
    let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
    let versions: Vec<i64> = client
        .query("SELECT version FROM gazette_schema", &[])
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(
        versions,
        [i64::from(gazette_server::db::schema::PG_VERSION)]
    );
    client
        .execute("UPDATE gazette_schema SET version = version + 1", &[])
        .unwrap();
    let refused = gazette_server::db::Db::open(&fixture.db)
        .map(drop)
        .unwrap_err();
    assert!(refused.contains("newer gazette-server"), "{refused}");
}

/// `gazette-server migrate` from one fixture's database to another's.
fn migrate(source: &Fixture, destination: &Fixture) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gazette-server"))
        .arg("migrate")
        .arg("--from")
        .arg(source.db.as_arg())
        .arg("--to")
        .arg(destination.db.as_arg())
        .output()
        .unwrap()
}

/// `scripts/pg-cluster.sh`, the one way the tests start and stop a cluster.
fn cluster_script() -> Command {
    Command::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scripts/pg-cluster.sh"
    ))
}
