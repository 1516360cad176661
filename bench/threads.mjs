// Thread rendering: the app against a hand-written JavaScript baseline
// (bench/baseline/thread.js) on the same generated data, in headless
// Chromium with 4x CPU throttling, for 100, 1,000 and 10,000 comments.
// Prints, per size and implementation (median of RUNS runs): time from the
// listing's arrival to the first comment in the DOM, to the whole first
// screen (the thread's last DOM change of the initial render), and the
// document's element count, and the listing's bytes (brotli) fetched
// before the first comment showed. Both implementations get the listing
// by pages as the build writes it (gazette-prerender --comment-pages:
// 200 comments a page, contract 1.1); the baseline reads page 1 only.
//   node bench/threads.mjs [--write] [--runs 3]
// Needs dist/ (scripts/build.sh). Figures, not a pass/fail test.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { replaceSection } from "./doc.mjs";
import { serveShell } from "../tests/e2e/support.js";

const SIZES = [100, 1000, 10000];
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const PORT = 4391;
const SLUG = "stationnement-payant-centre";
const base = `http://127.0.0.1:${PORT}`;

const server = spawn("scripts/serve-nginx.sh", ["dist", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
});

const instrument = () => {
  const bench = (window.__bench = { dataAt: 0, firstAt: 0, lastAt: 0 });
  const original = window.fetch;
  window.fetch = async (...args) => {
    const response = await original(...args);
    if (String(args[0]?.url ?? args[0]).includes("comments.json")) bench.dataAt = performance.now();
    return response;
  };
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    const inThread = records.some((r) =>
      (r.target.closest ? r.target : r.target.parentElement)?.closest?.(".comments")
      || [...r.addedNodes].some((n) => n.querySelector?.(".comments") || n.matches?.(".comments")));
    if (!inThread) return;
    if (!bench.firstAt && document.querySelector("article.comment")) bench.firstAt = now;
    if (bench.firstAt) bench.lastAt = now;
  });
  document.addEventListener("DOMContentLoaded", () => observer.observe(document.body, { childList: true, subtree: true, characterData: true }));
};

const brotli = (text) => brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The generated flat listing of `size` comments, by pages: API path → JSON. */
function pagedListing(size) {
  const dir = mkdtempSync(join(tmpdir(), "gazette-thread-"));
  const flat = join(dir, "flat.json");
  writeFileSync(flat, execFileSync("python3", ["tools/content/gen_thread.py", String(size), "--slug", SLUG], { maxBuffer: 1 << 28 }));
  execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "gazette-prerender", "--", "--comment-pages", SLUG, flat, join(dir, "api")]);
  const pages = new Map();
  let path = `articles/${SLUG}/comments.json`;
  while (path) {
    const text = readFileSync(join(dir, "api", path), "utf8");
    pages.set(`/api/${path}`, text);
    path = JSON.parse(text).next;
  }
  rmSync(dir, { recursive: true });
  return pages;
}

async function measure(url, pages) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  // The app's thread route as the shell (the app fetches the listing, as
  // after a link), not the page the server renders with the listing inline.
  await serveShell(page);
  const fetched = [];
  await page.route(`**/api/articles/${SLUG}/comments**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = pages.get(path);
    if (body === undefined) return route.fulfill({ status: 404, contentType: "application/json", body: '{"error":{"code":"not_found","message":""}}' });
    fetched.push(path);
    return route.fulfill({ status: 200, contentType: "application/json", body });
  });
  await page.route("**/bench-thread.js", (route) => route.fulfill({ path: "bench/baseline/thread.js", contentType: "text/javascript" }));
  await page.route("**/bench-style.css", async (route) => {
    const css = execFileSync("sh", ["-c", "cat dist/main-*.css"]);
    await route.fulfill({ body: css, contentType: "text/css" });
  });
  await page.route("**/bench-baseline", (route) => route.fulfill({ path: "bench/baseline/thread.html", contentType: "text/html" }));
  await page.addInitScript(instrument);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.firstAt > 0, null, { timeout: 60_000 });
  const bytes = fetched.reduce((sum, path) => sum + brotli(pages.get(path)), 0);
  // Quiet for a second: the initial render is over.
  let last = -1;
  for (;;) {
    await page.waitForTimeout(1000);
    const now = await page.evaluate(() => window.__bench.lastAt);
    if (now === last) break;
    last = now;
  }
  const result = await page.evaluate(() => ({
    first: window.__bench.firstAt - window.__bench.dataAt,
    screen: window.__bench.lastAt - window.__bench.dataAt,
    nodes: document.getElementsByTagName("*").length,
    comments: document.querySelectorAll("article.comment").length,
  }));
  await context.close();
  return { ...result, bytes };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
for (const size of SIZES) {
  const listing = pagedListing(size);
  for (const [name, url] of [["Gazette (Leptos)", `${base}/article/${SLUG}/comments`], ["JS baseline", `${base}/bench-baseline`]]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(url, listing));
    const row = {
      size, name,
      first: median(runs.map((r) => r.first)),
      screen: median(runs.map((r) => r.screen)),
      nodes: median(runs.map((r) => r.nodes)),
      comments: median(runs.map((r) => r.comments)),
      bytes: median(runs.map((r) => r.bytes)),
      pages: listing.size,
    };
    rows.push(row);
    console.error(`${size} ${name}: ${JSON.stringify(row)}`);
  }
}
await browser.close();
server.kill();

const ms = (x) => `${x.toFixed(0)} ms`;
const lines = [
  "| comments (pages) | implementation | data → first comment | data → first screen | DOM elements | comments rendered | listing bytes before the first comment (brotli) | first screen vs baseline |",
  "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
];
for (const row of rows) {
  const baseline = rows.find((r) => r.size === row.size && r.name === "JS baseline");
  const ratio = row === baseline ? "1.00×" : `${(row.screen / baseline.screen).toFixed(2)}×`;
  lines.push(`| ${row.size.toLocaleString("en-US")} (${row.pages}) | ${row.name} | ${ms(row.first)} | ${ms(row.screen)} | ${row.nodes} | ${row.comments} | ${row.bytes.toLocaleString("en-US")} B | ${ratio} |`);
}
const table = `Headless Chromium, 412×915 viewport, CPU throttled 4×, median of ${RUNS} runs.\n\n${lines.join("\n")}`;
console.log(table);
if (process.argv.includes("--write")) replaceSection("docs/BENCHMARKS.md", "threads", table);
