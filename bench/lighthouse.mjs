// Lighthouse 12.2.3 with its mobile defaults (simulated throttling: 4x CPU
// slowdown, slow 4G), performance category only, on the release build served
// by gazette-server: the front page, an article, the article's thread, and a
// plain static HTML "twin" of the same article. Median of RUNS runs each, one
// Lighthouse at a time, pages taken in turn within each round.
//
// The twin is generated here from the same JSON (public/api/articles/SLUG.json
// and public/api/site.json) with the same markup and class names the app
// renders (masthead, kicker, title, lede, meta, share button, hero image with
// width/height and credit, body blocks, tags, footer; not the related cards
// or the comments, which are below the fold) and links the same main-*.css.
// It is written as twin.html into a temp copy of dist/ that the same
// gazette-server process serves, so both pages get the same origin, the same
// brotli compression and the same cache headers.
//   node bench/lighthouse.mjs [--write] [--runs 5] [--slug budget-eau-casablanca]
//   node bench/lighthouse.mjs --twin    print the twin's HTML only
// Needs dist/ (scripts/build.sh) and target/release/gazette-server.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { replaceSection } from "./doc.mjs";
import { CHROME, CHROME_FLAGS, arg, loadNote, median, startServer } from "./harness.mjs";

const RUNS = Number(arg("runs", 5));
const SLUG = arg("slug", "budget-eau-casablanca");
const LIGHTHOUSE = "node_modules/.bin/lighthouse";

// ---- the static twin --------------------------------------------------------

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
// The date as written in its own offset, like the app shows it.
function frenchDate(at) {
  const [, y, m, d] = at.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}
// gazette_model::reading for French: 230 words per minute, elisions count
// twice, 12 s for the first image and one second less for each next one.
const ELISIONS = new Set(["l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"]);
function countWords(text = "") {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).reduce((n, t) => {
    const m = t.match(/^([^'’]*)['’](.)/u);
    const head = m?.[1].replace(/^[^\p{L}\p{N}]+/u, "").toLowerCase();
    return n + 1 + (m && ELISIONS.has(head) && /[\p{L}\p{N}]/u.test(m[2]) ? 1 : 0);
  }, 0);
}
function readingMinutes(article) {
  let words = 0;
  let images = article.image ? 1 : 0;
  for (const b of article.body) {
    if (b.type === "paragraph") words += countWords(b.text) + (b.spans ?? []).reduce((n, s) => n + countWords(s.text), 0);
    else if (b.type === "heading") words += countWords(b.text);
    else if (b.type === "quote") words += countWords(b.text) + countWords(b.cite);
    else if (b.type === "list") words += b.items.reduce((n, i) => n + countWords(i), 0);
    else if (b.type === "image") { images += 1; words += countWords(b.caption); }
  }
  let seconds = (words * 60) / 230;
  for (let i = 0; i < images; i++) seconds += Math.max(12 - i, 3);
  return Math.max(1, Math.round(seconds / 60));
}
const safeHref = (href) => (/^(https?:|mailto:|\/(?!\/))/i.test(href ?? "") ? href : null);
const caption = (text, credit) => (text || credit)
  ? `<figcaption>${text ? esc(text) : ""}${credit ? `<span class="credit"><span class="visually-hidden">Crédit photo : </span>${esc(credit)}</span>` : ""}</figcaption>`
  : "";
function span({ text, href, em, strong }) {
  let html = esc(text);
  if (em) html = `<em>${html}</em>`;
  if (strong) html = `<strong>${html}</strong>`;
  const url = safeHref(href);
  return url ? `<a href="${esc(url)}">${html}</a>` : html;
}
function block(b) {
  switch (b.type) {
    case "paragraph": return `<p>${b.text ? esc(b.text) : ""}${(b.spans ?? []).map(span).join("")}</p>`;
    case "heading": return `<h2>${esc(b.text)}</h2>`;
    case "quote": return `<figure class="quote"><blockquote><p>${esc(b.text)}</p></blockquote>${b.cite ? `<figcaption>${esc(b.cite)}</figcaption>` : ""}</figure>`;
    case "list": { const tag = b.ordered ? "ol" : "ul"; return `<${tag}>${b.items.map((i) => `<li>${esc(i)}</li>`).join("")}</${tag}>`; }
    case "image": {
      const src = safeHref(b.src);
      const size = `${b.width ? ` width="${b.width}"` : ""}${b.height ? ` height="${b.height}"` : ""}`;
      return src ? `<figure class="figure"><img src="${esc(src)}" alt="${esc(b.alt)}"${size} loading="lazy" decoding="async">${caption(b.caption, b.credit)}</figure>` : "";
    }
    default: return "";
  }
}
function twinHtml(article, site, cssHref) {
  const a = article;
  const dir = /^(ar|he|fa|ur)\b/.test(a.lang) ? "rtl" : "ltr";
  const authors = (a.authors ?? []).map((x) => x.name).join(", ");
  const share = (id) => `<div class="share" lang="${esc(a.lang)}" dir="${dir}"><button class="link-button share-button" type="button" aria-expanded="false" aria-controls="share-${id}">Partager</button></div>`;
  const hero = a.image && safeHref(a.image.src)
    ? `<figure class="hero"><img src="${esc(a.image.src)}" alt="${esc(a.image.alt)}" width="${a.image.width}" height="${a.image.height}" fetchpriority="high">${caption(null, a.image.credit)}</figure>`
    : "";
  return `<!DOCTYPE html>
<html lang="${esc(site.lang)}" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="description" content="${esc(a.lede ?? "")}">
<title>${esc(a.title)} — ${esc(site.name)}</title>
<link rel="stylesheet" href="${cssHref}">
</head>
<body>
<a class="skip-link" href="#main">Aller au contenu</a><header class="masthead"><div class="masthead-inner"><a href="/" class="site-name">${esc(site.name)}</a><div class="prefs"><label><span>Langue</span><select><option value="fr" lang="fr" selected>Français</option><option value="en" lang="en">English</option><option value="ar" lang="ar">العربية</option></select></label><label><span>Thème</span><select><option value="auto" selected>Automatique</option><option value="light">Clair</option><option value="dark">Sombre</option></select></label></div><button class="menu-button" type="button" aria-controls="section-menu" aria-expanded="false"><span aria-hidden="true" class="menu-icon"></span>Menu</button></div><nav class="section-menu" id="section-menu" aria-label="Rubriques"><ul><li><a href="/">À la une</a></li>${site.sections.map((s) => `<li><a href="/section/${esc(s.slug)}">${esc(s.name)}</a></li>`).join("")}</ul></nav></header>
<main id="main" tabindex="-1"><article class="article" lang="${esc(a.lang)}" dir="${dir}"><header class="article-header"><p class="kicker"><a href="/section/${esc(a.section.slug)}">${esc(a.section.name)}</a></p><h1>${esc(a.title)}</h1>${a.lede ? `<p class="lede">${esc(a.lede)}</p>` : ""}<p class="meta">${authors ? `<span class="byline">Par ${esc(authors)}</span>` : ""}<span>Publié le <time datetime="${esc(a.published_at)}">${frenchDate(a.published_at)}</time></span>${a.updated_at ? `<span>Mis à jour le <time datetime="${esc(a.updated_at)}">${frenchDate(a.updated_at)}</time></span>` : ""}<span class="badge">Temps de lecture : ${readingMinutes(a)} min</span></p>${share("top")}</header>${hero}<div class="body">${a.body.map(block).join("")}</div><footer class="article-share">${share("bottom")}</footer>${a.tags?.length ? `<section class="tags" aria-label="Mots-clés"><h2 class="visually-hidden">Mots-clés</h2><ul>${a.tags.map((t) => `<li>${esc(t)}</li>`).join("")}</ul></section>` : ""}</article></main>
<footer class="site-footer"><p class="footer-name">${esc(site.name)}${site.tagline ? ` — ${esc(site.tagline)}` : ""}</p><nav aria-label="Liens du site"><ul>${(site.footer_links ?? []).map((l) => `<li><a href="${esc(l.href)}">${esc(l.label)}</a></li>`).join("")}</ul></nav></footer>
</body>
</html>
`;
}

// ---- the runs ---------------------------------------------------------------

async function lighthouse(url, out) {
  await promisify(execFile)(LIGHTHOUSE, [
    url, "--only-categories=performance", "--output=json", `--output-path=${out}`, "--quiet",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
  ], { env: { ...process.env, CHROME_PATH: CHROME }, maxBuffer: 1 << 26, timeout: 180_000 });
  const lhr = JSON.parse(readFileSync(out, "utf8"));
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const a = lhr.audits;
  return {
    lcp: a["largest-contentful-paint"].numericValue,
    fcp: a["first-contentful-paint"].numericValue,
    tbt: a["total-blocking-time"].numericValue,
    cls: a["cumulative-layout-shift"].numericValue,
    score: lhr.categories.performance.score * 100,
    bi: lhr.environment.benchmarkIndex,
    version: lhr.lighthouseVersion,
    warnings: lhr.runWarnings ?? [],
  };
}

if (process.argv.includes("--twin")) {
  // Print the twin only, to look at it.
  const css = readdirSync("dist").find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
  console.log(twinHtml(JSON.parse(readFileSync(`public/api/articles/${SLUG}.json`, "utf8")),
    JSON.parse(readFileSync("public/api/site.json", "utf8")), `/${css}`));
} else {
  const work = mkdtempSync(join(tmpdir(), "gazette-lh-"));
  const site = join(work, "site");
  cpSync("dist", site, { recursive: true });
  const css = readdirSync(site).find((f) => /^main-[0-9a-f]{16}\.css$/.test(f));
  if (!css) throw new Error("no main-<hash>.css in dist/");
  const article = JSON.parse(readFileSync(`public/api/articles/${SLUG}.json`, "utf8"));
  const siteJson = JSON.parse(readFileSync("public/api/site.json", "utf8"));
  writeFileSync(join(site, "twin.html"), twinHtml(article, siteJson, `/${css}`));

  const load0 = loadavg()[0];
  const started = Date.now();
  const server = await startServer({ staticDir: site });
  const pages = [
    ["front page", "/"],
    ["article", `/article/${SLUG}`],
    ["thread", `/article/${SLUG}/comments`],
    ["static twin of the article", "/twin.html"],
  ];
  const results = new Map(pages.map(([name]) => [name, []]));
  let version = "?";
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const [name, path] of pages) {
        const r = await lighthouse(`${server.base}${path}`, join(work, "lhr.json"));
        version = r.version;
        results.get(name).push(r);
        console.error(`run ${run} ${name}: LCP ${r.lcp.toFixed(0)} ms, FCP ${r.fcp.toFixed(0)} ms, TBT ${r.tbt.toFixed(0)} ms, CLS ${r.cls.toFixed(3)}, score ${r.score.toFixed(0)}, benchmarkIndex ${r.bi}${r.warnings.length ? `, warnings: ${r.warnings.join("; ")}` : ""}`);
      }
    }
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const load1 = loadavg()[0];

  const ms = (x) => `${Math.round(x).toLocaleString("en-US")} ms`;
  const rows = pages.map(([name, path]) => {
    const rs = results.get(name);
    const m = (k) => median(rs.map((r) => r[k]));
    return { name, path, lcp: m("lcp"), lcpMin: Math.min(...rs.map((r) => r.lcp)), lcpMax: Math.max(...rs.map((r) => r.lcp)), fcp: m("fcp"), tbt: m("tbt"), cls: m("cls"), score: m("score"), bi: m("bi") };
  });
  const lines = [
    "| page | path | LCP | LCP min–max | FCP | TBT | CLS | performance | benchmarkIndex |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.name} | \`${r.path.replace(SLUG, "{slug}")}\` | ${ms(r.lcp)} | ${ms(r.lcpMin)}–${ms(r.lcpMax)} | ${ms(r.fcp)} | ${ms(r.tbt)} | ${r.cls.toFixed(3)} | ${Math.round(r.score)} | ${Math.round(r.bi)} |`),
  ];
  const app = rows.find((r) => r.name === "article");
  const twin = rows.find((r) => r.name.startsWith("static twin"));
  const ratio = app.lcp / twin.lcp;
  const all = [...results.values()].flat();
  const slowCpu = all.filter((r) => r.warnings.some((w) => /slower CPU/.test(w))).length;
  const table = [
    `Lighthouse ${version}, mobile defaults (simulated throttling: 4× CPU slowdown, slow 4G; performance category only), ` +
      `headless Debian Chromium, median of ${RUNS} runs per page, one at a time, pages in turn; {slug} = \`${SLUG}\`. ` +
      `Every page comes from one gazette-server (brotli, hashed files immutable) on loopback serving a temp copy of dist/; ` +
      `the twin (\`twin.html\` in that copy) is static HTML generated by the script from \`public/api/articles/${SLUG}.json\` ` +
      `and \`site.json\`, with the app's markup above the related cards and the same \`main-*.css\`, and no script. ` +
      `${loadNote(load0, load1)}${slowCpu ? ` Lighthouse warned that the CPU is slower than it expects in ${slowCpu} of ${all.length} runs.` : ""} Wall time ${Math.round((Date.now() - started) / 1000)} s.`,
    "",
    ...lines,
    "",
    `**LCP(article) / LCP(static twin) = ${ms(app.lcp)} / ${ms(twin.lcp)} = ${ratio.toFixed(2)}×** (target: at most 1.2×).`,
  ].join("\n");
  console.log(table);
  if (process.argv.includes("--write")) {
    replaceSection("docs/BENCHMARKS.md", "lighthouse", table);
    console.log("recorded in docs/BENCHMARKS.md");
  }
}
