//! dist/sw.js: the service worker (sw.js in this folder) with this build's
//! files. Its bytes change with every build whose files change, which is
//! how browsers find a new version.

use gazette_model::routes::{SAVED_ARTICLES, SERVICE_WORKER};
use gazette_render::security::page_api_root;

const TEMPLATE: &str = include_str!("sw.js");

/// Where the shell is kept: what the worker answers offline for a page it
/// never saved.
const SHELL: &str = "/shell.html";

/// Articles a reader keeps for offline reading unless the build says
/// otherwise (`GAZETTE_OFFLINE_ARTICLES`).
pub const MAX_ARTICLES: usize = 50;

/// The worker for the build whose shell (Trunk's index.html) is `shell`,
/// keeping the last `max_articles` articles opened.
pub fn service_worker(shell: &str, max_articles: usize) -> Result<String, String> {
    let mut app = vec![SHELL.to_owned()];
    for (start, what) in [
        ("<link rel=\"modulepreload\"", "the app's .js"),
        ("<link rel=\"stylesheet\"", "the stylesheet"),
        ("<link rel=\"icon\"", "the icon"),
    ] {
        app.push(href(shell, start).ok_or_else(|| format!("the shell has no link to {what}"))?);
    }
    let wasm = shell
        .match_indices("<link rel=\"preload\"")
        .filter_map(|(at, _)| gazette_render::markup::tag(&shell[at..], "<link"))
        .find(|tag| tag.contains("type=\"application/wasm\""))
        .and_then(|tag| gazette_render::markup::attr(tag, "href"))
        .ok_or("the shell has no preload of the app's .wasm")?;
    app.push(wasm.to_owned());
    let app_json = serde_json::to_string(&app).map_err(|e| e.to_string())?;
    let api = serde_json::to_string(page_api_root(shell)).map_err(|e| e.to_string())?;
    let build = format!("{:016x}", fnv1a(&(TEMPLATE.to_owned() + &app_json)));
    Ok(TEMPLATE
        .replace("{{BUILD}}", &build)
        .replace("{{APP}}", &app_json)
        .replace("{{SHELL}}", SHELL)
        .replace("\"{{API}}\"", &api)
        .replace("{{SAVED}}", SAVED_ARTICLES)
        .replace("{{MAX_ARTICLES}}", &max_articles.to_string()))
}

/// The file the worker is written to, under dist/.
pub fn file_name() -> &'static str {
    SERVICE_WORKER.trim_start_matches('/')
}

fn href(shell: &str, start: &str) -> Option<String> {
    let tag = gazette_render::markup::tag(shell, start)?;
    gazette_render::markup::attr(tag, "href").map(str::to_owned)
}

/// FNV-1a, 64 bits: a name for the build, not a security measure.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL_HTML: &str = concat!(
        "<head><meta name=\"api-root\" content=\"https://c.example/api\">",
        "<link rel=\"icon\" href=\"/logo-1.svg\" integrity=\"x\"/>",
        "<link rel=\"stylesheet\" href=\"/main-1.css\" integrity=\"x\"/>",
        "<link rel=\"modulepreload\" href=\"/g-1.js\" crossorigin=\"anonymous\">",
        "<link rel=\"preload\" href=\"/g-1_bg.wasm\" as=\"fetch\" type=\"application/wasm\"></head>"
    );

    #[test]
    fn the_worker_knows_this_builds_files() {
        let worker = service_worker(SHELL_HTML, MAX_ARTICLES).unwrap();
        assert!(worker.contains(
            r#"const APP = ["/shell.html","/g-1.js","/main-1.css","/logo-1.svg","/g-1_bg.wasm"];"#
        ));
        assert!(worker.contains(r#"new URL("https://c.example/api""#));
        assert!(worker.contains(r#"const SAVED = "/saved-articles.json";"#));
        assert!(worker.contains("const MAX_ARTICLES = 50;"));
        assert!(!worker.contains("{{"), "every blank filled");
    }

    #[test]
    fn another_build_is_another_worker() {
        let next = SHELL_HTML.replace("g-1", "g-2");
        let (one, two) = (
            service_worker(SHELL_HTML, MAX_ARTICLES).unwrap(),
            service_worker(&next, MAX_ARTICLES).unwrap(),
        );
        let build = |w: &str| {
            w.lines()
                .find(|l| l.starts_with("const BUILD"))
                .unwrap()
                .to_owned()
        };
        assert_ne!(build(&one), build(&two));
    }

    #[test]
    fn a_shell_without_the_app_is_an_error() {
        assert!(service_worker("<head></head>", MAX_ARTICLES).is_err());
    }
}
