// A site that moderates first (gazette-server --moderate): a new comment is
// stored as pending, kept out of the public listing, and shown to the
// browser that wrote it (from the 201 answer it keeps) and to nobody else.
import { test, expect } from "./support/server.js";
import { waitForApp, watchCsp } from "./support/app.js";
import { BUDGET, TEXT, comment, commentItem, fillForm, inlineForm, openThread, replyButton, threadCount, topForm } from "./support/replies.js";

test.use({ serverOptions: { moderate: true } });

test("a held comment is shown “En attente de modération” to its author only", async ({ page, server, browser }) => {
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await fillForm(form, { author: "Nadia", body: "À modérer." });
  await form.send.click();

  const mine = comment(page, "Commentaire de Nadia");
  await expect(mine).toBeFocused();
  await expect(mine.getByText(TEXT.pending, { exact: true })).toBeVisible();
  await expect(form.status).toHaveText(TEXT.sentPending);
  // Not counted and not answerable until it is published.
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  await expect(replyButton(page, "Commentaire de Nadia")).toHaveCount(0);
  // Contract 1.1: the public listing does not carry it; only its author's
  // browser does, from the 201 answer.
  const listed = await server.comments(BUDGET.slug);
  expect(listed.filter((c) => c.author === "Nadia")).toEqual([]);

  await page.reload();
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  await expect(comment(page, "Commentaire de Nadia").getByText(TEXT.pending, { exact: true })).toBeVisible();
  await expect(comment(page, "Commentaire de Nadia").getByText("À modérer.")).toBeVisible();

  const other = await browser.newContext();
  const violations = [];
  await watchCsp(other, violations);
  try {
    const stranger = waitForApp(await other.newPage());
    await openThread(stranger, server, BUDGET);
    await expect(comment(stranger, "Commentaire de Kenza.L")).toBeVisible();
    await expect(comment(stranger, "Commentaire de Nadia")).toHaveCount(0);
    await expect(stranger.getByText("À modérer.")).toHaveCount(0);
    await expect(stranger.getByText(TEXT.pending)).toHaveCount(0);
  } finally {
    await other.close();
  }
  expect(violations, "Content-Security-Policy violations").toEqual([]);
});

test("a held reply stays under its parent for its author after a reload", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const parent = "Commentaire de Kenza.L";
  await replyButton(page, parent).click();
  const form = inlineForm(page, parent);
  await fillForm(form, { author: "Nadia", body: "Réponse à modérer." });
  await form.send.click();
  const reply = comment(page, "Réponse de Nadia, niveau 2");
  await expect(reply).toBeFocused();
  await expect(reply.getByText(TEXT.pending, { exact: true })).toBeVisible();

  await page.reload();
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  const again = commentItem(page, parent).getByRole("article", { name: "Réponse de Nadia, niveau 2" });
  await expect(again.getByText(TEXT.pending, { exact: true })).toBeVisible();
});
