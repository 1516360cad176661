// Moving between pages and typing, in headless Debian Chromium (Playwright),
// against gazette-server serving a snapshot of dist/, 412×915 viewport.
//  (a) article → article: from the click on a related card's link to the new
//      h1 in the DOM (a MutationObserver; performance.now() in the page) and
//      to the next animation frame after it, when the next article's JSON was
//      prefetched (hover the card, wait for the prefetch response) and when it
//      was not (the link clicked with element.click(), no hover or focus);
//  (b) back (page.goBack) to the previous article after scrolling it down:
//      from the popstate event to its h1 in the DOM, and whether window.scrollY
//      comes back to where the reader left;
//  (c) typing in the reply form of the thread page with 1,000 comments (a
//      generated listing: tools/content/gen_thread.py, served with
//      page.route), CPU throttled 4×: per keystroke, the longest Event Timing
//      entry (keydown, keypress, input; durationThreshold 16 ms, so shorter
//      events are not reported) as its interaction-to-next-paint figure.
// (a) and (b) run at CPU 1× and 4× (CDP Emulation.setCPUThrottlingRate),
// median of RUNS fresh browser contexts each.
//   node bench/navigation.mjs [--write] [--runs 5] [--slug budget-eau-casablanca] [--keys 40]
// Needs dist/ (scripts/build.sh) and target/release/gazette-server.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { replaceSection } from "./doc.mjs";
import { serveShell } from "../tests/e2e/support.js";
import { arg, launchBrowser, loadNote, median, settle, startServer } from "./harness.mjs";

const RUNS = Number(arg("runs", 5));
const SLUG = arg("slug", "budget-eau-casablanca");
const KEYS = Number(arg("keys", 40));
const THREAD_SIZE = 1000;
const VIEWPORT = { width: 412, height: 915 };

const article = JSON.parse(readFileSync(`public/api/articles/${SLUG}.json`, "utf8"));
const next = article.related?.[0];
if (!next) throw new Error(`${SLUG} has no related article to click`);

const load0 = loadavg()[0];
const started = Date.now();
const server = await startServer({ snapshot: true });
const browser = await launchBrowser();

async function open(path, cpu) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  const jsonRequests = [];
  page.on("request", (r) => jsonRequests.push(new URL(r.url()).pathname));
  await page.goto(`${server.base}${path}`);
  await page.waitForSelector("main h1");
  await settle(page, 500);
  return { context, page, jsonRequests };
}

// Sets window.__nav: resolves with the times from now (or from the popstate
// event) to `title` in main's h1 and to the next animation frame after it.
const waitForTitle = ({ title, fromPopstate }) => {
  window.__nav = new Promise((resolve) => {
    let t0 = performance.now();
    if (fromPopstate) addEventListener("popstate", (e) => { t0 = e.timeStamp; }, { once: true });
    const done = () => {
      const dom = performance.now();
      requestAnimationFrame(() => resolve({ dom: dom - t0, frame: performance.now() - t0 }));
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector("main h1")?.textContent === title) {
        observer.disconnect();
        done();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
};

async function articleToArticle(cpu, prefetch) {
  const { context, page, jsonRequests } = await open(`/article/${SLUG}`, cpu);
  const link = `#card-${next.slug}`;
  const jsonPath = `/api/articles/${next.slug}.json`;
  if (prefetch) {
    await page.locator(link).scrollIntoViewIfNeeded();
    const response = page.waitForResponse((r) => new URL(r.url()).pathname === jsonPath);
    await page.hover(link);
    await (await response).finished();
    await page.waitForTimeout(300);
  }
  const before = jsonRequests.filter((p) => p === jsonPath).length;
  await page.evaluate(waitForTitle, { title: next.title });
  await page.evaluate((sel) => document.querySelector(sel).click(), link);
  const times = await page.evaluate(() => window.__nav);
  const after = jsonRequests.filter((p) => p === jsonPath).length - before;
  await context.close();
  return { ...times, fetchedBefore: before > 0, fetchedAfter: after > 0 };
}

async function goingBack(cpu) {
  const { context, page } = await open(`/article/${SLUG}`, cpu);
  const target = await page.evaluate(() => Math.min(1500, document.documentElement.scrollHeight - innerHeight));
  await page.evaluate((y) => scrollTo(0, y), target);
  await page.waitForTimeout(300);
  const left = await page.evaluate(() => scrollY);
  await page.evaluate(waitForTitle, { title: next.title });
  await page.evaluate((sel) => document.querySelector(sel).click(), `#card-${next.slug}`);
  await page.evaluate(() => window.__nav);
  await settle(page, 500);
  await page.evaluate(waitForTitle, { title: article.title, fromPopstate: true });
  await page.goBack({ waitUntil: "commit" });
  const times = await page.evaluate(() => window.__nav);
  await page.waitForTimeout(500);
  const back = await page.evaluate(() => scrollY);
  await context.close();
  return { ...times, left, back, restored: Math.abs(back - left) <= 2 };
}

async function typing() {
  const listing = execFileSync("python3", ["tools/content/gen_thread.py", String(THREAD_SIZE), "--slug", SLUG], { maxBuffer: 1 << 28 });
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await serveShell(page); // the app fetches the generated listing itself
  await page.route(`**/api/articles/${SLUG}/comments.json`, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: listing }));
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(`${server.base}/article/${SLUG}/comments`);
  await page.waitForSelector("article.comment", { timeout: 60_000 });
  await settle(page, 1000);
  const shown = await page.evaluate(() => ({
    comments: document.querySelectorAll("article.comment").length,
    elements: document.getElementsByTagName("*").length,
  }));
  const field = page.locator(".new-comment textarea");
  await field.scrollIntoViewIfNeeded();
  await field.click();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (["keydown", "keypress", "input"].includes(e.name)) {
          window.__events.push({ name: e.name, start: e.startTime, duration: e.duration });
        }
      }
    }).observe({ type: "event", durationThreshold: 16 });
    window.__keys = [];
    addEventListener("keydown", (e) => window.__keys.push(e.timeStamp), true);
  });
  // ASCII only: Playwright types other characters without key events.
  const base = "Merci pour cet article, tres clair sur le budget de l'eau et ses suites. ";
  const text = base.repeat(Math.ceil(KEYS / base.length)).slice(0, KEYS);
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(250);
  }
  await page.waitForTimeout(1000);
  const { events, keys, value } = await page.evaluate(() => ({
    events: window.__events, keys: window.__keys, value: document.querySelector(".new-comment textarea").value,
  }));
  await context.close();
  // Each entry belongs to the last keydown at or before its start.
  const perKey = keys.map(() => 0);
  for (const e of events) {
    let k = -1;
    for (let i = 0; i < keys.length; i++) if (keys[i] <= e.start + 1) k = i;
    if (k >= 0) perKey[k] = Math.max(perKey[k], e.duration);
  }
  return { ...shown, keys: text.length, typed: value.length, perKey, reported: perKey.filter((d) => d > 0).length, events: events.length };
}

const rows = [];
try {
  for (const cpu of [1, 4]) {
    for (const prefetch of [true, false]) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await articleToArticle(cpu, prefetch));
      console.error(`article → article, cpu ${cpu}×, prefetch ${prefetch}: ${JSON.stringify(runs)}`);
      rows.push({ kind: "nav", cpu, prefetch, runs });
    }
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await goingBack(cpu));
    console.error(`back, cpu ${cpu}×: ${JSON.stringify(runs)}`);
    rows.push({ kind: "back", cpu, runs });
  }
  rows.push({ kind: "typing", ...(await typing()) });
  console.error(`typing: ${JSON.stringify(rows.at(-1))}`);
} finally {
  await browser.close();
  await server.stop();
}
const load1 = loadavg()[0];

const ms = (x) => `${x.toFixed(1)} ms`;
const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
const count = (runs, f) => `${runs.filter(f).length}/${runs.length}`;
const lines = [
  "| what | CPU | to new content (h1 in DOM), median | min–max | to next frame, median | notes |",
  "| --- | ---: | ---: | ---: | ---: | --- |",
];
for (const r of rows.filter((r) => r.kind !== "typing")) {
  const dom = r.runs.map((x) => x.dom);
  const frame = r.runs.map((x) => x.frame);
  let what, notes;
  if (r.kind === "nav") {
    what = `article → article, JSON ${r.prefetch ? "prefetched (hover)" : "not prefetched"}`;
    notes = r.prefetch
      ? `JSON fetched on hover ${count(r.runs, (x) => x.fetchedBefore)}, fetched again after the click ${count(r.runs, (x) => x.fetchedAfter)}`
      : `JSON fetched before the click ${count(r.runs, (x) => x.fetchedBefore)}, after it ${count(r.runs, (x) => x.fetchedAfter)}`;
  } else {
    what = "back to the previous article (from popstate)";
    notes = `scroll restored ${count(r.runs, (x) => x.restored)} (left at scrollY ${median(r.runs.map((x) => x.left))}, back at ${r.runs.map((x) => Math.round(x.back)).join(", ")})`;
  }
  lines.push(`| ${what} | ${r.cpu}× | ${ms(median(dom))} | ${range(dom)} | ${ms(median(frame))} | ${notes} |`);
}
const t = rows.find((r) => r.kind === "typing");
const med = median(t.perKey);
const typingLines = [
  "| page | CPU | keystrokes | reported (≥ 16 ms) | median per keystroke | max | comments rendered | elements |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  `| thread with ${THREAD_SIZE.toLocaleString("en-US")} comments, reply form | 4× | ${t.keys} (${t.typed} typed) | ${t.reported} | ${med < 16 ? "< 16 ms" : `${med} ms`} | ${t.reported ? `${Math.max(...t.perKey)} ms` : "< 16 ms"} | ${t.comments} | ${t.elements} |`,
];
const table = [
  `Headless Debian Chromium through Playwright, ${VIEWPORT.width}×${VIEWPORT.height} viewport, gazette-server on loopback (snapshot of dist/, fresh database). ` +
    `From \`/article/${SLUG}\` to its first related article \`${next.slug}\`; median of ${RUNS} runs in fresh browser contexts. ` +
    `${loadNote(load0, load1)} Wall time ${Math.round((Date.now() - started) / 1000)} s.`,
  "",
  ...lines,
  "",
  `Typing in the reply form of \`/article/${SLUG}/comments\` with a generated listing of ${THREAD_SIZE.toLocaleString("en-US")} comments ` +
    `(\`python3 tools/content/gen_thread.py ${THREAD_SIZE} --slug ${SLUG}\`), one key every 250 ms; per keystroke the longest Event Timing entry ` +
    `(keydown, keypress, input) with durationThreshold 16 ms (Chromium reports durations rounded to 8 ms; a keystroke with no entry took under 16 ms).`,
  "",
  ...typingLines,
].join("\n");
console.log(table);
if (process.argv.includes("--write")) {
  replaceSection("docs/BENCHMARKS.md", "navigation", table);
  console.log("recorded in docs/BENCHMARKS.md");
}
