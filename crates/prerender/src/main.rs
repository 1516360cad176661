//! Writes the read pages of the built app as static HTML, rendered by the
//! app's own components from the demo content (see crates/render).
//!
//! Usage: gazette-prerender [DIST] [API] [ORIGIN], or
//! gazette-prerender --comment-pages SLUG FLAT OUT to page one listing.
//! (defaults: dist public/api; ORIGIN, such as `https://news.example`, is
//! needed when site.json has no `canonical_origin`: absolute URLs in the
//! pages' heads, the feeds and the sitemaps are on it.)
//!
//! DIST/index.html, as Trunk wrote it, becomes DIST/shell.html: the page for
//! every path that has no file of its own (a server's fallback). Then each
//! route of the content (the front page, each section, each article and its
//! thread) goes to the file `Route::file` names, e.g. `/article/{slug}` →
//! article/{slug}.html; the not-found page to 404.html; the sitemaps,
//! robots.txt and the Atom feeds to their `SiteFile` addresses; and
//! `_headers` and `_redirects` for static hosts and the nginx include of
//! the security headers (static_host.rs), with one Content-Security-Policy
//! for the whole site that lists every inline script's hash (each page also
//! carries its own in a `<meta http-equiv>`; GAZETTE_HSTS=1 adds
//! Strict-Transport-Security); and sw.js, the service worker of this build
//! (service_worker.rs; GAZETTE_OFFLINE_ARTICLES sets how many articles a
//! reader keeps offline, 50 by default).
//!
//! Each comment listing of API, flat as a site exports it, goes by pages
//! into DIST/api (comment_pages.rs, contract 1.1): `comments.json` becomes
//! page 1, the rest `comments/pages/{n}.json`; a rendered thread carries
//! page 1 inline. No sub-thread files: on a static host the app reads a
//! permalink's comment from the pages.

mod comment_pages;
mod service_worker;
mod static_host;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gazette_model::contract::Site;
use gazette_model::routes::{api, Route};

use gazette_render::security::{self, with_meta_policy};
use gazette_render::site_files::{self, Catalogue};
use gazette_render::{render, render_not_found};

/// The page a static host serves for a path it has no file for.
const NOT_FOUND_FILE: &str = "404.html";
/// The folder of DIST the static API is served from (index.html's
/// `api-root`, `/api`; Trunk copies public/api there).
const STATIC_API: &str = "api";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    if std::env::args().nth(1).as_deref() == Some("--comment-pages") {
        return comment_pages_only(args.skip(1).collect());
    }
    let dist = PathBuf::from(args.next().unwrap_or_else(|| "dist".into()));
    let api = PathBuf::from(args.next().unwrap_or_else(|| "public/api".into()));
    let origin = args.next();
    match run(&dist, &api, origin.as_deref()) {
        Ok(count) => {
            println!("prerendered {count} pages into {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gazette-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(dist: &Path, api_dir: &Path, origin: Option<&str>) -> Result<usize, String> {
    let shell = read(&dist.join("shell.html")).or_else(|_| read(&dist.join("index.html")))?;
    let shell = with_meta_policy(&shell);
    write(&dist.join("shell.html"), &shell)?;
    // Every page written, for the site's policy: the hashes of all their
    // inline scripts.
    let mut pages = vec![shell.clone()];
    let desk = dist.join("desk/index.html");
    if desk.is_file() {
        let page = with_meta_policy(&read(&desk)?);
        write(&desk, &page)?;
        pages.push(page);
    }

    let site_json = read(&api_dir.join(api::SITE))?;
    let site: Site = serde_json::from_str(&site_json).map_err(|e| format!("site.json: {e}"))?;
    let origin = match (&site.canonical_origin, origin) {
        (Some(canonical), _) => canonical.clone(),
        (None, Some(origin)) => origin.to_owned(),
        (None, None) => {
            return Err("site.json has no canonical_origin: give the site's origin \
                 (gazette-prerender DIST API https://news.example)"
                .into())
        }
    };
    let mut routes = vec![Route::Front];
    for section in &site.sections {
        if api_dir.join(api::section(&section.slug)).is_file() {
            routes.push(Route::section(&section.slug));
        }
    }
    let slugs = json_files_in(&api_dir.join("articles"))?;
    // Each listing by pages, into the static API the build serves; the
    // pages take their listing's data from page 1.
    let mut paged = std::collections::HashMap::new();
    for slug in &slugs {
        routes.push(Route::article(slug));
        let listing = api_dir.join(api::comments(slug));
        if listing.is_file() {
            routes.push(Route::thread(slug));
            for (path, json) in comment_pages::comment_pages(slug, &read(&listing)?)? {
                write(&dist.join(STATIC_API).join(&path), &json)?;
                paged.insert(path, json);
            }
        }
    }

    for route in &routes {
        let file = route
            .file()
            .ok_or_else(|| format!("{} has no file of its own", route.href()))?;
        let data = route
            .inline_paths()
            .into_iter()
            .map(|path| match paged.get(&path) {
                Some(json) => Ok((path.clone(), json.clone())),
                None => Ok((path.clone(), read(&api_dir.join(&path))?)),
            })
            .collect::<Result<Vec<_>, String>>()?;
        let html = render(&shell, &route.href(), &data, &origin)?;
        write(&dist.join(file), &html)?;
        pages.push(html);
    }
    let not_found = render_not_found(&shell, &site_json, &origin)?;
    write(&dist.join(NOT_FOUND_FILE), &not_found)?;
    pages.push(not_found);

    let catalogue = Catalogue::load(|path| read(&api_dir.join(path)).ok(), &slugs)?;
    for file in catalogue.files() {
        let body = site_files::write(&file, &catalogue, &origin)
            .ok_or_else(|| format!("{}: nothing to write", file.href()))?;
        write(&dist.join(&file.href()[1..]), &body)?;
    }
    let max_articles = match std::env::var("GAZETTE_OFFLINE_ARTICLES") {
        Ok(n) => n.parse::<usize>().ok().filter(|n| *n > 0).ok_or_else(|| {
            format!("GAZETTE_OFFLINE_ARTICLES must be a number above 0, not {n:?}")
        })?,
        Err(_) => service_worker::MAX_ARTICLES,
    };
    write(
        &dist.join(service_worker::file_name()),
        &service_worker::service_worker(&shell, max_articles)?,
    )?;
    let pages: Vec<&str> = pages.iter().map(String::as_str).collect();
    let hsts = std::env::var("GAZETTE_HSTS").is_ok_and(|v| v == "1");
    let every = security::headers(&security::site_policy(&pages, false), hsts);
    write(&dist.join("_redirects"), &static_host::redirects(&slugs))?;
    write(&dist.join("_headers"), &static_host::headers(dist, &every)?)?;
    write(
        &dist.join(static_host::NGINX_HEADERS),
        &static_host::nginx_headers(&every),
    )?;
    Ok(routes.len() + 1)
}

/// `gazette-prerender --comment-pages SLUG FLAT OUT`: writes the flat
/// listing FLAT of article SLUG by pages under the API folder OUT, alone
/// (bench/threads.mjs pages its generated threads so).
fn comment_pages_only(args: Vec<String>) -> ExitCode {
    let [slug, flat, out] = &args[..] else {
        eprintln!("usage: gazette-prerender --comment-pages SLUG FLAT OUT");
        return ExitCode::FAILURE;
    };
    let written = read(Path::new(flat))
        .and_then(|json| comment_pages::comment_pages(slug, &json))
        .and_then(|files| {
            for (path, json) in &files {
                write(&Path::new(out).join(path), json)?;
            }
            Ok(files.len())
        });
    match written {
        Ok(count) => {
            println!("wrote {count} pages into {out}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gazette-prerender: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The stems of the `.json` files directly in `dir`, sorted.
fn json_files_in(dir: &Path) -> Result<Vec<String>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut stems: Vec<String> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "json"))
        .filter_map(|path| path.file_stem().and_then(|s| s.to_str()).map(str::to_owned))
        .collect();
    stems.sort();
    Ok(stems)
}

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Writes `text` to `path`, making its folder.
fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(folder) = path.parent() {
        fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
