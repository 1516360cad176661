// Accessibility audit (WCAG 2.2 AA rules of axe-core) of every page and
// state a reader meets: each in French and Arabic, light and dark, on the
// desktop and phone projects. A page per language, set before the app loads
// as a returning reader's stored choice would be; the system's light and dark
// schemes are then checked on the same state. Also: reading from the keyboard.
import { test, expect, waitForApp } from "./support/app.js";
import { ARTICLES, mainArticle, serveShell } from "./support.js";
import { auditBothSchemes } from "./support/axe.js";
const MARKET = ARTICLES.market;
const THREAD = `/article/${MARKET.slug}/comments`;

/** What the reader sees, per interface language (crates/model/src/i18n.rs). */
const UI = {
  fr: {
    dir: "ltr",
    front: "À la une",
    comments: "Commentaires",
    count22: "22 commentaires",
    topComment: (author) => `Commentaire de ${author}`,
    reply: "Répondre",
    author: "Votre nom",
    body: "Votre commentaire",
    send: "Publier",
    retrySend: "Réessayer l’envoi",
    authorMissing: "Le nom est obligatoire.",
    sendFailed: "Non envoyé : votre texte est conservé.",
    notFound: "Page introuvable",
    errorTitle: "Le contenu n’a pas pu être chargé",
    error500: "Le serveur a répondu par une erreur (500).",
    loading: "Chargement…",
    report: "Signaler",
    reportSpam: "Spam ou publicité",
  },
  ar: {
    dir: "rtl",
    front: "أبرز الأخبار",
    comments: "التعليقات",
    count22: "22 تعليقا",
    topComment: (author) => `تعليق من ${author}`,
    reply: "ردّ",
    author: "اسمك",
    body: "تعليقك",
    send: "نشر",
    retrySend: "أعد محاولة الإرسال",
    authorMissing: "الاسم مطلوب.",
    sendFailed: "لم يُرسل: نصّك محفوظ.",
    notFound: "الصفحة غير موجودة",
    errorTitle: "تعذّر تحميل المحتوى",
    error500: "ردّ الخادم بخطأ (500).",
    loading: "جارٍ التحميل…",
    report: "إبلاغ",
    reportSpam: "رسائل مزعجة أو إعلانات",
  },
};

const comment = (page, name) => page.getByRole("article", { name, exact: true });

/** The thread of the market article, loaded, with its "Répondre" buttons. */
async function openThread(page, t) {
  await page.goto(THREAD);
  await expect(page.getByText(t.count22, { exact: true })).toBeVisible();
  await expect(comment(page, t.topComment("Touria"))).toBeVisible();
}

/** Opens the inline reply form under Touria's comment; returns its fields. */
async function openReplyForm(page, t) {
  await openThread(page, t);
  const button = comment(page, t.topComment("Touria")).getByRole("button", { name: t.reply, exact: true });
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");
  const form = page.getByRole("listitem").filter({ has: comment(page, t.topComment("Touria")) }).locator("form");
  const author = form.getByRole("textbox", { name: t.author, exact: true });
  await expect(author).toBeFocused();
  return {
    form,
    author,
    body: form.getByRole("textbox", { name: t.body, exact: true }),
    send: form.getByRole("button", { name: t.send, exact: true }),
  };
}

/**
 * Each page or state: `open` brings the page there and checks that the
 * reader sees it, and returns a cleanup for anything it holds.
 */
const STATES = [
  ["front page", async (page, t) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: t.front })).toBeVisible();
    await expect(page.getByRole("link", { name: MARKET.title, exact: true })).toBeVisible();
  }],
  ["section page", async (page) => {
    await page.goto("/section/maroc");
    await expect(page.getByRole("heading", { level: 1, name: "Maroc" })).toBeVisible();
    await expect(page.getByRole("link", { name: ARTICLES.budget.title, exact: true })).toBeVisible();
  }],
  ["article", async (page, t) => {
    await page.goto(`/article/${MARKET.slug}`);
    await expect(page.getByRole("heading", { level: 1, name: MARKET.title })).toBeVisible();
    await expect(page.getByRole("region", { name: t.comments }).getByText(t.count22, { exact: true })).toBeVisible();
  }],
  ["thread", async (page, t) => {
    await openThread(page, t);
  }],
  ["sub-thread", async (page, t) => {
    await page.goto(`${THREAD}/c215`);
    await expect(comment(page, t.topComment("Soufiane"))).toBeFocused();
  }],
  ["reply form open", async (page, t) => {
    await openReplyForm(page, t);
  }],
  ["reply form with errors", async (page, t) => {
    const form = await openReplyForm(page, t);
    await form.send.click();
    await expect(form.form.getByText(t.authorMissing, { exact: true })).toBeVisible();
    await expect(form.author).toBeFocused();
    await expect(form.author).toHaveAttribute("aria-invalid", "true");
  }],
  ["report form open", async (page, t) => {
    await openThread(page, t);
    await comment(page, t.topComment("Touria")).getByRole("button", { name: t.report, exact: true }).click();
    const form = page.getByRole("form", { name: t.report });
    await expect(form.getByRole("radio", { name: t.reportSpam })).toBeFocused();
    // With the "choose a reason" error shown too.
    await form.locator("button[type=submit]").click();
    await expect(form.locator(".field-error")).toBeVisible();
  }],
  ["sending failed", async (page, t) => {
    await page.route(`**/api/articles/${MARKET.slug}/comments`, (route) =>
      route.request().method() === "POST" ? route.abort("connectionrefused") : route.fallback());
    const form = await openReplyForm(page, t);
    await form.author.fill("Lina");
    await form.body.fill("Un avis qui ne partira pas.");
    await form.send.click();
    await expect(form.form.getByRole("status")).toHaveText(t.sendFailed);
    await expect(form.form.getByRole("button", { name: t.retrySend, exact: true })).toBeVisible();
  }],
  ["not-found page", async (page, t) => {
    await page.goto("/pas/de/page/ici");
    await expect(page.getByRole("heading", { level: 1, name: t.notFound })).toBeVisible();
  }],
  ["error state", async (page, t) => {
    await serveShell(page);
    await page.route(`**/api/articles/${MARKET.slug}.json`, (route) =>
      route.fulfill({ status: 500, json: { error: { code: "internal", message: "boom" } } }));
    await page.goto(`/article/${MARKET.slug}`);
    const alert = page.getByRole("alert");
    await expect(alert.getByRole("heading", { level: 1, name: t.errorTitle })).toBeVisible();
    await expect(alert.getByText(t.error500, { exact: true })).toBeVisible();
  }],
  ["loading state", async (page, t) => {
    await serveShell(page);
    // The article's JSON is held unanswered: the skeleton stays on screen.
    let held;
    let heard;
    const requested = new Promise((resolve) => (heard = resolve));
    await page.route(`**/api/articles/${MARKET.slug}.json`, (route) => {
      held = route;
      heard();
    });
    await page.goto(`/article/${MARKET.slug}`);
    await requested;
    const main = page.getByRole("main");
    await expect(main.getByRole("status").filter({ hasText: t.loading }).first()).toHaveText(t.loading);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(0);
    return () => held.abort().catch(() => {});
  }],
];

for (const [name, open] of STATES) {
  test(`${name} has no WCAG 2.2 AA violations, in French and Arabic, light and dark`, async ({ context }, testInfo) => {
    for (const lang of ["fr", "ar"]) {
      const t = UI[lang];
      const page = waitForApp(await context.newPage());
      try {
        await page.addInitScript((tag) => {
          try { localStorage.setItem("gazette.lang", tag); } catch {}
        }, lang);
        await page.emulateMedia({ colorScheme: "light" });
        const release = await open(page, t);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("html")).toHaveAttribute("dir", t.dir);
        // The same state in both schemes: the system's choice applies live.
        await auditBothSchemes(page, `${name}, ${lang}, ${testInfo.project.name}`);
        await release?.();
      } finally {
        // Drafts and preferences must not leak into the next language.
        await page.evaluate(() => localStorage.clear()).catch(() => {});
        await page.close();
      }
    }
  });
}

test("from the keyboard alone: the skip link comes first, then an article opens with Enter", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();
  const tram = page.getByRole("link", { name: ARTICLES.tram.title, exact: true });
  await expect(tram).toBeVisible();

  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu", exact: true });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  // Past the masthead: the first story is a couple of presses away.
  expect(await tabUntilFocused(page, tram, 3)).toBeLessThanOrEqual(3);
  await page.keyboard.press("Enter");
  await expect(mainArticle(page, ARTICLES.tram.title)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/article/${ARTICLES.tram.slug}$`));
});

/**
 * Presses Tab until `target` has focus, as a keyboard user would; fails if
 * it is not reached within `max` presses. Returns the number of presses.
 */
async function tabUntilFocused(page, target, max) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}
