//! Persistence over real HTTP: restarts keep every comment and import nothing
//! again, and the binary stops cleanly on SIGTERM.

mod support;

use serde_json::{json, Value};
use support::*;

#[test]
fn a_restart_keeps_every_comment_and_does_not_reimport() {
    let fixture = Fixture::new();
    let server = fixture.start();
    let imported = server.comments(ARTICLE).len();
    let empty = "accord-peche-mediterranee";
    assert!(server.comments(empty).is_empty());
    let mut ids = Vec::new();
    for (n, article) in [ARTICLE, ARTICLE, empty].into_iter().enumerate() {
        let reply = server.post(
            article,
            Some(&key(n as u64)),
            &comment_json("N", &format!("{n}")),
        );
        assert_eq!(reply.status, 201);
        ids.push(reply.json()["id"].as_str().unwrap().to_owned());
    }
    let before_ours = server.comments(ARTICLE);
    let before_empty = server.comments(empty);
    server.stop();

    let server = fixture.start();
    assert_eq!(server.comments(ARTICLE), before_ours);
    assert_eq!(server.comments(ARTICLE).len(), imported + 2);
    assert_eq!(server.comments(empty), before_empty);
    // New ids stay unique after the restart, and keys are remembered.
    let reply = server.post(ARTICLE, Some(&key(99)), &comment_json("N", "après"));
    assert!(!ids.contains(&reply.json()["id"].as_str().unwrap().to_owned()));
    let replay = server.post(ARTICLE, Some(&key(0)), &comment_json("N", "0"));
    assert_eq!(replay.json()["id"], ids[0].as_str());
}

#[test]
fn a_restart_does_not_import_a_thread_again() {
    // A copy of the content whose demo thread changes between two runs.
    let fixture = Fixture::new();
    let content = fixture.dir.path().join("content");
    copy_dir(&content_dir(), &content);
    let config = gazette_server::state::Config {
        content: content.clone(),
        ..fixture.config()
    };
    let server = Server::start(config.clone());
    let first = server.comments(ARTICLE);
    assert!(!first.is_empty());
    server.stop();

    let file = content.join(format!("articles/{ARTICLE}/comments.json"));
    let mut thread: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    let mut extra = thread["comments"][0].clone();
    extra["id"] = json!("c-added-later");
    thread["comments"].as_array_mut().unwrap().push(extra);
    std::fs::write(&file, thread.to_string()).unwrap();

    let server = Server::start(config);
    assert_eq!(server.comments(ARTICLE), first);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[cfg(unix)]
#[test]
fn the_binary_announces_itself_and_stops_cleanly_on_sigterm() {
    use std::process::Command;

    let fixture = Fixture::new();
    let config = fixture.config();
    let (mut child, base) = spawn_binary(&config, &["--rate-limit", "5", "--api-prefix", "/v1/"]);
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    let reply = post(
        &format!("{base}/v1/articles/{ARTICLE}/comments"),
        Some(&key(1)),
        &comment_json("N", "avant l'arrêt"),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    let id = reply.json()["id"].clone();
    assert_eq!(get(&format!("{base}/api/site.json"), &[]).body, INDEX_HTML);

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}");

    let server = fixture.start();
    assert!(server.comments(ARTICLE).iter().any(|c| c["id"] == id));
}
