// Locators and steps shared by the reply specs (tests/e2e/reply*.spec.js).
// Everything is found the way a reader finds it: by role, name and label.
import { expect } from "@playwright/test";
import { serveShell } from "../support.js";

/** Small demo threads (public/api/articles/{slug}/comments.json). */
export const BUDGET = {
  slug: "budget-eau-casablanca",
  count: 6,
  // c121 Abdou75 > c122 LectriceDuMardi > c123 Abdou75; c124 Kenza.L; c125 le_pragmatique > c126 Ghita
};
export const FESTIVAL = { slug: "festival-cinema-tilwa", count: 8 };
export const MARATHON = { slug: "tilwa-half-marathon", count: 5 };
/** comments_open: false, with 3 comments (c91, c92 > c93). */
export const ABOUT = { slug: "a-propos-de-la-gazette", count: 3 };

export const TEXT = {
  newComment: "Donner votre avis",
  author: "Votre nom",
  title: "Titre (facultatif)",
  body: "Votre commentaire",
  honeypot: "Ne remplissez pas ce champ",
  send: "Publier",
  retry: "Réessayer l’envoi",
  cancel: "Annuler",
  reply: "Répondre",
  sent: "Votre commentaire est publié.",
  sentPending: "Votre commentaire est enregistré et attend la modération.",
  sendFailed: "Non envoyé : votre texte est conservé.",
  formHasErrors: "Le commentaire n’a pas été envoyé : corrigez les champs signalés.",
  closed: "Les commentaires sont fermés pour cet article.",
  postingOff: "Les commentaires sont en lecture seule sur ce site.",
  pending: "En attente de modération",
};

export const countText = (n) => `${n} commentaire${n > 1 ? "s" : ""}`;

export const articleUrl = (server, slug) => `${server.url}/article/${slug}`;

/** The comments region of the page. */
export const thread = (page) => page.getByRole("region", { name: "Commentaires" });

/** The visible comment count, "6 commentaires". */
export const threadCount = (page, n) => thread(page).getByText(countText(n), { exact: true });

/** A comment by its accessible name: "Commentaire de X" or "Réponse de X, niveau N". */
export const comment = (page, name) => page.getByRole("article", { name, exact: true });

/** The list item holding comment `name`, its inline form and its replies. */
export const commentItem = (page, name) =>
  page.getByRole("listitem").filter({ has: comment(page, name) }).last();

/** The "Répondre" button of comment `name`. */
export const replyButton = (page, name) =>
  comment(page, name).getByRole("button", { name: TEXT.reply, exact: true });

/**
 * The fields of one reply form. The forms have no accessible name (see the
 * report), so a form is told apart by where it is: the top form is the one
 * without "Annuler"; an inline form is the first form inside its comment's
 * list item (it comes before the replies).
 */
function fields(form) {
  return {
    form,
    author: form.getByRole("textbox", { name: TEXT.author, exact: true }),
    title: form.getByRole("textbox", { name: TEXT.title, exact: true }),
    body: form.getByRole("textbox", { name: TEXT.body, exact: true }),
    send: form.getByRole("button", { name: TEXT.send, exact: true }),
    retry: form.getByRole("button", { name: TEXT.retry, exact: true }),
    cancel: form.getByRole("button", { name: TEXT.cancel, exact: true }),
    status: form.getByRole("status"),
  };
}

export function topForm(page) {
  return fields(
    thread(page).locator("form").filter({ hasNot: page.getByRole("button", { name: TEXT.cancel }) }),
  );
}

export function inlineForm(page, commentName) {
  return fields(commentItem(page, commentName).locator("form").first());
}

/** Fills a form's fields (a missing key leaves that field alone). */
export async function fillForm(form, { author, title, body }) {
  if (author !== undefined) await form.author.fill(author);
  if (title !== undefined) await form.title.fill(title);
  if (body !== undefined) await form.body.fill(body);
}

/** Opens an article and waits until its thread shows `count` comments. */
export async function openThread(page, server, article) {
  await page.goto(articleUrl(server, article.slug));
  await expect(threadCount(page, article.count)).toBeVisible();
}

/** Every POST to the comments endpoint the page makes, in order. */
export function watchPosts(page) {
  const posts = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/api\/articles\/[^/]+\/comments$/.test(new URL(request.url()).pathname)) {
      posts.push(request);
    }
  });
  return posts;
}

/**
 * Answers site.json with its `comments` settings changed by `patch`.
 * Resolves once the route is set; `served` resolves when the page has the
 * patched file. Pages are the shell, which fetches site.json (see serveShell).
 */
export async function patchSiteComments(page, patch) {
  await serveShell(page);
  let served;
  const done = new Promise((resolve) => (served = resolve));
  await page.route("**/api/site.json", async (route) => {
    const response = await route.fetch();
    const site = await response.json();
    await route.fulfill({ response, json: { ...site, comments: { ...site.comments, ...patch } } });
    served();
  });
  return { served: done };
}

/** Holds an article's comments.json until `until` (a promise, or a function giving one) resolves. */
export async function holdComments(page, slug, until) {
  await page.route(`**/api/articles/${slug}/comments.json`, async (route) => {
    await (typeof until === "function" ? until() : until);
    await route.fallback();
  });
}

/**
 * Lets an article's comments.json through only after the page has site.json,
 * on every load of the page. The thread takes some settings from whatever
 * site.json is known when the comments arrive (see the report), so tests
 * that are not about that race pin the order.
 */
export async function siteBeforeComments(page, slug) {
  let siteLoaded;
  let site;
  const reset = () => (site = new Promise((resolve) => (siteLoaded = resolve)));
  reset();
  page.on("request", (request) => request.isNavigationRequest() && request.frame() === page.mainFrame() && reset());
  page.on("response", async (response) => {
    if (response.url().endsWith("/api/site.json")) siteLoaded();
    // A prerendered page carries site.json inline.
    const document = response.request().resourceType() === "document" && response.request().frame() === page.mainFrame();
    if (document && (await response.text().catch(() => "")).includes('data-api="site.json"')) siteLoaded();
  });
  await holdComments(page, slug, () => site);
}

/** Holds every site.json request until `release()` is called (pages are the shell). */
export async function holdSite(page) {
  await serveShell(page);
  let release;
  const gate = new Promise((resolve) => (release = resolve));
  await page.route("**/api/site.json", async (route) => {
    await gate;
    await route.fallback();
  });
  return { release };
}

/** Answers an article's JSON with `patch` merged in (pages are the shell). */
export async function patchArticle(page, slug, patch) {
  await serveShell(page);
  await page.route(`**/api/articles/${slug}.json`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...(await response.json()), ...patch } });
  });
}

/** Answers the next POSTs to an article's comments with `answer` (route.fulfill options). */
export async function answerPosts(page, slug, answer) {
  await page.route(`**/api/articles/${slug}/comments`, (route) =>
    route.request().method() === "POST" ? route.fulfill(answer) : route.fallback(),
  );
}
