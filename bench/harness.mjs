// Shared by the browser benchmarks: the reference server on a free loopback
// port with a fresh database, and Debian's Chromium with the flags of
// playwright.config.js (see ../shared/TOOLCHAIN.md).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
export const CHROME_FLAGS = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
  "--disable-dev-shm-usage",
];
const SERVER = "target/release/gazette-server";

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Starts gazette-server (brotli, immutable caching of hashed files) on
// `staticDir`, with a database in a new temp folder and no rate limit.
// `snapshot`: serve a temp copy of staticDir, so a rebuild of dist/ during
// the run cannot mix two builds.
export async function startServer({ staticDir = "dist", contentDir, snapshot = false } = {}) {
  if (!existsSync(SERVER)) throw new Error(`no ${SERVER}: cargo build --release -p gazette-server`);
  if (!existsSync(join(staticDir, "index.html"))) throw new Error(`no ${staticDir}/index.html: run scripts/build.sh`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "gazette-bench-"));
  if (snapshot) {
    cpSync(staticDir, join(dir, "site"), { recursive: true });
    staticDir = join(dir, "site");
  }
  const child = spawn(SERVER, [
    "--addr", `127.0.0.1:${port}`, "--db", join(dir, "bench.db"), "--static", staticDir,
    "--content", contentDir ?? join(staticDir, "api"), "--rate-limit", "0",
  ], { stdio: ["ignore", "pipe", "ignore"] });
  await new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error("gazette-server did not start in 20 s")), 20_000);
    child.once("exit", (code) => reject(new Error(`gazette-server exited (${code})`)));
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (out.includes("Gazette on")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  child.stdout.resume();
  return {
    staticDir,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Whether other work was loading the machine while a benchmark ran.
export function loadNote(before, after) {
  const avg = (before + after) / 2;
  const busy = avg > 1;
  return `Load average (1 min) ${before.toFixed(1)} before and ${after.toFixed(1)} after the run on this machine` +
    (busy ? ": the machine was busy (other builds or test suites were running), so times are inflated and noisy." : ".");
}

export async function launchBrowser(extraArgs = []) {
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROME, args: [...CHROME_FLAGS, ...extraArgs] });
}

// Waits until the document's element count has not changed for `quietMs`.
export async function settle(page, quietMs = 1000, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < end) {
    const now = await page.evaluate(() => document.getElementsByTagName("*").length);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(quietMs);
  }
}
