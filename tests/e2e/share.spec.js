// Sharing an article or a comment: the share menu's links, copying the link
// (granted and refused clipboard), the device's share sheet, and using the
// menu from the keyboard. Shared links are the canonical URL: no query, no
// fragment (tracking parameters stay out).
import { test, expect } from "./support/app.js";
import { ARTICLES, mainArticle } from "./support.js";

const BUDGET = ARTICLES.budget;
const MARKET = ARTICLES.market;
const TEXT = {
  share: "Partager",
  device: "Partager avec une application…",
  copy: "Copier le lien",
  copied: "Lien copié",
  fallback: "Le presse-papiers est indisponible : copiez ce lien.",
};
const NETWORKS = ["Partager sur X", "Partager sur Facebook", "Partager sur WhatsApp", "Partager sur LinkedIn", "Partager sur Telegram", "Envoyer par e-mail"];

/** The share links a page titled `title` at `url` must offer, by accessible name. */
function expectedLinks(title, url) {
  const t = encodeURIComponent(title);
  const u = encodeURIComponent(url);
  return {
    "Partager sur X": `https://x.com/intent/post?text=${t}&url=${u}`,
    "Partager sur Facebook": `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    "Partager sur WhatsApp": `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`,
    "Partager sur LinkedIn": `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    "Partager sur Telegram": `https://t.me/share/url?url=${u}&text=${t}`,
    "Envoyer par e-mail": `mailto:?subject=${t}&body=${u}`,
  };
}

/** The canonical URL of a site path on the server the page was opened from. */
const canonical = (page, path) => `${new URL(page.url()).origin}${path}`;

/** Opens the budget article with a tracking query and a fragment. */
async function openArticle(page) {
  await page.goto(`/article/${BUDGET.slug}?utm_source=x#top`);
  const article = mainArticle(page, BUDGET.title);
  await expect(article).toBeVisible();
  return article;
}

/** The "Partager" button at the top of the article (the first of its two). */
const topShare = (article) => article.getByRole("button", { name: TEXT.share, exact: true }).first();

/**
 * Expects `text` shown on screen inside `scope`: besides the visually
 * hidden status that announces it, at full size.
 */
async function expectShown(scope, text) {
  const matches = scope.getByText(text, { exact: true });
  await expect.poll(() => matches.evaluateAll((els) =>
    els.filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 8).map((el) => el.textContent)))
    .toEqual([text]);
}

/** Opens a share menu with its button and checks it is open. */
async function openMenu(page, button) {
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: NETWORKS[0], exact: true })).toBeVisible();
}

test("the share links carry the encoded title and the canonical URL, in a new tab without referrer", async ({ page }) => {
  const article = await openArticle(page);
  await expect(article.getByRole("button", { name: TEXT.share, exact: true })).toHaveCount(2);
  await openMenu(page, topShare(article));

  const url = canonical(page, `/article/${BUDGET.slug}`);
  const expected = expectedLinks(BUDGET.title, url);
  for (const [name, href] of Object.entries(expected)) {
    const link = page.getByRole("link", { name, exact: true });
    await expect(link, name).toHaveCount(1);
    await expect(link, name).toBeVisible();
    await expect(link, name).toHaveAttribute("href", href);
    await expect(link, name).toHaveAttribute("target", "_blank");
    await expect(link, name).toHaveAttribute("rel", "noopener noreferrer");
    const shared = await link.getAttribute("href");
    expect(shared, name).not.toContain("utm_source");
    expect(shared, name).not.toContain(encodeURIComponent("#top"));
  }
  // The title really is encoded: its spaces, colon and accents never appear raw.
  expect(expected["Partager sur X"]).toContain("Eau%20%3A%20Casablanca%20vote%20un%20budget%20in%C3%A9dit");
  await expect(page.getByRole("link", { name: "Copier le lien" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: TEXT.copy, exact: true })).toBeVisible();

  // The bottom controls share the same page.
  await topShare(article).click();
  await expect(page.getByRole("link", { name: NETWORKS[0], exact: true })).toHaveCount(0);
  await openMenu(page, article.getByRole("button", { name: TEXT.share, exact: true }).last());
  await expect(page.getByRole("link", { name: "Envoyer par e-mail", exact: true })).toHaveAttribute("href", expected["Envoyer par e-mail"]);
});

test("“Copier le lien” puts the canonical URL on the clipboard and says “Lien copié”", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const article = await openArticle(page);
  await openMenu(page, topShare(article));
  await page.getByRole("button", { name: TEXT.copy, exact: true }).click();

  await expectShown(page, TEXT.copied);
  await expect(page.getByRole("status").filter({ hasText: TEXT.copied })).toHaveText(TEXT.copied);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(canonical(page, `/article/${BUDGET.slug}`));
  await expect(page.getByRole("textbox", { name: TEXT.fallback })).toHaveCount(0);
});

test("with the clipboard refused, the link is shown in a field, selected, ready to copy by hand", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Refused", "NotAllowedError"));
  });
  const article = await openArticle(page);
  await openMenu(page, topShare(article));
  await page.getByRole("button", { name: TEXT.copy, exact: true }).click();

  const field = page.getByRole("textbox", { name: TEXT.fallback, exact: true });
  const url = canonical(page, `/article/${BUDGET.slug}`);
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(url);
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("readonly", "");
  expect(await field.evaluate((input) => [input.selectionStart, input.selectionEnd])).toEqual([0, url.length]);
  await expect(page.getByText(TEXT.copied, { exact: true })).toHaveCount(0);
});

test("a comment's share menu shares its permalink", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`/article/${MARKET.slug}/comments?utm_source=x#top`);
  const touria = page.getByRole("article", { name: "Commentaire de Touria", exact: true });
  await expect(touria).toBeVisible();
  const button = touria.getByRole("button", { name: TEXT.share, exact: true });
  await openMenu(page, button);

  const permalink = canonical(page, `/article/${MARKET.slug}/comments/c224`);
  const expected = expectedLinks("Horaires du vendredi", permalink);
  for (const [name, href] of Object.entries(expected)) {
    await expect(touria.getByRole("link", { name, exact: true }), name).toHaveAttribute("href", href);
  }
  await touria.getByRole("button", { name: TEXT.copy, exact: true }).click();
  await expectShown(touria, TEXT.copied);
  await expect(touria.getByRole("status").filter({ hasText: TEXT.copied })).toHaveText(TEXT.copied);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(permalink);

  // The permalink opens that comment's sub-thread.
  await page.goto(permalink);
  await expect(page.getByRole("article", { name: "Commentaire de Touria", exact: true })).toBeFocused();
});

test("the device's share sheet is offered only where the browser has one, with the canonical URL", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(Navigator.prototype, "share", {
      configurable: true,
      value: (data) => { window.__shared.push(data); return Promise.resolve(); },
    });
  });
  const article = await openArticle(page);
  await openMenu(page, topShare(article));
  await page.getByRole("button", { name: TEXT.device, exact: true }).click();
  expect(await page.evaluate(() => window.__shared)).toEqual([
    { title: BUDGET.title, text: BUDGET.title, url: canonical(page, `/article/${BUDGET.slug}`) },
  ]);

  // Without navigator.share, the menu has no such button.
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.reload();
  const reloaded = mainArticle(page, BUDGET.title);
  await expect(reloaded).toBeVisible();
  expect(await page.evaluate(() => "share" in navigator)).toBe(false);
  await openMenu(page, topShare(reloaded));
  await expect(page.getByRole("button", { name: TEXT.device })).toHaveCount(0);
});

test("Escape closes the share menu and returns focus to “Partager”", async ({ page }) => {
  const article = await openArticle(page);
  const button = topShare(article);
  await openMenu(page, button);
  const first = page.getByRole("link", { name: NETWORKS[0], exact: true });
  await first.focus();
  await expect(first).toBeFocused();

  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("link", { name: NETWORKS[0], exact: true })).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("from the keyboard alone: Tab reaches “Partager”, Enter opens the menu, Tab enters it", async ({ page }) => {
  const article = await openArticle(page);
  const button = topShare(article);
  await expect(page.getByRole("heading", { level: 1, name: BUDGET.title })).toBeVisible();

  const presses = await tabUntilFocused(page, button);
  expect(presses).toBeGreaterThan(1);
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(button).toBeFocused();

  await page.keyboard.press("Tab");
  const canShare = await page.evaluate(() => "share" in navigator);
  await expect(canShare
    ? page.getByRole("button", { name: TEXT.device, exact: true })
    : page.getByRole("link", { name: NETWORKS[0], exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");
});

/**
 * Presses Tab until `target` has focus, as a keyboard user would; fails if
 * it is not reached within `max` presses. Returns the number of presses.
 */
async function tabUntilFocused(page, target, max = 60) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}
