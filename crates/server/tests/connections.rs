//! Slow, idle and greedy clients over real TCP: the timeouts, the cap on
//! connections, the grace period at shutdown and a 413 the client reads
//! (`listen`). Timeouts are short (1-6 s) and every bound on time leaves a
//! wide margin: closed not before half the timeout, and within the timeout
//! plus 8 s or more.

mod support;

use std::net::TcpStream;
use std::time::{Duration, Instant};

use gazette_server::state::ConnectionLimits;
use support::raw::{connect, head, read_answer, send, watch, Seen};
use support::{comment_json, key, spawn_binary, Fixture, Server, ARTICLE};

const SECOND: Duration = Duration::from_secs(1);

fn start(limits: ConnectionLimits) -> (Fixture, Server) {
    let fixture = Fixture::sqlite();
    let server = Server::start(gazette_server::state::Config {
        connections: limits,
        ..fixture.config()
    });
    (fixture, server)
}

fn seconds(n: u64) -> Duration {
    Duration::from_secs(n)
}

fn comments_path() -> String {
    format!("/api/articles/{ARTICLE}/comments")
}

/// A comment's head, announcing `length` bytes of body.
fn post_head(n: u64, length: usize, extra: &[&str]) -> Vec<u8> {
    let (key, length) = (
        format!("Idempotency-Key: {}", key(n)),
        format!("Content-Length: {length}"),
    );
    let mut headers = vec![
        "Content-Type: application/json",
        key.as_str(),
        length.as_str(),
    ];
    headers.extend_from_slice(extra);
    head("POST", &comments_path(), &headers)
}

/// Waits until the server closes `stream` (at most `limit`); how long it took.
fn closed_within(stream: &mut TcpStream, limit: Duration) -> Duration {
    let start = Instant::now();
    match watch(stream, limit) {
        Seen::Closed => start.elapsed(),
        seen => panic!("after {:?}: {seen:?}, not closed", start.elapsed()),
    }
}

fn between(elapsed: Duration, low: Duration, high: Duration, what: &str) {
    assert!(
        elapsed >= low && elapsed < high,
        "{what} after {elapsed:?}, not within {low:?}..{high:?}"
    );
}

#[test]
fn a_head_sent_one_byte_a_second_is_cut_off_at_the_header_timeout() {
    let (_fixture, server) = start(ConnectionLimits {
        header_timeout: seconds(2),
        ..ConnectionLimits::default()
    });
    let start = Instant::now();
    let mut stream = connect(&server.base);
    let slow = head(
        "GET",
        "/healthz",
        &["X-Slow: one byte a second, for a minute or so"],
    );
    for byte in &slow {
        if !send(&mut stream, &[*byte]) {
            break;
        }
        match watch(&mut stream, SECOND) {
            Seen::Open if start.elapsed() < seconds(20) => continue,
            Seen::Closed => break,
            seen => panic!("after {:?}: {seen:?}", start.elapsed()),
        }
    }
    between(start.elapsed(), SECOND, seconds(10), "closed");
}

#[test]
fn a_connection_that_sends_nothing_is_closed_at_the_header_timeout() {
    let (_fixture, server) = start(ConnectionLimits {
        header_timeout: seconds(2),
        ..ConnectionLimits::default()
    });
    let mut stream = connect(&server.base);
    let waited = closed_within(&mut stream, seconds(20));
    between(waited, SECOND, seconds(10), "closed");
}

#[test]
fn a_kept_alive_connection_waits_the_idle_timeout_for_its_next_request() {
    let (_fixture, server) = start(ConnectionLimits {
        header_timeout: seconds(1),
        idle_timeout: seconds(6),
        ..ConnectionLimits::default()
    });
    let mut stream = connect(&server.base);
    let request = head("GET", "/healthz", &[]);
    assert!(send(&mut stream, &request));
    assert_eq!(read_answer(&mut stream).status, 200);
    // Longer than the header timeout: the wait between requests is the idle
    // timeout's.
    std::thread::sleep(seconds(2));
    assert!(send(&mut stream, &request));
    assert_eq!(read_answer(&mut stream).status, 200);
    let waited = closed_within(&mut stream, seconds(30));
    between(waited, seconds(3), seconds(14), "closed");
}

#[test]
fn a_body_that_stops_coming_is_answered_408_and_the_connection_closed() {
    let (_fixture, server) = start(ConnectionLimits {
        body_timeout: seconds(2),
        ..ConnectionLimits::default()
    });
    let start = Instant::now();
    let mut stream = connect(&server.base);
    assert!(send(&mut stream, &post_head(1, 200, &[])));
    assert!(send(&mut stream, br#"{"parent_id": null, "#));
    let answer = read_answer(&mut stream);
    between(start.elapsed(), SECOND, seconds(10), "answered");
    assert_eq!(answer.status, 408, "{}", answer.body);
    assert_eq!(answer.error_code(), "timeout");
    assert_eq!(answer.header("connection"), Some("close"));
    closed_within(&mut stream, seconds(10));
}

#[test]
fn at_the_cap_a_reader_is_answered_at_once_and_the_longest_waiting_client_makes_room() {
    // Slow clients are never cut by a timeout during this test: only the
    // cap's room-making can answer the reader in time.
    let (_fixture, server) = start(ConnectionLimits {
        header_timeout: seconds(120),
        idle_timeout: seconds(120),
        max_connections: 8,
        ..ConnectionLimits::default()
    });
    let mut slow: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut stream = connect(&server.base);
            assert!(send(&mut stream, b"GET / HTTP/1.1\r\nHo"));
            stream
        })
        .collect();
    let start = Instant::now();
    let mut reader = connect(&server.base);
    assert!(send(&mut reader, &head("GET", "/healthz", &[])));
    assert_eq!(read_answer(&mut reader).status, 200);
    assert!(start.elapsed() < seconds(20), "{:?}", start.elapsed());
    // Each of the 12 slow clients past the cap, then the reader, closed the
    // connection that had waited longest: the first 13.
    for (n, stream) in slow.iter_mut().enumerate() {
        let expected = if n < 13 { Seen::Closed } else { Seen::Open };
        let wait = if n < 13 {
            seconds(10)
        } else {
            Duration::from_millis(200)
        };
        assert_eq!(watch(stream, wait), expected, "slow client {n}");
    }
}

#[test]
fn at_the_cap_with_every_connection_answering_a_reader_waits_for_a_slot() {
    let (_fixture, server) = start(ConnectionLimits {
        body_timeout: seconds(3),
        max_connections: 2,
        ..ConnectionLimits::default()
    });
    let start = Instant::now();
    let mut busy: Vec<TcpStream> = (0..2)
        .map(|n| {
            let mut stream = connect(&server.base);
            assert!(send(
                &mut stream,
                &post_head(n, 200, &["Expect: 100-continue"])
            ));
            // The handler reads the body: the request is under way.
            assert_eq!(read_answer(&mut stream).status, 100);
            stream
        })
        .collect();
    let base = server.base.clone();
    let reader = std::thread::spawn(move || {
        let mut reader = connect(&base);
        assert!(send(&mut reader, &head("GET", "/healthz", &[])));
        (read_answer(&mut reader).status, start.elapsed())
    });
    for stream in &mut busy {
        assert_eq!(read_answer(stream).status, 408);
    }
    drop(busy);
    let (status, answered) = reader.join().unwrap();
    assert_eq!(status, 200);
    between(answered, seconds(3) / 2, seconds(14), "the reader answered");
}

#[test]
fn on_sigterm_a_request_in_flight_is_answered_and_the_rest_closed_after_the_grace() {
    let fixture = Fixture::sqlite();
    let flags = [
        "--shutdown-grace",
        "2",
        "--body-timeout",
        "60",
        "--header-timeout",
        "60",
    ];
    let (mut child, base) = spawn_binary(&fixture.config(), &flags);
    let body = comment_json("Nadia", "Envoyé pendant l'arrêt");
    let mut in_flight = connect(&base);
    assert!(send(
        &mut in_flight,
        &post_head(1, body.len(), &["Expect: 100-continue"])
    ));
    assert_eq!(read_answer(&mut in_flight).status, 100);
    // Half a request that will never end: a body...
    let mut stalled = connect(&base);
    assert!(send(
        &mut stalled,
        &post_head(2, 200, &["Expect: 100-continue"])
    ));
    assert_eq!(read_answer(&mut stalled).status, 100);
    // ...and a head.
    let mut half_head = connect(&base);
    assert!(send(&mut half_head, b"GET / HTTP/1.1\r\nHo"));

    let term = Instant::now();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    assert!(send(&mut in_flight, body.as_bytes()));
    let answer = read_answer(&mut in_flight);
    assert_eq!(answer.status, 201, "{}", answer.body);

    closed_within(&mut stalled, seconds(20));
    between(
        term.elapsed(),
        SECOND,
        seconds(10),
        "the stalled body closed",
    );
    closed_within(&mut half_head, seconds(10));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if term.elapsed() > seconds(20) {
            let _ = child.kill();
            panic!("still running {:?} after SIGTERM", term.elapsed());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status}");
    between(term.elapsed(), SECOND, seconds(10), "exited");
}

/// A client that writes its whole body before it reads, as simple clients
/// and scripts do.
fn too_large_before_reading(head: &[u8], body: &[u8]) {
    let (_fixture, server) = start(ConnectionLimits::default());
    let mut stream = connect(&server.base);
    assert!(send(&mut stream, head), "the head was refused");
    assert!(send(&mut stream, body), "the body was refused");
    let answer = read_answer(&mut stream);
    assert_eq!(answer.status, 413, "{}", answer.body);
    assert_eq!(answer.error_code(), "too_large");
    assert_eq!(answer.header("connection"), Some("close"));
    closed_within(&mut stream, seconds(10));
}

/// 1 MB, what readers' scripts send by mistake: on loopback it fits in the
/// sockets' buffers, so the client may read the answer with or without a
/// lingering close...
#[test]
fn a_megabyte_body_sent_before_reading_gets_its_413() {
    let body = vec![b'a'; 1_000_000];
    too_large_before_reading(&post_head(1, body.len(), &[]), &body);
}

/// ...32 MB does not: closing with the body unread resets the connection
/// under the client's writes.
#[test]
fn a_32_mb_body_sent_before_reading_gets_its_413() {
    let body = vec![b'a'; 32_000_000];
    too_large_before_reading(&post_head(1, body.len(), &[]), &body);
}

#[test]
fn a_32_mb_chunked_body_sent_before_reading_gets_its_413() {
    let mut body = format!("{:x}\r\n", 32_000_000).into_bytes();
    body.extend(vec![b'a'; 32_000_000]);
    body.extend(b"\r\n0\r\n\r\n");
    let key = format!("Idempotency-Key: {}", key(1));
    let headers = [
        "Content-Type: application/json",
        key.as_str(),
        "Transfer-Encoding: chunked",
    ];
    too_large_before_reading(&head("POST", &comments_path(), &headers), &body);
}
