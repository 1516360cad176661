// The locked-down page: the Content-Security-Policy and the other security
// headers, on the static deployment (nginx, the suite's baseURL) and on
// gazette-server, and proof that the policy stops what it is for. (Every
// other test fails on any policy violation: support/app.js.)
import { createHash } from "node:crypto";
import { test, expect } from "./support/server.js";
import { ARTICLES, mainArticle } from "./support.js";

const PAGES = [
  "/",
  "/section/maroc",
  `/article/${ARTICLES.budget.slug}`,
  `/article/${ARTICLES.budget.slug}/comments`,
  `/article/${ARTICLES.budget.slug}/comments/c121`,
  "/moderation",
  "/no-such-page",
];

/** The sha-256 sources of the inline scripts of `html` a browser runs. */
function inlineScriptHashes(html) {
  const hashes = [];
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const type = /\btype="([^"]*)"/.exec(attrs)?.[1];
    if (/\bsrc=/.test(attrs) || (type && type !== "module" && type !== "text/javascript")) continue;
    hashes.push(`'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  }
  return hashes;
}

/** The policy's directives, by name. */
function directives(policy) {
  return Object.fromEntries(
    policy.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]),
  );
}

async function expectLockedDown(request, base, path, { hsts = false } = {}) {
  const response = await request.get(`${base}${path}`);
  const headers = response.headers();
  const where = `${base}${path}`;
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
  expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
  expect(headers["permissions-policy"], where).toContain("camera=()");
  expect(headers["strict-transport-security"], where).toBe(hsts ? "max-age=63072000; includeSubDomains" : undefined);
  const policy = directives(headers["content-security-policy"] ?? "");
  expect(policy["script-src"], where).toEqual(expect.arrayContaining(["'self'", "'wasm-unsafe-eval'"]));
  for (const [name, values] of [
    ["style-src", ["'self'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'none'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["img-src", ["'self'"]],
    ["connect-src", ["'self'"]],
  ]) {
    expect(policy[name], `${name} on ${where}`).toEqual(values);
  }
  const all = Object.values(policy).flat();
  expect(all, where).not.toContain("'unsafe-inline'");
  expect(all, where).not.toContain("'unsafe-eval'");
  if ((headers["content-type"] ?? "").startsWith("text/html")) {
    const html = await response.text();
    for (const hash of inlineScriptHashes(html)) expect(policy["script-src"], `${hash} of ${where}`).toContain(hash);
    // The page's own fallback policy comes before anything it governs.
    const meta = html.indexOf('<meta http-equiv="Content-Security-Policy"');
    expect(meta, where).toBeGreaterThan(-1);
    expect(meta, where).toBeLessThan(html.indexOf("<script"));
  }
}

test("every answer of the static deployment carries the policy and the security headers", async ({ request, baseURL }) => {
  const site = await (await request.get(`${baseURL}/shell.html`)).text();
  const js = /href="(\/gazette-[0-9a-f]{16}\.js)"/.exec(site)[1];
  for (const path of [...PAGES, "/api/site.json", "/api/nope.json", js, "/sw.js", "/feed.xml"]) {
    await expectLockedDown(request, baseURL, path);
  }
});

test.describe("on gazette-server", () => {
  test.use({ serverOptions: { args: ["--hsts"] } });
  test("every answer carries the policy and, with --hsts, Strict-Transport-Security", async ({ request, server }) => {
    for (const path of [...PAGES, "/api/site.json", "/api/articles/nope.json", "/sw.js", "/sitemap.xml"]) {
      await expectLockedDown(request, server.url, path, { hsts: true });
    }
  });
});

test("the policy blocks a script, a style and a style attribute slipped into the page", async ({ page, cspViolations }) => {
  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await expect(mainArticle(page, ARTICLES.budget.title)).toBeVisible();
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.injected = true;";
    document.body.append(script);
    const style = document.createElement("style");
    style.textContent = "h1 { color: rgb(1, 2, 3) !important; }";
    document.head.append(style);
    document.querySelector("h1").setAttribute("style", "background-color: rgb(4, 5, 6)");
  });
  // Each is reported by both policies, the header's and the page's <meta>.
  await expect
    .poll(() => [...new Set(cspViolations.map((v) => v.directive))].sort())
    .toEqual(["script-src-elem", "style-src-attr", "style-src-elem"]);
  expect(await page.evaluate(() => window.injected)).toBeUndefined();
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).not.toHaveCSS("color", "rgb(1, 2, 3)");
  await expect(h1).not.toHaveCSS("background-color", "rgb(4, 5, 6)");
  // Seen and expected: the suite's check after the test is for the others.
  cspViolations.length = 0;
});
