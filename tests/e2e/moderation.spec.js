// The moderation desk and reader reports, against the real server and its
// SQLite file: a moderator made on the command line signs in at
// /moderation and decides with the keyboard; readers flag comments. Each
// reader is a browser context of its own, told apart by the address a
// trusted proxy (loopback) names in X-Forwarded-For.
import { test, expect } from "./support/server.js";
import { waitForApp, watchCsp } from "./support/app.js";
import { auditBothSchemes } from "./support/axe.js";
import { BUDGET, TEXT, comment, fillForm, openThread, patchSiteComments, topForm } from "./support/replies.js";

const MODERATOR = { name: "amina", password: "une phrase de passe solide" };

const DESK = {
  title: "Bureau de modération",
  name: "Nom",
  password: "Mot de passe",
  signIn: "Se connecter",
  wrong: "Nom ou mot de passe incorrect.",
  queue: "File de modération",
  approved: "Commentaire approuvé.",
  restored: "Commentaire rétabli.",
  restore: "Rétablir",
  ban: "Bannir l'auteur",
  banSend: "Confirmer le bannissement",
  banned: "Auteur banni : ses commentaires et signalements sont refusés.",
  needsServer: /La modération demande le serveur Gazette/,
  filter: "Afficher",
  log: "Journal des décisions",
};

const REPORT = {
  button: "Signaler",
  spam: "Spam ou publicité",
  send: "Envoyer le signalement",
  sent: "Merci. La modération va examiner ce commentaire ; s'il enfreint les règles, il sera retiré.",
  again: "Vous avez déjà signalé ce commentaire. La modération va l'examiner.",
};

const BANNED = "La modération a suspendu ce navigateur : vous ne pouvez plus commenter ni signaler pour le moment. Votre texte est conservé.";

/** A page in a browser of its own, coming from `ip` through the proxy. */
async function reader(browser, server, ip) {
  const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "X-Forwarded-For": ip } });
  const violations = [];
  await watchCsp(context, violations);
  const page = waitForApp(await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
  };
}

/** Opens the desk and signs in; returns the queue region. */
async function signIn(page, server) {
  await page.goto(`${server.url}/moderation`);
  await expect(page.getByRole("heading", { level: 1, name: DESK.title })).toBeVisible();
  await page.getByLabel(DESK.name, { exact: true }).fill(MODERATOR.name);
  await page.getByLabel(DESK.password, { exact: true }).fill(MODERATOR.password);
  await page.getByRole("button", { name: DESK.signIn, exact: true }).click();
  const queue = page.getByRole("region", { name: DESK.queue });
  await expect(queue).toBeVisible();
  return queue;
}

/** The queue item written by `author`. */
const item = (queue, author) => queue.getByRole("article", { name: author, exact: true });

const KENZA = "Commentaire de Kenza.L";

test.describe("on a server that moderates first", () => {
  test.use({ serverOptions: { moderate: true, args: ["--trusted-proxy", "127.0.0.1"] } });

  test("a held comment is approved on the desk with the keyboard, and another reader then sees it", async ({ page, server, browser }) => {
    server.addModerator(MODERATOR.name, MODERATOR.password);
    await openThread(page, server, BUDGET);
    const form = topForm(page);
    await fillForm(form, { author: "Nadia", body: "Un avis à faire valider." });
    await form.send.click();
    await expect(form.status).toHaveText(TEXT.sentPending);
    await expect(comment(page, "Commentaire de Nadia").getByText(TEXT.pending, { exact: true })).toBeVisible();

    const desk = await reader(browser, server, "198.51.100.20");
    try {
      const queue = await signIn(desk.page, server);
      const items = queue.getByRole("article");
      // The first item is selected when the queue opens; j and k move.
      await expect(items.first()).toHaveAttribute("aria-current", "true");
      const count = await items.count();
      expect(count).toBeGreaterThan(1);
      await desk.page.keyboard.press("j");
      await expect(items.nth(1)).toHaveAttribute("aria-current", "true");
      await expect(items.nth(1)).toBeFocused();
      await desk.page.keyboard.press("k");
      await expect(items.first()).toHaveAttribute("aria-current", "true");
      // Ours is the newest, last: walk there.
      for (let i = 1; i < count; i += 1) await desk.page.keyboard.press("j");
      const mine = item(queue, "Nadia");
      await expect(mine).toHaveAttribute("aria-current", "true");
      await expect(mine).toContainText("Un avis à faire valider.");
      const pendingBefore = Number(await desk.page.locator(".desk-counts strong").first().textContent());

      await desk.page.keyboard.press("a");
      await expect(desk.page.getByRole("status").filter({ hasText: DESK.approved })).toBeVisible();
      await expect(item(queue, "Nadia")).toHaveCount(0);
      await expect(desk.page.locator(".desk-counts strong").first()).toHaveText(String(pendingBefore - 1));
      // The next one (here: the new last) is selected.
      await expect(items.last()).toHaveAttribute("aria-current", "true");
      await expect(desk.page.getByRole("region", { name: DESK.log })).toContainText(`${MODERATOR.name} a approuvé`);
    } finally {
      await desk.close();
    }

    const other = await reader(browser, server, "198.51.100.30");
    try {
      await openThread(other.page, server, { ...BUDGET, count: BUDGET.count + 1 });
      const published = comment(other.page, "Commentaire de Nadia");
      await expect(published.getByText("Un avis à faire valider.")).toBeVisible();
      await expect(published.getByText(TEXT.pending, { exact: true })).toHaveCount(0);
    } finally {
      await other.close();
    }
  });

  test("a banned reader's post is refused with a clear message, and the draft stays", async ({ server, browser }) => {
    server.addModerator(MODERATOR.name, MODERATOR.password);
    const troll = await reader(browser, server, "198.51.100.66");
    const desk = await reader(browser, server, "198.51.100.20");
    try {
      await openThread(troll.page, server, BUDGET);
      const form = topForm(troll.page);
      await fillForm(form, { author: "Troll", body: "Premier message <img src=x onerror=alert(1)> douteux." });
      await form.send.click();
      await expect(form.status).toHaveText(TEXT.sentPending);

      const queue = await signIn(desk.page, server);
      const mine = item(queue, "Troll");
      // Comment text on the desk is text, never markup.
      await expect(mine).toContainText("Premier message <img src=x onerror=alert(1)> douteux.");
      await expect(mine.locator("img")).toHaveCount(0);
      await mine.getByRole("button", { name: DESK.ban, exact: true }).click();
      await mine.getByRole("button", { name: DESK.banSend, exact: true }).click();
      await expect(desk.page.getByRole("status").filter({ hasText: DESK.banned })).toBeVisible();

      await fillForm(form, { author: "Troll", body: "Encore un message." });
      await form.send.click();
      await expect(form.status).toHaveText(BANNED);
      await expect(form.body).toHaveValue("Encore un message.");
      await troll.page.reload();
      await expect(topForm(troll.page).body).toHaveValue("Encore un message.");
    } finally {
      await troll.close();
      await desk.close();
    }
  });

  test("a wrong password is refused and says so; the field keeps focus", async ({ page, server }) => {
    server.addModerator(MODERATOR.name, MODERATOR.password);
    await page.goto(`${server.url}/moderation`);
    await page.getByLabel(DESK.name, { exact: true }).fill(MODERATOR.name);
    await page.getByLabel(DESK.password, { exact: true }).fill("ce n'est pas le bon");
    await page.getByRole("button", { name: DESK.signIn, exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText(DESK.wrong);
    await expect(page.getByLabel(DESK.name, { exact: true })).toBeFocused();
    await expect(page.getByRole("region", { name: DESK.queue })).toHaveCount(0);
  });

  test("the desk has no WCAG 2.2 AA violations, signed out and with its queue, in French and Arabic, light and dark", async ({ page, server }, testInfo) => {
    server.addModerator(MODERATOR.name, MODERATOR.password);
    for (const lang of ["fr", "ar"]) {
      await page.addInitScript((tag) => localStorage.setItem("gazette.lang", tag), lang);
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto(`${server.url}/moderation`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.locator("#desk-name")).toBeVisible();
      await auditBothSchemes(page, `desk signed out, ${lang}, ${testInfo.project.name}`);
      await page.emulateMedia({ colorScheme: "light" });
      await page.locator("#desk-name").fill(MODERATOR.name);
      await page.locator("#desk-password").fill(MODERATOR.password);
      await page.locator(".desk-sign-in button[type=submit]").click();
      await expect(page.locator(".desk-item").first()).toBeVisible();
      await page.locator(".desk-item").first().getByRole("button", { expanded: false }).click();
      await auditBothSchemes(page, `desk queue, ${lang}, ${testInfo.project.name}`);
      await page.context().clearCookies();
    }
  });
});

test.describe("on a server that publishes at once", () => {
  test.use({ serverOptions: { args: ["--trusted-proxy", "127.0.0.1", "--report-threshold", "3"] } });

  test("three readers report a comment and it leaves the thread; the moderator restores it", async ({ server, browser }) => {
    server.addModerator(MODERATOR.name, MODERATOR.password);
    // One browser whose proxy names another reader each time.
    const readers = await reader(browser, server, "203.0.113.1");
    const page = readers.page;
    const report = async (expected) => {
      const target = comment(page, KENZA);
      await target.getByRole("button", { name: REPORT.button, exact: true }).click();
      const form = page.getByRole("form", { name: REPORT.button });
      await form.getByRole("radio", { name: REPORT.spam }).check();
      await form.getByRole("button", { name: REPORT.send }).click();
      await expect(target.getByRole("status").filter({ hasText: expected })).toHaveText(expected);
    };
    const desk = await reader(browser, server, "198.51.100.20");
    try {
      await openThread(page, server, BUDGET);
      // The form: a reason first, focus on it; none chosen, nothing is sent.
      await comment(page, KENZA).getByRole("button", { name: REPORT.button, exact: true }).click();
      const form = page.getByRole("form", { name: REPORT.button });
      await expect(form.getByRole("radio", { name: REPORT.spam })).toBeFocused();
      await form.getByRole("button", { name: REPORT.send }).click();
      await expect(form.getByText("Choisissez une raison.")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(form).toHaveCount(0);
      await expect(comment(page, KENZA).getByRole("button", { name: REPORT.button, exact: true })).toBeFocused();

      await report(REPORT.sent);
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.2" });
      await page.reload();
      await report(REPORT.sent);
      // The first reader again: said, not counted.
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.1" });
      await page.reload();
      await report(REPORT.again);
      await expect(comment(page, KENZA)).toBeVisible();
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.3" });
      await page.reload();
      await report(REPORT.sent);

      // A third reader: it leaves the thread, for everyone.
      await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.9" });
      await openThread(page, server, { ...BUDGET, count: BUDGET.count - 1 });
      await expect(comment(page, KENZA)).toHaveCount(0);

      const queue = await signIn(desk.page, server);
      const reported = item(queue, "Kenza.L");
      await expect(reported).toContainText("Signalements (3)");
      await expect(reported).toContainText(`${REPORT.spam} : 3`);
      await reported.getByRole("button", { name: DESK.restore, exact: true }).click();
      await expect(desk.page.getByRole("status").filter({ hasText: DESK.restored })).toBeVisible();
      await expect(item(queue, "Kenza.L")).toHaveCount(0);

      await openThread(page, server, BUDGET);
      await expect(comment(page, KENZA)).toBeVisible();
    } finally {
      await readers.close();
      await desk.close();
    }
  });
});

test("on a static deployment the desk says moderation needs the server, and no comment offers “Signaler”", async ({ page }) => {
  // A static export says it takes no writes (site.json's comments.posting).
  await patchSiteComments(page, { posting: false });
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { level: 1, name: DESK.title })).toBeVisible();
  await expect(page.getByText(DESK.needsServer)).toBeVisible();
  await expect(page.getByLabel(DESK.password)).toHaveCount(0);
  await page.goto(`/article/${BUDGET.slug}/comments`);
  await expect(comment(page, KENZA)).toBeVisible();
  await expect(page.getByRole("button", { name: REPORT.button })).toHaveCount(0);
});
