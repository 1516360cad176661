// Writing comments (the reply form) against the real gazette-server, each
// test with its own server and fresh database: posting at the top and in
// reply, focus, the inline form's opening and closing, drafts, keyboard use,
// the remembered name and the honeypot.
import { test, expect } from "./support/server.js";
import {
  BUDGET, FESTIVAL, MARATHON, TEXT, comment, commentItem, fillForm, holdSite, inlineForm,
  openThread, replyButton, siteBeforeComments, thread, threadCount, topForm,
} from "./support/replies.js";

test("a top-level comment appears at the top of the thread in place, and stays after a reload", async ({ page, server }) => {
  await openThread(page, server, MARATHON);
  const form = topForm(page);
  await expect(thread(page).getByRole("heading", { name: TEXT.newComment, level: 3 })).toBeVisible();
  // The form comes before the first comment.
  const first = page.getByRole("article", { name: /^Commentaire de / }).first();
  expect((await form.author.boundingBox()).y).toBeLessThan((await first.boundingBox()).y);

  let loads = 0;
  page.on("load", () => (loads += 1));
  await fillForm(form, { author: "Nadia", title: "Bravo", body: "Belle course.\n\nÀ l’an prochain !" });
  await form.send.click();

  const mine = comment(page, "Commentaire de Nadia");
  await expect(mine).toBeVisible();
  await expect(mine).toBeFocused();
  await expect(mine.getByRole("heading", { name: "Bravo" })).toBeVisible();
  await expect(mine.getByText("À l’an prochain !")).toBeVisible();
  await expect(threadCount(page, MARATHON.count + 1)).toBeVisible();
  await expect(form.status).toHaveText(TEXT.sent);
  await expect(form.body).toHaveValue("");
  // Newest first: it leads the top-level comments.
  await expect(page.getByRole("article", { name: /^Commentaire de / }).first()).toHaveAccessibleName("Commentaire de Nadia");
  expect(loads).toBe(0);

  const stored = await server.comments(MARATHON.slug);
  expect(stored).toHaveLength(MARATHON.count + 1);
  expect(stored.filter((c) => c.author === "Nadia")).toEqual([
    expect.objectContaining({ parent_id: null, title: "Bravo", body: "Belle course.\n\nÀ l’an prochain !", status: "published" }),
  ]);

  await page.reload();
  await expect(threadCount(page, MARATHON.count + 1)).toBeVisible();
  await expect(page.getByRole("article", { name: /^Commentaire de / }).first()).toHaveAccessibleName("Commentaire de Nadia");
  await expect(comment(page, "Commentaire de Nadia").getByText("Belle course.")).toBeVisible();
});

test("“Répondre” opens the form inline under the comment; the reply nests there and stays after a reload", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const parent = "Commentaire de le_pragmatique";
  const button = replyButton(page, parent);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await button.click();
  await expect(button).toHaveAttribute("aria-expanded", "true");

  const form = inlineForm(page, parent);
  await expect(form.author).toBeFocused();
  await expect(form.cancel).toBeVisible();
  // Right under the comment, above its existing reply.
  const parentBox = await comment(page, parent).boundingBox();
  const formBox = await form.form.boundingBox();
  const existingReply = await comment(page, "Réponse de Ghita, niveau 2").boundingBox();
  expect(formBox.y).toBeGreaterThanOrEqual(parentBox.y + parentBox.height - 1);
  expect(formBox.y + formBox.height).toBeLessThanOrEqual(existingReply.y + 1);

  await fillForm(form, { author: "Youssef", body: "Je l’ai lu aussi dans le compte rendu." });
  await form.send.click();

  const reply = comment(page, "Réponse de Youssef, niveau 2");
  await expect(reply).toBeFocused();
  await expect(commentItem(page, parent).getByRole("article", { name: "Réponse de Youssef, niveau 2" })).toBeVisible();
  await expect(form.author).toHaveCount(0);
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();

  const stored = await server.comments(BUDGET.slug);
  expect(stored).toHaveLength(BUDGET.count + 1);
  expect(stored.find((c) => c.author === "Youssef")).toMatchObject({ parent_id: "c125", status: "published" });

  await page.reload();
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();
  const item = commentItem(page, parent);
  await expect(item.getByRole("article", { name: "Réponse de Youssef, niveau 2" })).toBeVisible();
  await expect(item.getByRole("article", { name: "Réponse de Youssef, niveau 2" }).getByText("compte rendu")).toBeVisible();
  // It is a reply of le_pragmatique only, not of any other comment.
  await expect(commentItem(page, "Commentaire de Kenza.L").getByRole("article", { name: /Youssef/ })).toHaveCount(0);
  await expect(page.getByRole("article", { name: "Commentaire de Youssef" })).toHaveCount(0);
});

test("a reply to a reply nests one level deeper", async ({ page, server }) => {
  await openThread(page, server, FESTIVAL);
  const parent = "Réponse de Naïma, niveau 2";
  await replyButton(page, parent).click();
  const form = inlineForm(page, parent);
  await fillForm(form, { author: "Omar", body: "Même avis que Naïma." });
  await form.send.click();
  await expect(comment(page, "Réponse de Omar, niveau 3")).toBeFocused();

  await page.reload();
  await expect(threadCount(page, FESTIVAL.count + 1)).toBeVisible();
  await expect(commentItem(page, parent).getByRole("article", { name: "Réponse de Omar, niveau 3" })).toBeVisible();
  await expect(commentItem(page, "Commentaire de Tarik").getByRole("article", { name: "Réponse de Omar, niveau 3" })).toBeVisible();
  expect((await server.comments(FESTIVAL.slug)).find((c) => c.author === "Omar").parent_id).toBe("c133");
});

for (const how of ["Escape", "Annuler"]) {
  test(`${how} closes the inline form and gives focus back to its “Répondre”`, async ({ page, server }) => {
    await openThread(page, server, BUDGET);
    const parent = "Commentaire de Kenza.L";
    const button = replyButton(page, parent);
    await button.click();
    const form = inlineForm(page, parent);
    await expect(form.author).toBeFocused();
    await form.body.fill("Pas encore prêt");

    if (how === "Escape") await page.keyboard.press("Escape");
    else await form.cancel.click();

    await expect(commentItem(page, parent).getByRole("textbox", { name: TEXT.author })).toHaveCount(0);
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute("aria-expanded", "false");
    // The top form stays where it was.
    await expect(topForm(page).author).toBeVisible();
    expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count);
  });
}

test("Escape in the top form does not close it", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  await form.body.fill("Brouillon");
  await form.body.press("Escape");
  await expect(form.body).toHaveValue("Brouillon");
  await expect(form.body).toBeVisible();
});

test("drafts survive a reload: the inline form reopens under its comment, the top form keeps its text", async ({ page, server }) => {
  // Pinned order: see the next test for the other one.
  await siteBeforeComments(page, BUDGET.slug);
  await openThread(page, server, BUDGET);
  const parent = "Réponse de LectriceDuMardi, niveau 2";
  await replyButton(page, parent).click();
  const inline = inlineForm(page, parent);
  await fillForm(inline, { author: "Salim", title: "Réparer d’abord", body: "Une fuite réparée, c’est de l’eau pour tous." });
  const top = topForm(page);
  await fillForm(top, { author: "Hind", body: "Et les compteurs ?" });

  await page.reload();
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  const reopened = inlineForm(page, parent);
  await expect(replyButton(page, parent)).toHaveAttribute("aria-expanded", "true");
  await expect(reopened.author).toHaveValue("Salim");
  await expect(reopened.title).toHaveValue("Réparer d’abord");
  await expect(reopened.body).toHaveValue("Une fuite réparée, c’est de l’eau pour tous.");
  await expect(reopened.body).toHaveAccessibleDescription(/44 \/ 4000 caractères/);
  // Under that comment, not under another one.
  await expect(page.getByRole("button", { name: TEXT.cancel })).toHaveCount(1);
  await expect(top.author).toHaveValue("Hind");
  await expect(top.body).toHaveValue("Et les compteurs ?");
  expect(await server.comments(BUDGET.slug)).toHaveLength(BUDGET.count);

  // Sent, the draft is gone: after another reload the inline form stays closed.
  await reopened.send.click();
  await expect(comment(page, "Réponse de Salim, niveau 3")).toBeFocused();
  await page.reload();
  await expect(threadCount(page, BUDGET.count + 1)).toBeVisible();
  await expect(replyButton(page, parent)).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: TEXT.cancel })).toHaveCount(0);
  await expect(top.body).toHaveValue("Et les compteurs ?");
});

test("a reply draft reopens after a reload even when the comments load before site.json", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const parent = "Commentaire de Kenza.L";
  await replyButton(page, parent).click();
  await inlineForm(page, parent).body.fill("Je reviens après le rechargement.");

  const site = await holdSite(page);
  const comments = page.waitForResponse(`**/api/articles/${BUDGET.slug}/comments.json`);
  await page.reload();
  await comments;
  site.release();
  await expect(threadCount(page, BUDGET.count)).toBeVisible();
  await expect(topForm(page).author).toBeVisible();
  await expect(inlineForm(page, parent).body).toHaveValue("Je reviens après le rechargement.", { timeout: 3_000 });
});

test("the whole reply by keyboard alone", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const parent = "Commentaire de Kenza.L";
  const button = replyButton(page, parent);
  // Tab from the top of the page until the comment's "Répondre" has focus.
  let presses = 0;
  while (!(await button.evaluate((el) => el === document.activeElement))) {
    expect(presses++, "Tab never reaches Kenza.L's “Répondre”").toBeLessThan(150);
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  const form = inlineForm(page, parent);
  await expect(form.author).toBeFocused();
  await page.keyboard.type("Karim");
  await page.keyboard.press("Tab");
  await expect(form.title).toBeFocused();
  await page.keyboard.type("Bidons");
  await page.keyboard.press("Tab");
  await expect(form.body).toBeFocused();
  await page.keyboard.type("Chez nous aussi, depuis juillet.");
  await page.keyboard.press("Tab");
  await expect(form.send).toBeFocused();
  await page.keyboard.press("Enter");

  const reply = comment(page, "Réponse de Karim, niveau 2");
  await expect(reply).toBeFocused();
  await expect(commentItem(page, parent).getByRole("article", { name: "Réponse de Karim, niveau 2" })).toBeVisible();
  const stored = await server.comments(BUDGET.slug);
  expect(stored).toHaveLength(BUDGET.count + 1);
  expect(stored.find((c) => c.author === "Karim")).toMatchObject({
    parent_id: "c124", title: "Bidons", body: "Chez nous aussi, depuis juillet.",
  });
});

test("the name is remembered for the next form, also after a reload", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const top = topForm(page);
  await expect(top.author).toHaveValue("");
  await fillForm(top, { author: "Nadia", body: "Premier avis." });
  await top.send.click();
  await expect(comment(page, "Commentaire de Nadia")).toBeFocused();
  await expect(top.author).toHaveValue("Nadia");
  await expect(top.body).toHaveValue("");

  await replyButton(page, "Commentaire de Abdou75").click();
  const inline = inlineForm(page, "Commentaire de Abdou75");
  await expect(inline.author).toHaveValue("Nadia");
  await inline.body.fill("Et une réponse.");
  await inline.send.click();
  await expect(comment(page, "Réponse de Nadia, niveau 2")).toBeFocused();

  await page.reload();
  await expect(threadCount(page, BUDGET.count + 2)).toBeVisible();
  await expect(topForm(page).author).toHaveValue("Nadia");
  await replyButton(page, "Commentaire de Kenza.L").click();
  await expect(inlineForm(page, "Commentaire de Kenza.L").author).toHaveValue("Nadia");
});

test("the honeypot field is neither visible nor reachable by Tab", async ({ page, server }) => {
  await openThread(page, server, BUDGET);
  const form = topForm(page);
  // Out of the accessibility tree, so no role query finds it …
  await expect(thread(page).getByRole("textbox", { name: TEXT.honeypot })).toHaveCount(0);
  await expect(form.form.getByRole("textbox")).toHaveCount(3);
  // … and off screen for a sighted reader.
  const honeypot = form.form.getByLabel(TEXT.honeypot);
  await expect(honeypot).toHaveCount(1);
  await form.body.scrollIntoViewIfNeeded();
  await expect(form.body).toBeInViewport();
  await expect(honeypot).not.toBeInViewport();
  await expect(form.form.getByText(TEXT.honeypot)).not.toBeInViewport();
  const box = await honeypot.boundingBox();
  expect(box.x + box.width, "the honeypot sits left of the page").toBeLessThanOrEqual(0);

  // Tab walks name, title, comment, "Publier", never the honeypot.
  await form.author.focus();
  for (const field of [form.title, form.body, form.send]) {
    await page.keyboard.press("Tab");
    await expect(field).toBeFocused();
  }
  await form.body.focus();
  await page.keyboard.press("Shift+Tab");
  await expect(form.title).toBeFocused();
  await expect(honeypot).not.toBeFocused();
});
