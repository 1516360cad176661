// Memory of the app in headless Debian Chromium (Playwright + CDP), against
// gazette-server serving a snapshot of dist/, 412×915 viewport:
// - JS heap: CDP Runtime.getHeapUsage (usedSize) after two
//   HeapProfiler.collectGarbage;
// - wasm memory: the byte length of the wasm instance's linear memory. The
//   page's Trunk loader dispatches `TrunkApplicationStarted` with the
//   instance's exports (`detail.wasm`, which holds `memory`); an init script
//   keeps them. Linear memory only grows, in 64 KiB pages: this is what the
//   tab holds for the wasm side, not what the Rust allocator has in use.
// Measured when the front page is ready (its cards in the DOM, quiet for a
// second), then after opening and leaving N articles (click a card on the
// front page, wait for the article's h1, click the masthead's site name back
// to the front page), median of RUNS fresh browser contexts.
//   node bench/memory.mjs [--write] [--runs 3] [--articles 20]
// Needs dist/ (scripts/build.sh) and target/release/gazette-server.
import { loadavg } from "node:os";
import { replaceSection } from "./doc.mjs";
import { arg, launchBrowser, loadNote, median, settle, startServer } from "./harness.mjs";

const RUNS = Number(arg("runs", 3));
const ARTICLES = Number(arg("articles", 20));
const VIEWPORT = { width: 412, height: 915 };

const load0 = loadavg()[0];
const started = Date.now();
const server = await startServer({ snapshot: true });
const browser = await launchBrowser();

async function measure(page, cdp) {
  await settle(page, 500);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize, totalSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(() => window.__wasmExports?.memory?.buffer.byteLength ?? 0);
  const elements = await page.evaluate(() => document.getElementsByTagName("*").length);
  return { js: usedSize, jsTotal: totalSize, wasm, elements };
}

// Only page.evaluate and CDP touch the page: Playwright's selectors and
// locators inject a script of their own that adds about 1.2 MB to the JS heap.
async function until(page, fn, argument, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await page.evaluate(fn, argument))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${fn}`);
    await page.waitForTimeout(50);
  }
}

async function run() {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => { window.__wasmExports = e.detail?.wasm; });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("HeapProfiler.enable");
  await page.goto("about:blank");
  const blank = await measure(page, cdp);
  await page.goto(`${server.base}/`);
  // Ready: the app has started and taken over the rendered front page.
  await until(page, () => !!window.__wasmExports && !document.querySelector("[data-prerendered]")
    && !!document.querySelector("main a[id^=card-]"));
  if (!(await page.evaluate(() => !!window.__wasmExports?.memory))) throw new Error("wasm memory not reachable (no TrunkApplicationStarted detail)");
  const ready = await measure(page, cdp);
  const cards = await page.evaluate(() => [...document.querySelectorAll("main a[id^=card-]")].map((a) => [a.id, a.textContent.trim()]));
  const opened = [];
  for (let i = 0; i < ARTICLES; i++) {
    const [id, title] = cards[i % cards.length];
    await page.evaluate((id) => document.getElementById(id).click(), id);
    await until(page, (t) => document.querySelector("main h1")?.textContent.trim() === t, title);
    await page.waitForTimeout(200);
    opened.push(id);
    await page.evaluate(() => document.querySelector("a.site-name").click());
    await until(page, (id) => location.pathname === "/" && !!document.getElementById(id), cards[(i + 1) % cards.length][0]);
  }
  const after = await measure(page, cdp);
  await context.close();
  return { blank, ready, after, distinct: new Set(opened).size };
}

const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    runs.push(await run());
    console.error(`run ${i + 1}: ${JSON.stringify(runs.at(-1))}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
const load1 = loadavg()[0];

const kb = (b) => `${(b / 1024).toLocaleString("en-US", { maximumFractionDigits: 0 })} KiB`;
const pct = (a, b) => `${b >= a ? "+" : ""}${(((b - a) / a) * 100).toFixed(1)}%`;
const m = (f) => median(runs.map(f));
const rows = [
  ["JS heap used (Runtime.getHeapUsage)", (s) => s.js],
  ["wasm linear memory", (s) => s.wasm],
  ["**JS heap + wasm memory**", (s) => s.js + s.wasm],
  ["DOM elements", (s) => s.elements],
];
const lines = [
  `| | front page ready | after ${ARTICLES} articles, back on the front page | growth |`,
  "| --- | ---: | ---: | ---: |",
  ...rows.map(([name, f]) => {
    const a = m((r) => f(r.ready));
    const b = m((r) => f(r.after));
    const fmt = name === "DOM elements" ? (x) => String(x) : kb;
    return `| ${name} | ${fmt(a)} | ${fmt(b)} | ${pct(a, b)} |`;
  }),
];
const table = [
  `Headless Debian Chromium through Playwright + CDP, ${VIEWPORT.width}×${VIEWPORT.height} viewport, gazette-server on loopback (snapshot of dist/, fresh database), ` +
    `no CPU throttling; garbage collected twice (HeapProfiler.collectGarbage) before each measure; median of ${RUNS} fresh browser contexts ` +
    `(per run, growth of JS + wasm: ${runs.map((r) => pct(r.ready.js + r.ready.wasm, r.after.js + r.after.wasm)).join(", ")}). ` +
    `For scale, about:blank in the same browser: JS heap ${kb(m((r) => r.blank.js))}. ` +
    `The ${ARTICLES} articles are the front page's cards in order (${runs[0].distinct} distinct), each opened by a click and left by the masthead's link. ` +
    `${loadNote(load0, load1)} Wall time ${Math.round((Date.now() - started) / 1000)} s.`,
  "",
  ...lines,
].join("\n");
console.log(table);
if (process.argv.includes("--write")) {
  replaceSection("docs/BENCHMARKS.md", "memory", table);
  console.log("recorded in docs/BENCHMARKS.md");
}
