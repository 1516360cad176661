//! Writes the read pages of the built app as static HTML, rendered by the
//! app's own components from the demo content (see crates/render).
//!
//! Usage: gazette-prerender [DIST] [API]   (defaults: dist public/api)
//!
//! DIST/index.html, as Trunk wrote it, becomes DIST/shell.html: the page for
//! every path that has no file of its own (a server's fallback). Then:
//! `/` → index.html, `/section/{slug}` → section/{slug}.html,
//! `/article/{slug}` → article/{slug}.html and `/article/{slug}/comments` →
//! article/{slug}/comments.html.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gazette_model::contract::Site;

use gazette_render::{data_for, render};

/// A page to write: the app's path, and the file, relative to DIST.
struct Page {
    url: String,
    file: String,
}

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
    write(&dist.join("shell.html"), &shell)?;

    let site_json = read(&api.join("site.json"))?;
    let site: Site = serde_json::from_str(&site_json).map_err(|e| format!("site.json: {e}"))?;
    let page = |url: String, file: String| Page { url, file };
    let mut pages = vec![page("/".into(), "index.html".into())];
    for section in &site.sections {
        if api
            .join(format!("sections/{}.json", section.slug))
            .is_file()
        {
            pages.push(page(
                format!("/section/{}", section.slug),
                format!("section/{}.html", section.slug),
            ));
        }
    }
    for slug in json_files_in(&api.join("articles"))? {
        pages.push(page(
            format!("/article/{slug}"),
            format!("article/{slug}.html"),
        ));
        if api.join(format!("articles/{slug}/comments.json")).is_file() {
            pages.push(page(
                format!("/article/{slug}/comments"),
                format!("article/{slug}/comments.html"),
            ));
        }
    }

    for page in &pages {
        let paths =
            data_for(&page.url).ok_or_else(|| format!("{} is not rendered ahead", page.url))?;
        let data = paths
            .into_iter()
            .map(|path| Ok((path.clone(), read(&api.join(&path))?)))
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
