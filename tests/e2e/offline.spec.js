// Offline reading with the build's service worker (dist/sw.js, written by
// crates/prerender): on the static deployment (nginx, the suite's baseURL)
// and on gazette-server. The rest of the suite runs with service workers
// blocked (playwright.config.js); here they are what is tested.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, freePort } from "./support/server.js";
import { auditBothSchemes } from "./support/axe.js";
import { ARTICLES, mainArticle } from "./support.js";
import { BUDGET, TEXT, comment, fillForm, threadCount, topForm, watchPosts } from "./support/replies.js";

test.use({ serviceWorkers: "allow" });

const OFFLINE = {
  banner: "Vous êtes hors ligne. Les articles déjà lus restent disponibles.",
  title: "Hors ligne",
  saved: "Articles disponibles hors ligne",
  waiting: "Hors ligne : votre commentaire est gardé et partira dès le retour du réseau.",
};

/**
 * Waits until the worker controls `page` and has saved `slug`'s article:
 * listed, with its page and its comments (saved in the background).
 */
async function saved(page, slug) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  await expect
    .poll(() =>
      page.evaluate(async (slug) => {
        const listed = (await (await fetch("/saved-articles.json")).json()).articles.map((a) => a.href);
        const comments = await caches.match(`/api/articles/${slug}/comments.json`);
        const article = await caches.match(`/article/${slug}`);
        return listed.includes(`/article/${slug}`) && comments != null && article != null;
      }, slug),
    )
    .toBe(true);
}

/** Whether every image of the main article has loaded. */
function imagesLoaded(article) {
  return article.locator("img").evaluateAll((imgs) => imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0));
}

test("an article read once reloads and reads offline, with its images and comments", async ({ page, context }) => {
  const { slug, title } = ARTICLES.budget;
  await page.goto(`/article/${slug}`);
  await saved(page, slug);

  await context.setOffline(true);
  await page.reload();
  const article = mainArticle(page, title);
  await expect(article).toBeVisible();
  await expect.poll(() => imagesLoaded(article)).toBe(true);
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: OFFLINE.banner })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByText(OFFLINE.banner)).toHaveCount(0);
});

test("offline, a page never opened says so and lists the articles that are saved", async ({ page, context }) => {
  const read = ARTICLES.budget;
  await page.goto(`/article/${read.slug}`);
  await saved(page, read.slug);

  await context.setOffline(true);
  await page.goto(`/article/${ARTICLES.tram.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: OFFLINE.title })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: OFFLINE.banner })).toBeVisible();
  // The masthead is there: the site's name from the saved site.json.
  await expect(page.getByRole("banner").getByRole("link", { name: "La Gazette" })).toBeVisible();
  const list = page.getByRole("list").filter({ has: page.getByRole("link", { name: read.title }) });
  await expect(list).toBeVisible();
  await auditBothSchemes(page, `offline page, ${test.info().project.name}`);
  await list.getByRole("link", { name: read.title }).click();
  await expect(mainArticle(page, read.title)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/article/${read.slug}$`));

  // Back online, the page that was missing loads on "Réessayer".
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: OFFLINE.title })).toBeVisible();
  await context.setOffline(false);
  await page.getByRole("button", { name: "Réessayer" }).click();
  await expect(mainArticle(page, ARTICLES.tram.title)).toBeVisible();
});

test("a reply written offline waits, survives a reload and is sent once back online, once", async ({ page, context, server }) => {
  await page.goto(`${server.url}/article/${BUDGET.slug}`);
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  await saved(page, BUDGET.slug);
  const posts = watchPosts(page);

  await context.setOffline(true);
  const form = topForm(page);
  await fillForm(form, { author: "Salma", body: "Écrit dans le train, sans réseau." });
  await form.send.click();
  await expect(form.status).toHaveText(OFFLINE.waiting);
  expect(posts).toHaveLength(0);

  await page.reload();
  const again = topForm(page);
  await expect(again.body).toHaveValue("Écrit dans le train, sans réseau.");
  await expect(again.status).toHaveText(OFFLINE.waiting);
  await auditBothSchemes(page, `reply waiting offline, ${test.info().project.name}`);

  await context.setOffline(false);
  await expect(again.status).toHaveText(TEXT.sent);
  await expect(comment(page, "Commentaire de Salma")).toBeVisible();
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();
  await page.reload();
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();
  const stored = (await server.comments(BUDGET.slug)).filter((c) => c.author === "Salma");
  expect(stored).toHaveLength(1);
  expect(posts).toHaveLength(1);
});

/** scripts/serve-nginx.sh on `dir`, resolved once it answers. */
async function nginx(dir, port) {
  const child = spawn("scripts/serve-nginx.sh", [dir, String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/site.json`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () => new Promise((done) => {
      child.once("exit", done);
      child.kill("SIGTERM");
    }),
  };
}

/** Runs the build's prerender step again on `dir`, with `env` added. */
function prerender(dir, env = {}) {
  const built = spawnSync("target/debug/gazette-prerender", [dir, "public/api", "http://127.0.0.1:8080"], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (built.status !== 0) throw new Error(`gazette-prerender: ${built.stderr}`);
}

/**
 * dist/ as the next deployment: the app's .js and .wasm under new hashed
 * names, and the pages, headers and worker written again by the build's
 * own prerender step.
 */
function nextBuild(root) {
  const dir = join(root, "next");
  cpSync("dist", dir, { recursive: true });
  const js = readdirSync(dir).find((f) => /^gazette-[0-9a-f]{16}\.js$/.test(f));
  const hash = js.slice("gazette-".length, -".js".length);
  const next = [...hash].reverse().join("");
  renameSync(join(dir, js), join(dir, `gazette-${next}.js`));
  renameSync(join(dir, `gazette-${hash}_bg.wasm`), join(dir, `gazette-${next}_bg.wasm`));
  const shell = join(dir, "shell.html");
  writeFileSync(shell, readFileSync(shell, "utf8").replaceAll(`gazette-${hash}`, `gazette-${next}`));
  prerender(dir);
  return { dir, old: `/gazette-${hash}.js`, next: `/gazette-${next}.js` };
}

const appCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("gazette-app-")));
const cachedFiles = (page, name) =>
  page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), name);

test("a new deployment's files replace the old ones at the next navigation, never mid-page", async ({ page }) => {
  const root = mkdtempSync(join(tmpdir(), "gazette-builds-"));
  const port = await freePort();
  const build = nextBuild(root);
  let host = await nginx("dist", port);
  try {
    await page.goto(`${host.url}/article/${ARTICLES.budget.slug}`);
    await saved(page, ARTICLES.budget.slug);
    const [first] = await appCaches(page);
    expect(await cachedFiles(page, first)).toContain(build.old);

    // The next deployment goes live on the same address.
    await host.stop();
    host = await nginx(build.dir, port);
    await page.goto(`${host.url}/`);
    await expect
      .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).waiting != null))
      .toBe(true);
    // The new build is ready beside the old one, which the page in front
    // of the reader still runs on.
    expect(await appCaches(page)).toContain(first);
    expect(await appCaches(page)).toHaveLength(2);

    await page.goto(`${host.url}/article/${ARTICLES.tram.slug}`);
    await expect(mainArticle(page, ARTICLES.tram.title)).toBeVisible();
    await expect.poll(() => appCaches(page)).not.toContain(first);
    const [second] = await appCaches(page);
    const files = await cachedFiles(page, second);
    expect(files).toContain(build.next);
    expect(files).not.toContain(build.old);
  } finally {
    await host.stop();
    rmSync(root, { recursive: true, force: true });
  }
});

test("a reader keeps the last articles opened, the one opened longest ago dropped first", async ({ page, context }) => {
  const root = mkdtempSync(join(tmpdir(), "gazette-small-"));
  const dir = join(root, "dist");
  cpSync("dist", dir, { recursive: true });
  prerender(dir, { GAZETTE_OFFLINE_ARTICLES: "2" });
  const host = await nginx(dir, await freePort());
  const savedList = () =>
    page.evaluate(async () => (await (await fetch("/saved-articles.json")).json()).articles.map((a) => a.title));
  try {
    const [first, second, third] = [ARTICLES.budget, ARTICLES.tram, ARTICLES.market];
    await page.goto(`${host.url}/article/${first.slug}`);
    await saved(page, first.slug);
    for (const article of [second, third]) {
      await page.goto(`${host.url}/article/${article.slug}`);
      await expect(mainArticle(page, article.title)).toBeVisible();
      await saved(page, article.slug);
    }
    await expect.poll(savedList).toEqual([third.title, second.title]);

    await context.setOffline(true);
    await page.goto(`${host.url}/article/${first.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: OFFLINE.title })).toBeVisible();
    await page.goto(`${host.url}/article/${second.slug}`);
    await expect(mainArticle(page, second.title)).toBeVisible();
  } finally {
    await context.setOffline(false);
    await host.stop();
    rmSync(root, { recursive: true, force: true });
  }
});
