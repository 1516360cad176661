// A real gazette-server for the write side of the end-to-end suite: a child
// process on a free loopback port, with its own SQLite file in a fresh temp
// folder (or, when GAZETTE_E2E_PG names a PostgreSQL server, its own fresh
// database there, made and dropped with psql), serving the built app (dist/) and its content API. It can be stopped
// (SIGTERM, as an operator would) and started again on the same port and
// database, which is how the tests take the backend away and bring it back.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { test as base } from "./app.js";

const ROOT = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
const BINARY = process.env.GAZETTE_SERVER ?? join(ROOT, "target/release/gazette-server");
const DIST = join(ROOT, "dist");
const READY_LINE = /^Gazette on http:\/\//m;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 10_000;

/** Every server still running, stopped if the test runner goes away. */
const running = new Set();
process.once("exit", () => {
  for (const server of running) server.child?.kill("SIGKILL");
});

/** A loopback port nobody listens on right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

let databases = 0;

function psql(url, statement) {
  const done = spawnSync("psql", [url, "-qAtc", statement], { encoding: "utf8" });
  if (done.status !== 0) throw new Error(`psql: ${statement}: ${done.stderr}`);
}

/** A new database on the PostgreSQL server `admin` (a URL) names. */
function freshDatabase(admin) {
  const name = `gazette_e2e_${process.pid}_${databases++}`;
  psql(admin, `DROP DATABASE IF EXISTS ${name}`);
  psql(admin, `CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { admin, name, url: url.toString() };
}

export class GazetteServer {
  /**
   * @param {object} [options]
   * @param {boolean} [options.moderate] start with --moderate (new comments are pending)
   * @param {number} [options.rateLimit] --rate-limit; 0 (the default here) turns it off
   * @param {string[]} [options.args] more CLI arguments
   */
  constructor({ moderate = false, rateLimit = 0, args = [] } = {}) {
    this.dir = mkdtempSync(join(tmpdir(), "gazette-e2e-"));
    this.pg = process.env.GAZETTE_E2E_PG ? freshDatabase(process.env.GAZETTE_E2E_PG) : null;
    this.db = this.pg?.url ?? join(this.dir, "comments.db");
    this.args = [
      "--db", this.db, "--static", DIST, "--content", join(DIST, "api"),
      "--rate-limit", String(rateLimit), ...(moderate ? ["--moderate"] : []), ...args,
    ];
    this.port = null;
    this.child = null;
    /** The server's last lines of output (its request log), for failure reports. */
    this.log = [];
  }

  /** `http://127.0.0.1:PORT`, without a trailing slash. */
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  get baseURL() {
    return this.url;
  }

  get running() {
    return this.child !== null;
  }

  /** Starts the server (again, on the same port and database after stop()). */
  async start() {
    if (this.child) throw new Error("gazette-server is already running");
    this.port ??= await freePort();
    const child = spawn(BINARY, ["--addr", `127.0.0.1:${this.port}`, ...this.args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    running.add(this);
    // Whole lines only: a chunk may end in the middle of one.
    const lines = (stream) => {
      let partial = "";
      stream.setEncoding("utf8");
      return (chunk) => {
        const parts = (partial + chunk).split("\n");
        partial = parts.pop();
        this.log.push(...parts.filter(Boolean));
        this.log.splice(0, Math.max(0, this.log.length - 200));
      };
    };
    child.stderr.on("data", lines(child.stderr));
    const rememberStdout = lines(child.stdout);
    child.exited = new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));
    child.exited.then(() => {
      if (this.child === child) this.child = null;
      running.delete(this);
    });

    let stdout = "";
    let timer;
    const ready = new Promise((done) => {
      child.stdout.on("data", (chunk) => {
        rememberStdout(chunk);
        stdout += chunk;
        if (READY_LINE.test(stdout)) done();
      });
    });
    const failed = child.exited.then(({ code, signal }) => {
      throw new Error(`gazette-server exited (${signal ?? code}) before listening:\n${this.log.join("\n")}`);
    });
    const late = new Promise((_, fail) => {
      timer = setTimeout(() => fail(new Error(`gazette-server did not listen within ${START_TIMEOUT_MS} ms:\n${this.log.join("\n")}`)), START_TIMEOUT_MS);
    });
    try {
      await Promise.race([ready, failed, late]);
    } catch (error) {
      child.kill("SIGKILL");
      await child.exited;
      throw error;
    } finally {
      clearTimeout(timer);
      failed.catch(() => {});
    }
    return this;
  }

  /** SIGTERM, then waits for the process to exit (requests in flight finish). */
  async stop() {
    const child = this.child;
    if (!child) return;
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    child.kill("SIGTERM");
    const { code, signal } = await child.exited;
    clearTimeout(timer);
    if (signal === "SIGKILL") throw new Error("gazette-server ignored SIGTERM");
    if (code !== 0) throw new Error(`gazette-server exited with ${code ?? signal} on SIGTERM:\n${this.log.join("\n")}`);
  }

  /** Stops the server and deletes its database. */
  async close() {
    try {
      await this.stop();
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
      if (this.pg) psql(this.pg.admin, `DROP DATABASE IF EXISTS ${this.pg.name} WITH (FORCE)`);
    }
  }

  /**
   * Adds a moderator as an operator does, on the server's machine:
   * `gazette-server moderators add NAME --db DB` with the password on stdin.
   */
  addModerator(name, password) {
    const done = spawnSync(BINARY, ["moderators", "add", name, "--db", this.db], { input: `${password}\n`, encoding: "utf8" });
    if (done.status !== 0) throw new Error(`moderators add ${name}: ${done.stderr}`);
    return done.stdout.trim();
  }

  /** GET {api}/path.json, parsed. */
  async api(path) {
    const response = await fetch(`${this.url}/api/${path}`);
    if (!response.ok) throw new Error(`GET /api/${path}: ${response.status}`);
    return response.json();
  }

  /** The comments stored for an article, as the API lists them. */
  async comments(slug) {
    const list = await this.api(`articles/${slug}/comments.json`);
    return list.comments;
  }
}

/** Starts a server with a fresh database; close() it when done. */
export async function startServer(options) {
  const server = new GazetteServer(options);
  try {
    return await server.start();
  } catch (error) {
    await server.close();
    throw error;
  }
}

/**
 * Playwright's `test` with a `server` fixture: a fresh gazette-server and
 * database for every test. `test.use({ serverOptions: { moderate: true } })`
 * changes how it starts.
 */
export const test = base.extend({
  serverOptions: [{}, { option: true }],
  server: async ({ serverOptions }, use, testInfo) => {
    const server = await startServer(serverOptions);
    try {
      await use(server);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus && server.log.length) {
        await testInfo.attach("gazette-server.log", { body: server.log.join("\n"), contentType: "text/plain" });
        // The CI log keeps only what is printed.
        console.error(`--- gazette-server's last lines during "${testInfo.title}":\n${server.log.slice(-40).join("\n")}`);
      }
      await server.close();
    }
  },
});

export { expect } from "@playwright/test";
