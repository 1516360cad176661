//! How a prerendered page loads the app. Trunk's loader fetches the app from
//! the start; on a page that is read before the app arrives, the app should
//! not compete with the page's own bytes (its CSS and images), nor count in
//! its largest paint. A prerendered page gets a loader that fetches the .js
//! and .wasm once the page has loaded and painted, and no preload of them.
//! Both are still checked against the hashes Trunk wrote (subresource
//! integrity): the .js through a `modulepreload` added when the app starts,
//! the .wasm through `fetch`'s `integrity`.

use crate::markup::{attr, tag};

/// `page` with Trunk's loader and preloads swapped for the late loader.
pub fn start_app_after_paint(page: &str) -> Result<String, String> {
    let js_link =
        tag(page, "<link rel=\"modulepreload\"").ok_or("no modulepreload of the app's .js")?;
    let js = attr(js_link, "href").ok_or("no href on the .js modulepreload")?;
    let wasm_link = page
        .match_indices("<link rel=\"preload\"")
        .filter_map(|(at, _)| tag(&page[at..], "<link"))
        .find(|tag| tag.contains("type=\"application/wasm\""))
        .ok_or("no preload of the app's .wasm")?;
    let wasm = attr(wasm_link, "href").ok_or("no href on the .wasm preload")?;
    let js_integrity = attr(js_link, "integrity").ok_or("no integrity on the .js modulepreload")?;
    let wasm_integrity = attr(wasm_link, "integrity").ok_or("no integrity on the .wasm preload")?;
    let from = page
        .find("<script type=\"module\">")
        .ok_or("no module script in the shell")?;
    let to = from
        + page[from..]
            .find("</script>")
            .ok_or("unclosed module script")?
        + "</script>".len();
    let trunk_loader = &page[from..to];
    if !trunk_loader.contains(js) || !trunk_loader.contains(wasm) {
        return Err("the shell's module script does not load the app's .js and .wasm".into());
    }
    let loader = format!(
        r#"<script type="module">
// The page is prerendered: fetch the app once it has loaded and painted.
const start = async () => {{
  const js = document.createElement("link");
  js.rel = "modulepreload"; js.href = "{js}"; js.crossOrigin = "anonymous";
  js.integrity = "{js_integrity}";
  // A browser without modulepreload (Safari < 17) imports it unchecked.
  if (js.relList.supports && js.relList.supports("modulepreload")) await new Promise((loaded, failed) => {{
    js.onload = loaded; js.onerror = failed; document.head.append(js);
  }});
  const bindings = await import("{js}");
  const wasm = await bindings.default({{
    module_or_path: fetch("{wasm}", {{ integrity: "{wasm_integrity}" }}),
  }});
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{ detail: {{ wasm }} }}));
}};
const afterPaint = () => requestAnimationFrame(() => setTimeout(start));
// A reader who chose another language does not see this page (index.html).
if ("otherLang" in document.documentElement.dataset) start();
else if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, {{ once: true }});
</script>"#
    );
    Ok(page
        .replacen(trunk_loader, &loader, 1)
        .replacen(js_link, "", 1)
        .replacen(wasm_link, "", 1))
}

#[cfg(test)]
mod tests {
    use super::start_app_after_paint;

    const SHELL: &str = concat!(
        "<head><title>t</title><script type=\"module\">\nimport init, * as bindings from '/g-1.js';\n",
        "const wasm = await init({ module_or_path: '/g-1_bg.wasm' });\n</script>\n",
        "<link rel=\"modulepreload\" href=\"/g-1.js\" crossorigin=\"anonymous\" integrity=\"sha384-J\">",
        "<link rel=\"preload\" href=\"/g-1_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-W\" as=\"fetch\" type=\"application/wasm\"></head>"
    );

    #[test]
    fn the_app_loads_after_the_page_paints() {
        let page = start_app_after_paint(SHELL).unwrap();
        assert!(
            !page.contains("<link rel=\"modulepreload\"") && !page.contains("rel=\"preload\""),
            "{page}"
        );
        assert!(!page.contains("import init"), "{page}");
        assert!(page.contains(r#"await import("/g-1.js")"#), "{page}");
        assert!(
            page.contains(r#"fetch("/g-1_bg.wasm", { integrity: "sha384-W" })"#),
            "{page}"
        );
        assert!(page.contains(r#"js.integrity = "sha384-J""#), "{page}");
        assert!(
            page.contains(r#"addEventListener("load", afterPaint"#),
            "{page}"
        );
        assert!(
            page.starts_with("<head><title>t</title><script type=\"module\">")
                && page.ends_with("</script>\n</head>")
        );
    }

    #[test]
    fn a_shell_without_trunks_loader_is_an_error() {
        assert!(start_app_after_paint("<head><title>t</title></head>").is_err());
        let other = SHELL.replace(
            "import init, * as bindings from '/g-1.js';",
            "import '/other.js';",
        );
        assert!(start_app_after_paint(&other).is_err());
    }
}
