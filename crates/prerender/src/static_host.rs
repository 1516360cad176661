//! `_headers` and `_redirects` for static hosts that read them (the format
//! Netlify and Cloudflare Pages share), with the rules of the nginx file
//! (deploy/nginx/gazette.conf): hashed files cached for a year as
//! `immutable`, everything else revalidated (`no-cache`); a comment's
//! sub-thread (of each article of the build) and `/moderation` served from
//! the app's shell; `/x` from `x.html` (both hosts do this by themselves),
//! and every other path from `404.html` with a 404 status (both do this by
//! themselves too).
//!
//! What these files cannot say: a method. Neither format matches on one,
//! so unlike nginx (405 with `Allow` for anything but GET and HEAD) what a
//! POST or PUT gets is the host's own answer. Cloudflare Pages redirects
//! `/x.html` to `/x` by itself; Netlify serves the file there too, which
//! the app shows as the page `/x` (`Route::parse`). And Cloudflare reads at
//! most [`DYNAMIC_RULES`] rules with a placeholder: past that many
//! articles, one rule serves every article's permalinks, those of articles
//! that do not exist included (a 200, whose page says "not found").

use std::fs;
use std::path::Path;

use gazette_model::routes::{is_hashed_asset, Route};

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const REVALIDATE: &str = "no-cache";

/// The nginx include with the headers every answer carries
/// (deploy/nginx/gazette.conf includes it from the site's folder).
pub const NGINX_HEADERS: &str = "nginx-headers.conf";

/// The rules with a placeholder or splat Cloudflare Pages reads (it reads
/// 2,000 without).
pub const DYNAMIC_RULES: usize = 100;

/// `_redirects`: the pages that have no file of their own, for the build's
/// `articles`.
pub fn redirects(articles: &[String]) -> String {
    let mut out = String::from(
        "# Pages without a file of their own are the app's (written by gazette-prerender).\n",
    );
    // Rules without a placeholder first, as Cloudflare asks.
    out += &format!("{} /shell.html 200\n", Route::Moderation.href());
    let permalinks: Vec<String> = if articles.len() <= DYNAMIC_RULES {
        articles
            .iter()
            .map(|slug| Route::comment(slug, ":id").href())
            .collect()
    } else {
        out += "# More articles than a host reads rules with placeholders: one rule for all.\n";
        vec![Route::comment(":slug", ":id").href()]
    };
    for from in permalinks {
        out += &format!("{from} /shell.html 200\n");
    }
    out
}

/// `_headers` for the files in `dist`. A host joins the values of one header
/// when several rules match a path, so each path gets one `Cache-Control`
/// rule: a splat for a folder without hashed files, else one rule a file.
pub fn headers(dist: &Path, every: &[(&str, String)]) -> Result<String, String> {
    let mut out = String::from("# Headers by path (written by gazette-prerender).\n/*\n");
    for (name, value) in every {
        out += &format!("  {name}: {value}\n");
    }
    let mut rule = |path: &str, value: &str| out += &format!("{path}\n  Cache-Control: {value}\n");
    rule("/", REVALIDATE);
    rule(&Route::Moderation.href(), REVALIDATE);
    let mut entries = list(dist)?;
    entries.sort();
    for (name, is_dir) in entries {
        if !is_dir {
            rule(&format!("/{name}"), cache_of(&name));
            continue;
        }
        let files = files_under(&dist.join(&name), &name)?;
        if files.iter().any(|f| is_hashed_asset(f)) {
            if files.iter().any(|f| f.ends_with("/index.html")) {
                rule(&format!("/{name}/"), REVALIDATE);
            }
            for file in files {
                rule(&format!("/{file}"), cache_of(&file));
            }
        } else {
            rule(&format!("/{name}/*"), REVALIDATE);
        }
    }
    Ok(out)
}

/// The nginx include: `every` header on every answer (`always`: errors too).
pub fn nginx_headers(every: &[(&str, String)]) -> String {
    let mut out = String::from(
        "# The security headers of this build, written by gazette-prerender and\n\
         # included by deploy/nginx/gazette.conf: the policy lists the hashes of\n\
         # this build's inline scripts, so it is written again with every build.\n",
    );
    for (name, value) in every {
        out += &format!("add_header {name} \"{value}\" always;\n");
    }
    out
}

fn cache_of(path: &str) -> &'static str {
    if is_hashed_asset(path) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// The names in `dir`, each with whether it is a folder.
fn list(dir: &Path) -> Result<Vec<(String, bool)>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "_headers" || name == "_redirects" || name == NGINX_HEADERS {
            continue;
        }
        names.push((name, entry.path().is_dir()));
    }
    Ok(names)
}

/// Every file under `dir`, as paths starting with `prefix`.
fn files_under(dir: &Path, prefix: &str) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for (name, is_dir) in list(dir)? {
        let path = format!("{prefix}/{name}");
        if is_dir {
            files.extend(files_under(&dir.join(&name), &path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
#[path = "static_host_tests.rs"]
mod tests;
