// Layout: the folding menu, and no sideways scrolling on the narrowest phones.
import { test, expect } from "./support/app.js";
import { ARTICLES, isPhone, mainArticle } from "./support.js";

test("the section menu folds behind “Menu” on a phone and is always shown on a desktop", async ({ page }, testInfo) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Rubriques" });
  const button = page.getByRole("button", { name: "Menu" });
  await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();
  if (isPhone(testInfo)) {
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(button).toHaveAttribute("aria-controls", "section-menu");
    await expect(nav).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Monde" })).toBeVisible();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
  } else {
    await expect(button).toBeHidden();
    await expect(nav.getByRole("link", { name: "Monde" })).toBeVisible();
  }
});

const NARROW_PAGES = [
  ["the front page", "/", (page) => page.getByRole("link", { name: ARTICLES.tram.title, exact: true })],
  ["a section", "/section/maroc", (page) => page.getByRole("link", { name: ARTICLES.budget.title, exact: true })],
  ["an article and its comments", `/article/${ARTICLES.tram.slug}`, (page) =>
    page.getByRole("region", { name: "Commentaires" }).getByText("12 commentaires", { exact: true })],
  ["an Arabic article", `/article/${ARTICLES.calligraphy.slug}`, (page) => mainArticle(page, ARTICLES.calligraphy.title)],
  ["the edge-case thread", `/article/${ARTICLES.market.slug}/comments`, (page) =>
    page.getByRole("article", { name: "Commentaire de Mehdi B." })],
  ["a deep sub-thread", `/article/${ARTICLES.market.slug}/comments/c216`, (page) =>
    page.getByRole("article", { name: "Réponse de Ahmed O., niveau 2" })],
];

for (const [what, url, ready] of NARROW_PAGES) {
  test(`${what} does not scroll sideways at 320 px`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 700 });
    await page.goto(url);
    await expect(ready(page)).toBeVisible();
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(320);
  });
}

test("a long URL in a comment wraps within a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto(`/article/${ARTICLES.market.slug}/comments`);
  const link = page.getByRole("article", { name: "Commentaire de Mehdi B." })
    .getByRole("link", { name: "https://example.org/tilwa/marche-central/dossier.pdf" });
  // Comments off screen skip layout (content-visibility): bring it on screen first.
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeInViewport();
  await expect.poll(async () => {
    const box = await link.boundingBox();
    return box.x >= 0 && box.x + box.width <= 320;
  }).toBe(true);
});
