//! HTTP/1.1 by hand over a `std::net::TcpStream`, for the tests that send a
//! request slowly, in part, or whole before reading: no client library
//! would.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::Value;

/// Long enough for any answer on a busy machine; a test that waits longer
/// fails rather than hangs.
const PATIENCE: Duration = Duration::from_secs(30);

/// A connection to the server at `base` (`http://127.0.0.1:port`).
pub fn connect(base: &str) -> TcpStream {
    let addr = base.strip_prefix("http://").expect("an http:// base");
    let stream = TcpStream::connect(addr).expect("the server accepts connections");
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    stream.set_write_timeout(Some(PATIENCE)).unwrap();
    stream
}

/// A request head for `path` with `headers` ("Name: value"), and the blank
/// line that ends it.
pub fn head(method: &str, path: &str, headers: &[&str]) -> Vec<u8> {
    let mut text = format!("{method} {path} HTTP/1.1\r\nHost: gazette.test\r\n");
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str("\r\n");
    text.into_bytes()
}

pub struct Answer {
    pub status: u16,
    /// Names lower-cased.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The contract's error code, after checking its shape.
    pub fn error_code(&self) -> String {
        let json: Value = serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", self.body));
        assert!(
            json["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "no message: {}",
            self.body
        );
        json["error"]["code"].as_str().expect("a code").to_owned()
    }
}

/// Reads one answer: its head, then a body of its Content-Length (an
/// interim `100 Continue` has none).
pub fn read_answer(stream: &mut TcpStream) -> Answer {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte) {
            Ok(1) => head.push(byte[0]),
            Ok(_) => panic!(
                "closed before an answer: {:?}",
                String::from_utf8_lossy(&head)
            ),
            Err(e) => panic!("no answer ({e}) after {:?}", String::from_utf8_lossy(&head)),
        }
    }
    let text = String::from_utf8(head).expect("an ASCII head");
    let mut lines = text.split("\r\n");
    let status = lines
        .next()
        .and_then(|line| line.split(' ').nth(1))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .map_or(0, |(_, value)| value.parse().expect("a length"));
    let mut body = vec![0; length];
    stream.read_exact(&mut body).expect("the whole body");
    Answer {
        status,
        headers,
        body: String::from_utf8(body).expect("a UTF-8 body"),
    }
}

/// What the other end did within `wait`.
#[derive(Debug, PartialEq, Eq)]
pub enum Seen {
    /// It closed (or reset) the connection.
    Closed,
    /// Nothing: the connection is still open.
    Open,
    /// It sent bytes.
    Data,
}

pub fn watch(stream: &mut TcpStream, wait: Duration) -> Seen {
    stream.set_read_timeout(Some(wait)).unwrap();
    let mut byte = [0u8; 1];
    let seen = match stream.read(&mut byte) {
        Ok(0) => Seen::Closed,
        Ok(_) => Seen::Data,
        Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => Seen::Open,
        Err(e) if is_closed(&e) => Seen::Closed,
        Err(e) => panic!("reading: {e}"),
    };
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    seen
}

/// Writes `bytes`; `false` when the server has closed the connection.
pub fn send(stream: &mut TcpStream, bytes: &[u8]) -> bool {
    match stream.write_all(bytes) {
        Ok(()) => true,
        Err(e) if is_closed(&e) => false,
        Err(e) => panic!("writing: {e}"),
    }
}

fn is_closed(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted | ErrorKind::BrokenPipe
    )
}
