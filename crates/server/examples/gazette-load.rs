//! Load benchmark for a running gazette-server (it starts nothing itself).
//!
//! ```text
//! cargo run --release -p gazette-server --example gazette-load -- \
//!     --url http://127.0.0.1:8080/api --readers 16 --writers 4 --seconds 10
//! ```
//!
//! `--url` may be given several times (servers on one database): tasks are
//! spread over them in turn, and the check reads the first one.
//!
//! Readers cycle through GET front.json, articles/{slug}.json and
//! articles/{slug}/comments.json; writers POST comments to the same article
//! with fresh Idempotency-Keys. At the end it prints throughput and p50/p99
//! latency per kind, and checks that the comments stored (the listing's
//! length before and after) equal the 201 answers; exit status 1 if not.
//! Only loopback servers are accepted. Start the server with a rate limit
//! above what the writers send (e.g. `--rate-limit 0`), or most posts are 429.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, RandomState};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use serde_json::Value;

const MAX_TASKS: usize = 200;
const MAX_SECONDS: u64 = 60;

#[derive(Parser)]
#[command(
    name = "gazette-load",
    about = "Load benchmark for a running gazette-server on this machine"
)]
struct Args {
    /// The API root of a server on loopback (127.0.0.1, localhost or [::1]);
    /// repeat it for several servers on one database.
    #[arg(long = "url", default_value = "http://127.0.0.1:8080/api")]
    urls: Vec<String>,
    /// Concurrent reading tasks.
    #[arg(long, default_value_t = 8)]
    readers: usize,
    /// Concurrent posting tasks.
    #[arg(long, default_value_t = 2)]
    writers: usize,
    /// How long to run (at most 60).
    #[arg(long, default_value_t = 10)]
    seconds: u64,
    /// The article to read and post to; default: the first open one on the front page.
    #[arg(long)]
    article: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Kind {
    Front,
    Article,
    Comments,
    Post,
}

#[derive(Default)]
struct Tally {
    latencies_us: BTreeMap<Kind, Vec<u64>>,
    errors: BTreeMap<Kind, u64>,
    post_statuses: BTreeMap<u16, u64>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(message) = check_args(&args) {
        eprintln!("gazette-load: {message}");
        return ExitCode::from(2);
    }
    let apis: Vec<String> = args
        .urls
        .iter()
        .map(|url| url.trim_end_matches('/').to_owned())
        .collect();
    let api = apis[0].clone();
    let agent = agent();
    let article = match args
        .article
        .clone()
        .map(Ok)
        .unwrap_or_else(|| pick_article(&agent, &api))
    {
        Ok(article) => article,
        Err(e) => {
            eprintln!("gazette-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    let listing = format!("{api}/articles/{article}/comments.json");
    let before = match count_comments(&agent, &listing) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("gazette-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "gazette-load: {} readers, {} writers, {} s against {} (article {article})",
        args.readers,
        args.writers,
        args.seconds,
        apis.join(" and ")
    );

    let run_id = RandomState::new().hash_one(std::process::id());
    let started = Instant::now();
    let deadline = started + Duration::from_secs(args.seconds);
    let mut tasks = Vec::new();
    for reader in 0..args.readers {
        let api = &apis[reader % apis.len()];
        let urls = [
            (Kind::Front, format!("{api}/front.json")),
            (Kind::Article, format!("{api}/articles/{article}.json")),
            (
                Kind::Comments,
                format!("{api}/articles/{article}/comments.json"),
            ),
        ];
        tasks.push(std::thread::spawn(move || {
            read_loop(reader, &urls, deadline)
        }));
    }
    for writer in 0..args.writers {
        let url = format!("{}/articles/{article}/comments", apis[writer % apis.len()]);
        tasks.push(std::thread::spawn(move || {
            write_loop(writer, &url, run_id, deadline)
        }));
    }
    let mut tally = Tally::default();
    for task in tasks {
        let part = task.join().expect("task panicked");
        for (kind, mut latencies) in part.latencies_us {
            tally
                .latencies_us
                .entry(kind)
                .or_default()
                .append(&mut latencies);
        }
        for (kind, n) in part.errors {
            *tally.errors.entry(kind).or_default() += n;
        }
        for (status, n) in part.post_statuses {
            *tally.post_statuses.entry(status).or_default() += n;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    let after = match count_comments(&agent, &listing) {
        Ok(n) => n,
        Err(e) => {
            eprintln!("gazette-load: {e}");
            return ExitCode::FAILURE;
        }
    };
    report(&tally, elapsed, before, after)
}

fn check_args(args: &Args) -> Result<(), String> {
    if args.readers + args.writers == 0 || args.readers + args.writers > MAX_TASKS {
        return Err(format!("--readers plus --writers must be 1 to {MAX_TASKS}"));
    }
    if args.seconds == 0 || args.seconds > MAX_SECONDS {
        return Err(format!("--seconds must be 1 to {MAX_SECONDS}"));
    }
    if let Some(article) = &args.article {
        if !gazette_model::routes::is_valid_slug(article) {
            return Err(format!("--article {article:?} is not a slug"));
        }
    }
    args.urls.iter().try_for_each(|url| check_loopback(url))
}

/// Only servers on this machine: http://127.0.0.1, localhost or [::1].
fn check_loopback(url: &str) -> Result<(), String> {
    let refuse = || {
        Err(format!(
            "refusing {url:?}: only http://127.0.0.1, http://localhost or http://[::1] servers"
        ))
    };
    let Some(rest) = url.strip_prefix("http://") else {
        return refuse();
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return refuse();
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        match v6.split_once(']') {
            Some((host, port)) => (format!("[{host}]"), port),
            None => return refuse(),
        }
    } else {
        let colon = authority.find(':').unwrap_or(authority.len());
        (authority[..colon].to_owned(), &authority[colon..])
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|p| !p.is_empty() && p.parse::<u16>().is_ok());
    let host_ok = matches!(
        host.to_ascii_lowercase().as_str(),
        "127.0.0.1" | "localhost" | "[::1]"
    );
    if host_ok && port_ok {
        Ok(())
    } else {
        refuse()
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

fn get_json(agent: &ureq::Agent, url: &str) -> Result<Value, String> {
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| format!("GET {url}: {e}"))?;
    if response.status() != 200 {
        return Err(format!("GET {url}: status {}", response.status()));
    }
    response
        .body_mut()
        .read_json()
        .map_err(|e| format!("GET {url}: {e}"))
}

fn pick_article(agent: &ureq::Agent, api: &str) -> Result<String, String> {
    let front = get_json(agent, &format!("{api}/front.json"))?;
    for summary in front["articles"].as_array().into_iter().flatten() {
        let Some(slug) = summary["slug"].as_str() else {
            continue;
        };
        let article = get_json(agent, &format!("{api}/articles/{slug}.json"))?;
        if article["comments_open"].as_bool() != Some(false) {
            return Ok(slug.to_owned());
        }
    }
    Err("no article open to comments on the front page; pass --article".to_owned())
}

fn count_comments(agent: &ureq::Agent, listing: &str) -> Result<usize, String> {
    let list = get_json(agent, listing)?;
    list["comments"]
        .as_array()
        .map(Vec::len)
        .ok_or_else(|| format!("{listing}: no comments array"))
}

fn read_loop(reader: usize, urls: &[(Kind, String); 3], deadline: Instant) -> Tally {
    let agent = agent();
    let mut tally = Tally::default();
    let mut i = reader;
    while Instant::now() < deadline {
        let (kind, url) = &urls[i % urls.len()];
        i += 1;
        let start = Instant::now();
        let ok = match agent.get(url).call() {
            Ok(mut response) => {
                response.status() == 200 && response.body_mut().read_to_vec().is_ok()
            }
            Err(_) => false,
        };
        record(&mut tally, *kind, start, ok);
    }
    tally
}

fn write_loop(writer: usize, url: &str, run_id: u64, deadline: Instant) -> Tally {
    let agent = agent();
    let mut tally = Tally::default();
    let mut n: u64 = 0;
    while Instant::now() < deadline {
        n += 1;
        let key = format!(
            "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
            run_id >> 32,
            run_id & 0xffff,
            writer & 0xfff,
            (run_id >> 16) & 0xfff,
            n
        );
        let body = serde_json::json!({
            "parent_id": null,
            "author": format!("charge-{writer}"),
            "title": "",
            "body": format!("Message {n} de la tâche {writer}."),
            "website": "",
        })
        .to_string();
        let start = Instant::now();
        let result = agent
            .post(url)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", &key)
            .send(&body);
        let ok = match result {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let _ = response.body_mut().read_to_vec();
                *tally.post_statuses.entry(status).or_default() += 1;
                status == 201
            }
            Err(_) => {
                *tally.post_statuses.entry(0).or_default() += 1;
                false
            }
        };
        record(&mut tally, Kind::Post, start, ok);
    }
    tally
}

fn record(tally: &mut Tally, kind: Kind, start: Instant, ok: bool) {
    tally
        .latencies_us
        .entry(kind)
        .or_default()
        .push(start.elapsed().as_micros() as u64);
    if !ok {
        *tally.errors.entry(kind).or_default() += 1;
    }
}

fn percentile(sorted: &[u64], p: usize) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let index = (sorted.len() * p / 100).min(sorted.len() - 1);
    sorted[index] as f64 / 1000.0
}

fn report(tally: &Tally, elapsed: f64, before: usize, after: usize) -> ExitCode {
    println!(
        "{:<9} {:>9} {:>7} {:>9} {:>8} {:>8}",
        "kind", "requests", "errors", "req/s", "p50 ms", "p99 ms"
    );
    let mut total = 0;
    for (kind, latencies) in &tally.latencies_us {
        let mut sorted = latencies.clone();
        sorted.sort_unstable();
        total += sorted.len();
        println!(
            "{:<9} {:>9} {:>7} {:>9.1} {:>8.2} {:>8.2}",
            format!("{kind:?}").to_lowercase(),
            sorted.len(),
            tally.errors.get(kind).copied().unwrap_or(0),
            sorted.len() as f64 / elapsed,
            percentile(&sorted, 50),
            percentile(&sorted, 99),
        );
    }
    println!(
        "total     {total:>9} requests in {elapsed:.1} s: {:.1} req/s",
        total as f64 / elapsed
    );
    let statuses: Vec<String> = tally
        .post_statuses
        .iter()
        .map(|(status, n)| match status {
            0 => format!("transport error x{n}"),
            s => format!("{s} x{n}"),
        })
        .collect();
    let created = tally.post_statuses.get(&201).copied().unwrap_or(0) as usize;
    println!(
        "POST answers: {}",
        if statuses.is_empty() {
            "none".to_owned()
        } else {
            statuses.join(", ")
        }
    );
    if tally.post_statuses.contains_key(&429) {
        println!("note: 429 answers mean the server's --rate-limit is below the writers' pace");
    }
    let stored = after.saturating_sub(before);
    let verdict = if after >= before && stored == created {
        "OK"
    } else {
        "MISMATCH"
    };
    println!("201 answers: {created}; comments stored: {stored} (listing {before} -> {after}): {verdict}");
    if verdict == "OK" {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod tests {
    use super::check_loopback;

    #[test]
    fn only_loopback_urls() {
        for ok in [
            "http://127.0.0.1:8080/api",
            "http://localhost/api",
            "http://LOCALHOST:1/api",
            "http://[::1]:8080/api",
            "http://127.0.0.1",
        ] {
            assert!(check_loopback(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1:8080/api",
            "http://127.0.0.2/api",
            "http://example.org/api",
            "https://127.0.0.1/api",
            "http://127.0.0.1.evil.example/api",
            "http://user@example.org@127.0.0.1/",
            "http://127.0.0.1@example.org/",
            "http://localhost:99999/",
            "http://[::2]/",
            "127.0.0.1:8080",
        ] {
            assert!(check_loopback(bad).is_err(), "{bad}");
        }
    }
}
