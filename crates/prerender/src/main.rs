#![recursion_limit = "256"]
//! Writes the read pages of the built app as static HTML, rendered by the
//! app's own components from the demo content (see `page.rs`).
//!
//! Usage: gazette-prerender [DIST] [API]   (defaults: dist public/api)
//!
//! DIST/index.html, as Trunk wrote it, becomes DIST/shell.html: the page for
//! every path that has no file of its own (a server's fallback). Then:
//! `/` → index.html, `/section/{slug}` → section/{slug}.html and
//! `/article/{slug}` → article/{slug}.html.

mod loader;
mod page;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gazette_model::contract::Site;

use crate::page::{render, Page};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let dist = PathBuf::from(args.next().unwrap_or_else(|| "dist".into()));
    let api = PathBuf::from(args.next().unwrap_or_else(|| "public/api".into()));
    match run(&dist, &api) {
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

fn run(dist: &Path, api: &Path) -> Result<usize, String> {
    let shell = read(&dist.join("shell.html")).or_else(|_| read(&dist.join("index.html")))?;
    if !shell.contains("<link rel=\"modulepreload\"") && !shell.contains("<script type=\"module\"")
    {
        return Err(format!("{} is not the app's index.html", dist.display()));
    }
    write(&dist.join("shell.html"), &shell)?;

    let site_json = read(&api.join("site.json"))?;
    let site: Site = serde_json::from_str(&site_json).map_err(|e| format!("site.json: {e}"))?;
    let mut pages = vec![Page::new("/", "index.html", &["site.json", "front.json"])];
    for section in &site.sections {
        let data = format!("sections/{}.json", section.slug);
        if api.join(&data).is_file() {
            pages.push(Page::new(
                &format!("/section/{}", section.slug),
                &format!("section/{}.html", section.slug),
                &["site.json", &data],
            ));
        }
    }
    for slug in json_files_in(&api.join("articles"))? {
        pages.push(Page::new(
            &format!("/article/{slug}"),
            &format!("article/{slug}.html"),
            &["site.json", &format!("articles/{slug}.json")],
        ));
    }

    for page in &pages {
        let data = page
            .data
            .iter()
            .map(|path| Ok((path.clone(), read(&api.join(path))?)))
            .collect::<Result<Vec<_>, String>>()?;
        let html = render(&shell, &page.url, &data)?;
        let out = dist.join(&page.file);
        if let Some(folder) = out.parent() {
            fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        write(&out, &html)?;
    }
    Ok(pages.len())
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

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
