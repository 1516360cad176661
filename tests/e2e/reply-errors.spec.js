// When a comment cannot be stored: the backend away, a double click, the
// validation messages (before sending and from the server), rate limiting,
// closed comments and a read-only site. Against the real gazette-server,
// one per test; page.route stands in only for answers the server does not
// give on demand.
import { test, expect } from "./support/server.js";
import {
  ABOUT, BUDGET, FESTIVAL, MARATHON, TEXT, answerPosts, comment, fillForm, holdComments, holdSite, openThread, patchArticle,
  articleUrl, patchSiteComments, replyButton, thread, threadCount, topForm, watchPosts,
} from "./support/replies.js";

test("with the server down the draft stays and the retry stores exactly one comment", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await fillForm(form, { author: "Leila", title: "Hors ligne", body: "Envoyé pendant la panne." });
  await server.stop();

  await form.send.click();
  await expect(form.status).toHaveText(TEXT.sendFailed);
  await expect(form.retry).toBeVisible();
  await expect(form.send).toHaveCount(0);
  await expect(form.author).toHaveValue("Leila");
  await expect(form.title).toHaveValue("Hors ligne");
  await expect(form.body).toHaveValue("Envoyé pendant la panne.");
  await expect(comment(page, "Commentaire de Leila")).toHaveCount(0);
  await expect(threadCount(page, BUDGET.count)).toBeVisible();

  await server.start();
  expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count);
  await form.retry.click();
  await expect(comment(page, "Commentaire de Leila")).toBeFocused();
  await expect(form.status).toHaveText(TEXT.sent);
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();
  const stored = await server.comments(BUDGET.slug);
  expect(stored).toHaveLength(BUDGET.count + 1);
  expect(stored.filter((c) => c.author === "Leila")).toHaveLength(1);
});

test("a send that reached the server but lost its answer is not stored twice on retry", async ({ page, server }) => {
  await openThread(page, server, MARATHON);
  const keys = [];
  await page.route(`**/api/articles/${MARATHON.slug}/comments`, async (route) => {
    keys.push(route.request().headers()["idempotency-key"]);
    if (keys.length > 1) return route.fallback();
    await route.fetch(); // stored by the server …
    return route.abort("connectionreset"); // … but the answer never arrives
  });
  const form = topForm(page);
  await fillForm(form, { author: "Sam", body: "Did this go through?" });
  await form.send.click();
  await expect(form.status).toHaveText(TEXT.sendFailed);
  expect(await server.comments(MARATHON.slug)).toHaveLength(MARATHON.count + 1);

  await form.retry.click();
  await expect(comment(page, "Commentaire de Sam")).toBeFocused();
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(keys[1]).toBe(keys[0]);
  const stored = await server.comments(MARATHON.slug);
  expect(stored).toHaveLength(MARATHON.count + 1);
  expect(stored.filter((c) => c.author === "Sam")).toHaveLength(1);
  await expect(comment(page, "Commentaire de Sam")).toHaveCount(1);
});

test("after a reload, the retry of a send the server had stored shows that comment once", async ({ page, server }) => {
  let calls = 0;
  await page.route(`**/api/articles/${BUDGET.slug}/comments`, async (route) => {
    calls += 1;
    if (calls > 1) return route.fallback();
    await route.fetch();
    return route.abort("connectionreset");
  });
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await fillForm(form, { author: "Nadia", body: "Un seul." });
  await form.send.click();
  await expect(form.status).toHaveText(TEXT.sendFailed);

  await page.reload();
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();
  await expect(form.body).toHaveValue("Un seul.");
  await form.send.click();
  await expect(form.status).toHaveText(TEXT.sent);
  expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count + 1);
  await expect(comment(page, "Commentaire de Nadia")).toHaveCount(1, { timeout: 2_000 });
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible({ timeout: 2_000 });
});

test("a double click on “Publier” stores one comment", async ({ page, server }) => {
  await openThread(page, server, FESTIVAL);
  // Hold the first send until both clicks are in, as on a slow network.
  let release;
  const held = new Promise((done) => (release = done));
  const posts = [];
  await page.route(`**/api/articles/${FESTIVAL.slug}/comments`, async (route) => {
    posts.push(route.request());
    await held;
    await route.fallback();
  });
  const form = topForm(page);
  await fillForm(form, { author: "Rachid", body: "Une seule fois, s’il vous plaît." });
  await form.send.dblclick();
  const sending = form.form.getByRole("button", { name: "Envoi en cours…" });
  await expect(sending).toBeDisabled();
  release();

  await expect(comment(page, "Commentaire de Rachid")).toBeFocused();
  await expect(threadCount(page, FESTIVAL.count + 1)).toBeVisible();
  await expect(comment(page, "Commentaire de Rachid")).toHaveCount(1);
  await expect(form.status).toHaveText(TEXT.sent);
  expect(posts).toHaveLength(1);
  const stored = await server.comments(FESTIVAL.slug);
  expect(stored.filter((c) => c.author === "Rachid")).toHaveLength(1);
  expect(stored).toHaveLength(FESTIVAL.count + 1);
});

for (const { status, message } of [
  { status: 503, message: TEXT.sendFailed },
  { status: 404, message: "Cet article n’existe plus : votre texte est conservé." },
]) {
  test(`a ${status} answer keeps the text and says so`, async ({ page, server }) => {
    await answerPosts(page, BUDGET.slug, { status, json: { error: { code: "x", message: "…" } } });
    await openThread(page, server, BUDGET);
    const form = topForm(page);
    await fillForm(form, { author: "Nadia", body: "Gardez-le." });
    await form.send.click();
    await expect(form.status).toHaveText(message);
    await expect(form.retry).toBeVisible();
    await expect(form.body).toHaveValue("Gardez-le.");
    await expect(comment(page, "Commentaire de Nadia")).toHaveCount(0);
  });
}

const CLIENT_CHECKS = [
  { name: "an empty name", fill: { author: "   ", body: "Texte" }, field: "author", message: "Le nom est obligatoire." },
  { name: "a name of zero-width spaces", fill: { author: "\u200B\u200B\uFEFF", body: "Texte" }, field: "author", message: "Le nom est obligatoire." },
  { name: "an empty comment", fill: { author: "Nadia", body: " \n " }, field: "body", message: "Le message est obligatoire." },
  {
    name: "a name over 60 characters", fill: { author: "N".repeat(61), body: "Texte" },
    field: "author", message: "Le nom ne peut pas dépasser 60 caractères.",
  },
  {
    name: "a title over 120 characters", fill: { author: "Nadia", title: "T".repeat(121), body: "Texte" },
    field: "title", message: "Le titre ne peut pas dépasser 120 caractères.",
  },
  {
    name: "a comment over 4000 characters", fill: { author: "Nadia", body: "é".repeat(4001) },
    field: "body", message: "Le message ne peut pas dépasser 4000 caractères.",
  },
];

for (const check of CLIENT_CHECKS) {
  test(`${check.name} is refused before sending, the message tied to its field`, async ({ page, server }) => {
    const posts = watchPosts(page);
    await openThread(page, server, BUDGET);
    const form = topForm(page);
    await fillForm(form, check.fill);
    await form.send.click();

    const field = form[check.field];
    await expect(form.form.getByText(check.message, { exact: true })).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(check.message.replace(/[.]/g, "\\.")));
    await expect(field).toBeFocused();
    for (const other of ["author", "title", "body"].filter((f) => f !== check.field)) {
      await expect(form[other]).toHaveAttribute("aria-invalid", "false");
    }
    await expect(form.send).toBeVisible();
    expect(posts).toHaveLength(0);
    expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count);

    // Corrected, it goes through and the message goes away.
    await fillForm(form, { author: "Nadia", title: "", body: "Corrigé." });
    await form.send.click();
    await expect(comment(page, "Commentaire de Nadia")).toBeFocused();
    await expect(form.form.getByText(check.message)).toHaveCount(0);
    await expect(field).toHaveAttribute("aria-invalid", "false");
    expect(posts).toHaveLength(1);
  });
}

test("the comment field tells how many characters are used of the limit", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await expect(form.body).toHaveAccessibleDescription(/0 \/ 4000 caractères/);
  await form.body.fill("x".repeat(4001));
  await expect(form.body).toHaveAccessibleDescription(/4001 \/ 4000 caractères/);
  // What a reader sees as one character counts as one: a family emoji is
  // seven code points, a flag two.
  await form.body.fill("👨\u200D👩\u200D👧\u200D👦".repeat(3) + "🇲🇦");
  await expect(form.body).toHaveAccessibleDescription(/4 \/ 4000 caractères/);
});

test("ten family emoji make a name of ten characters, sent and shown as typed", async ({ page, server }) => {
  const family = "👨\u200D👩\u200D👧\u200D👦";
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  // 70 code points, over the 60 a name may have if code points counted.
  await fillForm(form, { author: family.repeat(10), body: "Une famille nombreuse." });
  await form.send.click();
  await expect(comment(page, `Commentaire de ${family.repeat(10)}`)).toBeFocused();
  const stored = await server.comments(BUDGET.slug);
  expect(stored.map((c) => c.author)).toContain(family.repeat(10));
});

test("the server's own 400 for a field is shown on that field", async ({ page, server }) => {
  // The app is told the limit is higher than the server's, so only the
  // server catches the long comment. The thread waits for site.json, since
  // the form takes whatever limits are known when the comments arrive (see
  // the next test).
  const site = await patchSiteComments(page, { max_body: 10_000 });
  await holdComments(page, BUDGET.slug, site.served);
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await expect(form.body).toHaveAccessibleDescription(/0 \/ 10000 caractères/);
  await fillForm(form, { author: "Nadia", body: "a".repeat(4001) });
  await form.send.click();

  await expect(form.status).toHaveText(TEXT.formHasErrors);
  await expect(form.form.getByText("Le message ne peut pas dépasser 4000 caractères.", { exact: true })).toBeVisible();
  await expect(form.body).toHaveAttribute("aria-invalid", "true");
  await expect(form.body).toHaveAccessibleDescription(/Le message ne peut pas dépasser 4000 caractères\./);
  await expect(form.body).toBeFocused();
  await expect(form.author).toHaveAttribute("aria-invalid", "false");
  await expect(form.body).toHaveValue("a".repeat(4001));
  expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count);
});

test("the form follows the site's limits even when site.json arrives after the comments", async ({ page, server }) => {
  await patchSiteComments(page, { max_body: 100 });
  const site = await holdSite(page);
  const comments = page.waitForResponse(`**/api/articles/${BUDGET.slug}/comments.json`);
  await page.goto(articleUrl(server, BUDGET.slug));
  await comments;
  // The thread waits for the site's settings rather than guess them.
  await expect(topForm(page).body).toHaveCount(0);
  site.release();
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  const form = topForm(page);
  await expect(form.body).toHaveAccessibleDescription(/0 \/ 100 caractères/, { timeout: 3_000 });
  await fillForm(form, { author: "Nadia", body: "x".repeat(101) });
  await form.send.click();
  await expect(form.form.getByText("Le message ne peut pas dépasser 100 caractères.", { exact: true })).toBeVisible({ timeout: 2_000 });
});

for (const field of ["author", "title", "body"]) {
  test(`a 400 naming the ${field} shows the server's message on that field`, async ({ page, server }) => {
    const message = `Refusé par le serveur (${field}).`;
    await answerPosts(page, BUDGET.slug, {
      status: 400,
      json: { error: { code: field === "author" ? "invalid" : "too_long", message, field } },
    });
    await openThread(page, server, BUDGET);
    const form = topForm(page);
    await fillForm(form, { author: "Nadia", title: "Titre", body: "Texte" });
    await form.send.click();

    await expect(form.status).toHaveText(TEXT.formHasErrors);
    await expect(form[field]).toHaveAttribute("aria-invalid", "true");
    await expect(form[field]).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, "\\$&")));
    await expect(form[field]).toBeFocused();
    for (const other of ["author", "title", "body"].filter((f) => f !== field)) {
      await expect(form[other]).toHaveAttribute("aria-invalid", "false");
    }
    await expect(form.body).toHaveValue("Texte");
    await expect(comment(page, "Commentaire de Nadia")).toHaveCount(0);
  });
}

test("a 429 says when to try again and keeps the text", async ({ page, server }) => {
  await answerPosts(page, BUDGET.slug, {
    status: 429,
    headers: { "Retry-After": "30" },
    json: { error: { code: "rate_limited", message: "Trop de messages." } },
  });
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await fillForm(form, { author: "Nadia", body: "Encore moi." });
  await form.send.click();
  await expect(form.status).toHaveText("Trop d’envois rapprochés : réessayez dans 30 s. Votre texte est conservé.");
  await expect(form.body).toHaveValue("Encore moi.");
  await expect(comment(page, "Commentaire de Nadia")).toHaveCount(0);
  expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count);
});

test.describe("with the server's rate limit at one post a minute", () => {
  test.use({ serverOptions: { rateLimit: 1 } });

  test("the second post in a row is refused with the wait the server gives", async ({ page, server }) => {
    await openThread(page, server, BUDGET);
    const form = topForm(page);
    await fillForm(form, { author: "Nadia", body: "Un." });
    await form.send.click();
    await expect(comment(page, "Commentaire de Nadia")).toBeFocused();

    const answer = page.waitForResponse((r) => r.request().method() === "POST");
    await form.body.fill("Deux.");
    await form.send.click();
    const retryAfter = Number((await answer).headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    await expect(form.status).toHaveText(`Trop d’envois rapprochés : réessayez dans ${retryAfter} s. Votre texte est conservé.`);
    await expect(form.body).toHaveValue("Deux.");
    expect((await server.comments(BUDGET.slug)).filter((c) => c.author === "Nadia")).toHaveLength(1);
  });
});

test("an article with closed comments shows its thread but no form and no “Répondre”", async ({ page, server }) => {
  await openThread(page, server, ABOUT);
  await expect(thread(page).getByText(TEXT.closed, { exact: true })).toBeVisible();
  await expect(comment(page, "Commentaire de karim.t")).toBeVisible();
  await expect(thread(page).getByRole("heading", { name: TEXT.newComment })).toHaveCount(0);
  await expect(thread(page).getByRole("textbox")).toHaveCount(0);
  await expect(thread(page).getByRole("button", { name: TEXT.send })).toHaveCount(0);
  await expect(thread(page).getByRole("button", { name: TEXT.reply })).toHaveCount(0);
});

test("a post the server refuses with 403 (comments closed meanwhile) says so and keeps the text", async ({ page, server }) => {
  // The page still believes the comments are open; the server knows better.
  await patchArticle(page, ABOUT.slug, { comments_open: true });
  await openThread(page, server, ABOUT);
  const form = topForm(page);
  await fillForm(form, { author: "Nadia", body: "Trop tard ?" });
  await form.send.click();
  await expect(form.status).toHaveText(TEXT.closed);
  await expect(form.body).toHaveValue("Trop tard ?");
  await expect(comment(page, "Commentaire de Nadia")).toHaveCount(0);
  expect(await server.comments(ABOUT.slug)).toHaveLength(ABOUT.count);
});

test("a read-only site (posting: false) shows the thread, a notice and no form", async ({ page, server }) => {
  await patchSiteComments(page, { posting: false });
  await openThread(page, server, BUDGET);
  await expect(thread(page).getByText(TEXT.postingOff, { exact: true })).toBeVisible();
  await expect(comment(page, "Commentaire de Kenza.L")).toBeVisible();
  await expect(thread(page).getByRole("heading", { name: TEXT.newComment })).toHaveCount(0);
  await expect(thread(page).getByRole("textbox")).toHaveCount(0);
  await expect(thread(page).getByRole("button", { name: TEXT.send })).toHaveCount(0);
  await expect(replyButton(page, "Commentaire de Kenza.L")).toHaveCount(0);
  await expect(thread(page).getByRole("button", { name: TEXT.reply })).toHaveCount(0);
});
