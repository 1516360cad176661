//! Writes the read pages of the built app as static HTML, rendered by the
//! app's own components from the demo content (see crates/render).
//!
//! Usage: gazette-prerender [DIST] [API]   (defaults: dist public/api)
//!
//! DIST/index.html, as Trunk wrote it, becomes DIST/shell.html: the page for
//! every path that has no file of its own (a server's fallback). Then each
//! route of the content (the front page, each section, each article and its
//! thread) goes to the file `Route::file` names, e.g. `/article/{slug}` →
//! article/{slug}.html.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use gazette_model::contract::Site;
use gazette_model::routes::{api, Route};

use gazette_render::render;

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

fn run(dist: &Path, api_dir: &Path) -> Result<usize, String> {
    let shell = read(&dist.join("shell.html")).or_else(|_| read(&dist.join("index.html")))?;
    write(&dist.join("shell.html"), &shell)?;

    let site_json = read(&api_dir.join(api::SITE))?;
    let site: Site = serde_json::from_str(&site_json).map_err(|e| format!("site.json: {e}"))?;
    let mut routes = vec![Route::Front];
    for section in &site.sections {
        if api_dir.join(api::section(&section.slug)).is_file() {
            routes.push(Route::section(&section.slug));
        }
    }
    for slug in json_files_in(&api_dir.join("articles"))? {
        routes.push(Route::article(&slug));
        if api_dir.join(api::comments(&slug)).is_file() {
            routes.push(Route::thread(&slug));
        }
    }

    for route in &routes {
        let file = route
            .file()
            .ok_or_else(|| format!("{} has no file of its own", route.href()))?;
        let data = route
            .inline_paths()
            .into_iter()
            .map(|path| Ok((path.clone(), read(&api_dir.join(&path))?)))
            .collect::<Result<Vec<_>, String>>()?;
        let html = render(&shell, &route.href(), &data)?;
        let out = dist.join(file);
        if let Some(folder) = out.parent() {
            fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        write(&out, &html)?;
    }
    Ok(routes.len())
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
