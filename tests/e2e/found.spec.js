// Found and shared: the head a crawler or a link preview reads, kept in step
// by the app as the reader moves around; the feeds and sitemaps the build
// writes; and the static deployment as nginx serves it with the repo's file
// (deploy/nginx/gazette.conf, which this suite's read side runs on).
import { readFileSync } from "node:fs";
import { test, expect } from "./support/app.js";
import { ARTICLES, SITE } from "./support.js";

const BUDGET = ARTICLES.budget;
const demo = (path) => JSON.parse(readFileSync(`public/api/${path}`, "utf8"));
const site = demo("site.json");
const maroc = site.sections.find((s) => s.slug === "maroc");

/** What the document's head says now. */
async function head(page) {
  return page.evaluate(() => ({
    title: document.title,
    description: document.querySelector("meta[name=description]")?.content,
    canonical: document.querySelector("link[rel=canonical]")?.href,
    descriptions: document.querySelectorAll("meta[name=description]").length,
  }));
}

test("a shared article's page carries its own preview: title, lede, image", async ({ page }) => {
  await page.goto(`/article/${BUDGET.slug}`);
  const article = demo(`articles/${BUDGET.slug}.json`);
  const og = (property) => page.locator(`meta[property="${property}"]`);
  await expect(og("og:title")).toHaveAttribute("content", BUDGET.title);
  await expect(og("og:description")).toHaveAttribute("content", article.lede);
  await expect(og("og:type")).toHaveAttribute("content", "article");
  await expect(og("og:image")).toHaveAttribute("content", new RegExp(`^https?://[^/]+${article.image.src}$`));
  await expect(og("og:image:alt")).toHaveAttribute("content", article.image.alt);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
  const data = await page.locator('script[type="application/ld+json"]').allTextContents();
  const news = data.map((text) => JSON.parse(text)).find((d) => d["@type"] === "NewsArticle");
  expect(news.headline).toBe(BUDGET.title);
  expect(news.author).toEqual([{ "@type": "Person", name: "Yassine Boudlal" }]);
});

test("moving around in the app keeps the title, description and canonical link in step", async ({ page }) => {
  await page.goto("/section/maroc");
  expect(await head(page)).toMatchObject({ title: `${maroc.name} — ${SITE}`, description: maroc.description });
  await page.getByRole("link", { name: BUDGET.title, exact: true }).first().click();
  await expect(page).toHaveURL(`/article/${BUDGET.slug}`);
  await expect(page).toHaveTitle(`${BUDGET.title} — ${SITE}`);
  const article = demo(`articles/${BUDGET.slug}.json`);
  await expect.poll(async () => (await head(page)).description).toBe(article.lede);
  let now = await head(page);
  expect(new URL(now.canonical).pathname).toBe(`/article/${BUDGET.slug}`);
  expect(now.descriptions).toBe(1);

  await page.getByRole("main").getByRole("link", { name: maroc.name, exact: true }).first().click();
  await expect(page).toHaveURL("/section/maroc");
  await expect.poll(async () => (await head(page)).description).toBe(maroc.description);
  expect(new URL((await head(page)).canonical).pathname).toBe("/section/maroc");

  await page.goBack();
  await expect(page).toHaveURL(`/article/${BUDGET.slug}`);
  await expect.poll(async () => (await head(page)).description).toBe(article.lede);

  await page.goto("/pas/une/page");
  now = await head(page);
  expect(now.description).toBe(site.tagline);
  expect(now.canonical).toBeUndefined();
});

test("the feeds and sitemaps are there, and the pages name their feed", async ({ page, request }) => {
  for (const [path, type] of [
    ["/feed.xml", "application/atom+xml"],
    ["/section/maroc/feed.xml", "application/atom+xml"],
    ["/sitemap.xml", "text/xml"],
    ["/news-sitemap.xml", "text/xml"],
    ["/robots.txt", "text/plain"],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toContain(type);
  }
  const feed = await (await request.get("/section/maroc/feed.xml")).text();
  expect(feed).toContain(`<title>${maroc.name} — ${SITE}</title>`);
  await page.goto("/section/maroc");
  await expect(page.locator('link[rel=alternate][type="application/atom+xml"]'))
    .toHaveAttribute("href", /\/section\/maroc\/feed\.xml$/);
});

test("nginx with the repo's file: pretty URLs, real 404s, the app's shell, caching and compression", async ({ request }) => {
  for (const path of ["/", "/section/maroc", `/article/${BUDGET.slug}`, `/article/${BUDGET.slug}/comments`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["cache-control"], path).toBe("no-cache");
    expect(await response.text(), path).toContain("data-prerendered");
  }
  // Pages without a file of their own are the app's shell.
  for (const path of [`/article/${BUDGET.slug}/comments/c1`, "/moderation"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toContain("data-prerendered");
  }
  // Anything else is the not-found page, with its status.
  for (const path of ["/pas/une/page", "/article/nope", "/section/nope", "/.env"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).toContain("Page introuvable");
  }
  const missing = await request.get("/api/articles/nope.json");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
  const slash = await request.get("/section/maroc/", { maxRedirects: 0 });
  expect(slash.status()).toBe(301);
  expect(slash.headers()["location"]).toMatch(/\/section\/maroc$/);

  // Hashed files for a year; text compressed.
  const shell = readFileSync("dist/shell.html", "utf8");
  const wasm = shell.match(/module_or_path: ['"]\/?([^'"]+_bg\.wasm)/)[1];
  const js = shell.match(/from ['"]\/?([^'"]+\.js)['"]/)[1];
  for (const file of [wasm, js]) {
    const response = await request.get(`/${file}`, { headers: { "accept-encoding": "gzip" } });
    expect(response.status(), file).toBe(200);
    expect(response.headers()["cache-control"], file).toBe("public, max-age=31536000, immutable");
    expect(response.headers()["content-encoding"], file).toBe("gzip");
    expect(response.headers()["x-content-type-options"], file).toBe("nosniff");
  }
});
