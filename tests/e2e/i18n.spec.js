// Languages and themes: the interface language switch (French, English,
// Arabic) and its right-to-left layout, articles that speak their own
// language, plural forms, and the colour theme switch. Both choices are kept
// across visits. The plural test posts comments to a real gazette-server.
import { test, expect } from "./support/server.js";
import { ARTICLES, backgroundLuminance, isPhone, mainArticle } from "./support.js";

const FRONT = { fr: "À la une", en: "Top stories", ar: "أبرز الأخبار" };
const html = (page) => page.locator("html");

/** Picks an interface language by its visible name in the language select. */
async function chooseLanguage(page, currentLabel, languageName) {
  await page.getByRole("combobox", { name: currentLabel, exact: true }).selectOption({ label: languageName });
}

async function expectInterface(page, lang, dir) {
  await expect(page.getByRole("heading", { level: 1, name: FRONT[lang], exact: true })).toBeVisible();
  await expect(html(page)).toHaveAttribute("lang", lang);
  await expect(html(page)).toHaveAttribute("dir", dir);
}

const arabicInterface = (page) =>
  page.addInitScript(() => {
    if (!localStorage.getItem("gazette.lang")) localStorage.setItem("gazette.lang", "ar");
  });

test("the language switch changes the interface and <html lang dir>, and is kept after a reload", async ({ page }) => {
  await page.goto("/");
  await expectInterface(page, "fr", "ltr");
  await expect(page.getByRole("combobox", { name: "Langue" })).toHaveValue("fr");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toHaveCount(1);

  await chooseLanguage(page, "Langue", "English");
  await expectInterface(page, "en", "ltr");
  await expect(page.getByRole("combobox", { name: "Language" })).toHaveValue("en");
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("auto");
  await expect(page.getByRole("link", { name: "Skip to content" })).toHaveCount(1);
  await expect(page.getByRole("heading", { name: FRONT.fr })).toHaveCount(0);
  // The articles keep their own language: a French card stays French.
  await expect(page.getByRole("link", { name: ARTICLES.tram.title, exact: true })).toBeVisible();
  await expect(page.getByText("12 commentaires", { exact: true })).toBeVisible();

  await chooseLanguage(page, "Language", "العربية");
  await expectInterface(page, "ar", "rtl");
  await expect(page.getByRole("combobox", { name: "اللغة" })).toHaveValue("ar");
  await expect(page.getByRole("link", { name: "انتقل إلى المحتوى" })).toHaveCount(1);

  await page.reload();
  await expectInterface(page, "ar", "rtl");
  await expect(page.getByRole("combobox", { name: "اللغة" })).toHaveValue("ar");

  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await expect(mainArticle(page, ARTICLES.budget.title)).toBeVisible();
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("button", { name: "مشاركة" }).first()).toBeVisible();

  await chooseLanguage(page, "اللغة", "Français");
  await expect(page.getByRole("button", { name: "Partager" }).first()).toBeVisible();
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(html(page)).toHaveAttribute("dir", "ltr");
});

test("in Arabic the section menu starts on the right", async ({ page }, testInfo) => {
  await arabicInterface(page);
  await page.goto("/");
  await expectInterface(page, "ar", "rtl");
  const nav = page.getByRole("navigation", { name: "الأقسام" });
  if (isPhone(testInfo)) {
    const button = page.getByRole("button", { name: "القائمة" });
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
  }
  const first = nav.getByRole("link", { name: FRONT.ar, exact: true });
  const last = nav.getByRole("link", { name: "Monde", exact: true });
  await expect(first).toBeVisible();
  await expect(last).toBeVisible();

  if (isPhone(testInfo)) {
    // One link a line, top to bottom, each name set against the right edge.
    const [a, b] = [await first.boundingBox(), await last.boundingBox()];
    expect(a.y).toBeLessThan(b.y);
    for (const link of [first, last]) {
      const { box, text } = await link.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        const e = el.getBoundingClientRect();
        return { box: { left: e.left, right: e.right }, text: { left: r.left, right: r.right } };
      });
      expect(text.left).toBeGreaterThan((box.left + box.right) / 2);
      expect(box.right - text.right).toBeLessThan(40);
    }
  } else {
    const [a, b] = [await first.boundingBox(), await last.boundingBox()];
    expect(a.x).toBeGreaterThan(b.x);
    expect(Math.abs(a.y - b.y)).toBeLessThan(a.height);
  }
});

test("a reply is indented from the right in Arabic, from the left in French", async ({ page }) => {
  const parentOf = { fr: "Commentaire de Ghita", ar: "تعليق من Ghita" };
  const replyOf = { fr: "Réponse de Youssef K., niveau 2", ar: "ردّ من Youssef K.، المستوى 2" };
  const boxes = async (lang) => {
    const parent = page.getByRole("article", { name: parentOf[lang], exact: true });
    const reply = page.getByRole("article", { name: replyOf[lang], exact: true });
    await reply.scrollIntoViewIfNeeded();
    await expect(reply).toBeInViewport();
    return [await parent.boundingBox(), await reply.boundingBox()];
  };

  await page.goto(`/article/${ARTICLES.market.slug}/comments`);
  await expect(html(page)).toHaveAttribute("dir", "ltr");
  const [frParent, frReply] = await boxes("fr");
  expect(frReply.x).toBeGreaterThan(frParent.x + 8);
  expect(frReply.x + frReply.width).toBeCloseTo(frParent.x + frParent.width, 0);

  await chooseLanguage(page, "Langue", "العربية");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  const [parent, reply] = await boxes("ar");
  expect(reply.x + reply.width).toBeLessThan(parent.x + parent.width - 8);
  expect(reply.x).toBeCloseTo(parent.x, 0);
});

test("an English article reads “N min read” with English dates, whatever the interface language", async ({ page }) => {
  const { slug, title } = ARTICLES.halfMarathon;
  for (const ui of ["fr", "ar"]) {
    await page.goto("/");
    await page.evaluate((tag) => localStorage.setItem("gazette.lang", tag), ui);
    await page.goto(`/article/${slug}`);
    await expect(html(page)).toHaveAttribute("lang", ui);
    const article = mainArticle(page, title);
    await expect(article).toBeVisible();
    await expect(article).toHaveAttribute("lang", "en");
    await expect(article.getByText("1 min read", { exact: true })).toBeVisible();
    await expect(article.getByText("Published December 14, 2025", { exact: true })).toBeVisible();
    await expect(article.getByText("By Omar Taleb", { exact: true })).toBeVisible();
    await expect(article.getByText(/Temps de lecture|Publié le|مدة القراءة/)).toHaveCount(0);
  }

  // Its card on the front page, too; the French card beside it stays French.
  await page.goto("/");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(card.getByText("December 14, 2025", { exact: true })).toBeVisible();
  await expect(card.getByText("1 min read", { exact: true })).toBeVisible();
  const french = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: ARTICLES.tram.title, exact: true }) });
  await expect(french.getByText("2 mars 2026", { exact: true })).toBeVisible();
  await expect(french.getByText("Temps de lecture : 2 min", { exact: true })).toBeVisible();
});

test("the theme switch sets data-theme over the system's choice, and is kept after a reload", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expectInterface(page, "fr", "ltr");
  const theme = page.getByRole("combobox", { name: "Thème" });
  await expect(theme).toHaveValue("auto");
  await expect(html(page)).not.toHaveAttribute("data-theme");
  expect(await backgroundLuminance(page)).toBeLessThan(0.2);

  await theme.selectOption({ label: "Clair" });
  await expect(html(page)).toHaveAttribute("data-theme", "light");
  await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.6);

  await page.reload();
  await expectInterface(page, "fr", "ltr");
  await expect(html(page)).toHaveAttribute("data-theme", "light");
  await expect(page.getByRole("combobox", { name: "Thème" })).toHaveValue("light");
  expect(await backgroundLuminance(page)).toBeGreaterThan(0.6);

  await page.emulateMedia({ colorScheme: "light" });
  await page.getByRole("combobox", { name: "Thème" }).selectOption({ label: "Sombre" });
  await expect(html(page)).toHaveAttribute("data-theme", "dark");
  await expect.poll(() => backgroundLuminance(page)).toBeLessThan(0.2);

  // Switching language keeps the theme.
  await chooseLanguage(page, "Langue", "English");
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
  await expect(html(page)).toHaveAttribute("data-theme", "dark");

  await page.getByRole("combobox", { name: "Theme" }).selectOption({ label: "Automatic" });
  await expect(html(page)).not.toHaveAttribute("data-theme");
  await expect.poll(() => backgroundLuminance(page)).toBeGreaterThan(0.6);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("auto");
  await expect(html(page)).not.toHaveAttribute("data-theme");
});

test("cards count comments with each article's plural forms", async ({ page }) => {
  await page.goto("/");
  const card = (title) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
  await expect(card(ARTICLES.tram.title).getByText("12 commentaires", { exact: true })).toBeVisible();
  await expect(card(ARTICLES.halfMarathon.title).getByText("5 comments", { exact: true })).toBeVisible();
  await expect(card(ARTICLES.calligraphy.title).getByText("6 تعليقات", { exact: true })).toBeVisible();
  // No count at all for an article without comments.
  await expect(card(ARTICLES.coastal.title)).toBeVisible();
  await expect(card(ARTICLES.coastal.title).getByText(/comment/)).toHaveCount(0);
});

test("the thread counts “1 commentaire”, then “2 commentaires” (“2 comments”, “تعليقان”)", async ({ page, server }) => {
  await page.goto(`${server.url}/article/${ARTICLES.fishing.slug}`);
  const thread = page.getByRole("region", { name: "Commentaires" });
  await expect(thread.getByText("Soyez le premier à donner votre avis", { exact: true })).toBeVisible();
  await expect(thread.getByText("0 commentaire", { exact: true })).toBeVisible();

  const post = async (author, body) => {
    await thread.getByRole("textbox", { name: "Votre nom", exact: true }).fill(author);
    await thread.getByRole("textbox", { name: "Votre commentaire", exact: true }).fill(body);
    await thread.getByRole("button", { name: "Publier", exact: true }).click();
    await expect(thread.getByRole("status").filter({ hasText: "Votre commentaire est publié." })).toBeVisible();
  };
  await post("Nadia", "Enfin un accord.");
  await expect(thread.getByText("1 commentaire", { exact: true })).toBeVisible();
  await post("Karim", "Reste à le faire respecter.");
  await expect(thread.getByText("2 commentaires", { exact: true })).toBeVisible();

  await chooseLanguage(page, "Langue", "English");
  const comments = page.getByRole("region", { name: "Comments" });
  await expect(comments.getByText("2 comments", { exact: true })).toBeVisible();
  await chooseLanguage(page, "Language", "العربية");
  await expect(page.getByRole("region", { name: "التعليقات" }).getByText("تعليقان", { exact: true })).toBeVisible();
  expect(await server.comments(ARTICLES.fishing.slug)).toHaveLength(2);
});
