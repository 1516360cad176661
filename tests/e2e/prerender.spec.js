// The build's prerendered pages (crates/prerender): a reader sees the page
// from its HTML alone, before and without the app; the app then takes the
// page over from the same data, with no second copy and nothing moving.
import { test, expect } from "./support/app.js";
import { ARTICLES, SITE, isPhone, mainArticle, openMenu, watchProblems } from "./support.js";

const BUDGET = ARTICLES.budget;
const HERO_ALT = "Vagues bleues superposées sur un fond en dégradé";

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("an article reads in full from its page", async ({ page }) => {
    await page.goto(`/article/${BUDGET.slug}`);
    await expect(page).toHaveTitle(`${BUDGET.title} — ${SITE}`);
    const article = mainArticle(page, BUDGET.title);
    await expect(article).toBeVisible();
    await expect(article.getByRole("link", { name: "Maroc" })).toHaveAttribute("href", "/section/maroc");
    await expect(article.getByText("Temps de lecture : 2 min", { exact: true })).toBeVisible();
    await expect(article.getByText("Par Yassine Boudlal", { exact: true })).toBeVisible();
    await expect(article.locator("time").first()).toHaveAttribute("datetime", "2025-10-08T11:40:00+01:00");
    await expect(article.getByRole("img", { name: HERO_ALT })).toBeVisible();
    await expect(article.getByRole("heading", { level: 2, name: "Trois chantiers prioritaires" })).toBeVisible();
    await expect(article.getByRole("listitem").filter({ hasText: "120 kilomètres de conduites" })).toBeVisible();
    // The thread is live data: the page says it is loading rather than show stale comments.
    const thread = page.getByRole("region", { name: "Commentaires" });
    await expect(thread.getByRole("status")).toHaveText("Chargement…");
  });

  test("the front page and a section lead to their articles", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page).toHaveTitle(SITE);
    await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();
    if (!isPhone(testInfo)) {
      // The folded phone menu needs the app to open.
      await page.getByRole("navigation", { name: "Rubriques" }).getByRole("link", { name: "Culture" }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Culture" })).toBeVisible();
    }
    await page.getByRole("link", { name: ARTICLES.festival.title, exact: true }).click();
    await expect(page).toHaveURL(`/article/${ARTICLES.festival.slug}`);
    await expect(mainArticle(page, ARTICLES.festival.title)).toBeVisible();
  });

  test("a whole thread reads from its page", async ({ page }) => {
    await page.goto(`/article/${BUDGET.slug}/comments`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(BUDGET.title);
    const thread = page.getByRole("region", { name: "Commentaires" });
    await expect(thread.getByText("6 commentaires", { exact: true })).toBeVisible();
    await expect(thread.getByRole("article", { name: "Commentaire de Kenza.L" })).toBeVisible();
    await expect(thread.getByRole("article", { name: /^Réponse de LectriceDuMardi/ })).toBeVisible();
  });

  test("a page the build did not prerender says the app is needed", async ({ page }) => {
    await page.goto(`/article/${BUDGET.slug}/comments/c122`);
    // What the reader sees rendered (Playwright's text locators skip <noscript>).
    const shown = await page.locator("body").evaluate((body) => body.innerText.trim());
    expect(shown).toBe("La Gazette a besoin de JavaScript et de WebAssembly pour afficher les articles.");
  });
});

test("the app takes the article over: one copy, nothing moves, everything works", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await page.goto(`/article/${BUDGET.slug}`);
  // The app has started once the prerendered markup and its data are gone.
  await expect(page.locator("[data-prerendered], script[data-api]")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(mainArticle(page, BUDGET.title)).toBeVisible();
  // The comments, which the page did not carry, arrive.
  await expect(page.getByRole("region", { name: "Commentaires" }).getByText("6 commentaires", { exact: true })).toBeVisible();

  const shifts = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const seen = [];
        new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ type: "layout-shift", buffered: true });
        // Buffered entries are delivered in the observer's first callback.
        setTimeout(() => resolve(seen.filter((e) => !e.hadRecentInput).map((e) => e.value)), 300);
      }),
  );
  expect(shifts).toEqual([]);

  // The page is the app's now: share opens its menu, the menu routes in place.
  await page.getByRole("button", { name: "Partager" }).first().click();
  await expect(page.getByRole("button", { name: "Copier le lien" }).first()).toBeVisible();
  const nav = await openMenu(page, testInfo);
  await nav.getByRole("link", { name: "Culture" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Culture" })).toBeVisible();
  expect(problems.page).toEqual([]);
  expect(problems.console).toEqual([]);
});

test("a reader's language applies as the app takes over", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("gazette.lang", "en"));
  await page.goto(`/article/${BUDGET.slug}`);
  await expect(page.locator("[data-prerendered]")).toHaveCount(0);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
  // The article keeps its own language.
  await expect(mainArticle(page, BUDGET.title).getByText("Temps de lecture : 2 min", { exact: true })).toBeVisible();
});

test("a reader who chose another language never sees the page in the site's", async ({ page, baseURL }) => {
  await page.addInitScript(() => {
    try {
      localStorage.setItem("gazette.lang", "en");
    } catch {}
  });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    await route.fallback();
  });
  // Navigated from the page itself: the fixture's goto would wait for the app.
  await page.goto("about:blank");
  await page.evaluate((url) => (location.href = url), new URL(`/article/${BUDGET.slug}`, baseURL).href);
  await expect(page.locator("[data-prerendered]")).toBeAttached();
  await expect(page.getByRole("heading", { level: 1, name: BUDGET.title })).toBeHidden();
  await expect(page.getByText("Aller au contenu")).toBeHidden();

  release();
  await expect(page.locator("[data-prerendered]")).toHaveCount(0);
  await expect(mainArticle(page, BUDGET.title)).toBeVisible();
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeAttached();
});
