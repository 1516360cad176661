// Comment threads (issue 3), mostly on the edge-case thread of
// marche-central-renovation (tools/content/comments_edge.py).
import { test, expect } from "./support/app.js";
import { ARTICLES, failOnce, isPhone, mainArticle, names, watchProblems } from "./support.js";

const MARKET = ARTICLES.market;
const THREAD = `/article/${MARKET.slug}/comments`;

/** Top-level comments (not deleted), by accessible name, in page order. */
const topLevel = (page) => page.getByRole("article", { name: /^Commentaire de / });
const comment = (page, name) => page.getByRole("article", { name, exact: true });
/** The list item holding comment `name` and its replies. */
const commentItem = (page, name) => page.getByRole("listitem").filter({ has: comment(page, name) }).last();

// c224 … c201 newest first; c207 answers a comment missing from the list
// (top level), c203 is deleted (a placeholder, not named after its author)
// and c205 is pending (hidden).
const NEWEST_FIRST = [
  "Touria", "Soufiane", "ancien_des_tanneurs", "Bouchra", "curieux_du_web",
  '<script>alert("x")</script>', "Mehdi B.", "Naïma", "سعيد", "vieux_tilwi", "Ghita",
].map((author) => `Commentaire de ${author}`);

test("top-level comments come newest first, replies nested under them oldest first", async ({ page }) => {
  await page.goto(THREAD);
  await expect(page.getByText("22 commentaires", { exact: true })).toBeVisible();
  await expect.poll(() => names(topLevel(page))).toEqual(NEWEST_FIRST);
  await expect(page.getByLabel("Trier les commentaires")).toHaveValue("newest");

  // The orphan reply is shown at the top level; the pending comment is not shown.
  await expect(comment(page, "Commentaire de vieux_tilwi")).toBeVisible();
  await expect(page.getByText("Sanaa")).toHaveCount(0);
  await expect(page.getByText("En attente ?")).toHaveCount(0);

  // Replies sit inside their parent's item, oldest first, one level deeper.
  const ghita = commentItem(page, "Commentaire de Ghita");
  await expect.poll(() => names(ghita.getByRole("article"))).toEqual([
    "Commentaire de Ghita", "Réponse de Youssef K., niveau 2",
  ]);
  const soufiane = commentItem(page, "Commentaire de Soufiane");
  await expect.poll(async () => (await names(soufiane.getByRole("article"))).slice(0, 3)).toEqual([
    "Commentaire de Soufiane", "Réponse de Ahmed O., niveau 2", "Réponse de Soufiane, niveau 3",
  ]);
});

test("collapsing a comment hides its replies and says how many", async ({ page }) => {
  await page.goto(THREAD);
  const top = comment(page, "Commentaire de Soufiane");
  const reply = comment(page, "Réponse de Ahmed O., niveau 2");
  const collapse = top.getByRole("button", { name: "Replier (8 réponses)" });
  await expect(collapse).toHaveAttribute("aria-expanded", "true");
  await expect(reply).toBeVisible();

  await collapse.click();
  const expand = top.getByRole("button", { name: "Afficher 8 réponses masquées" });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expect(reply).toHaveCount(0);
  await expect(top).toBeVisible();

  await expand.click();
  await expect(top.getByRole("button", { name: "Replier (8 réponses)" })).toHaveAttribute("aria-expanded", "true");
  await expect(reply).toBeVisible();
});

test("the sort order switches to oldest first and is kept after a reload", async ({ page }) => {
  await page.goto(THREAD);
  await expect.poll(() => names(topLevel(page))).toEqual(NEWEST_FIRST);
  await page.getByLabel("Trier les commentaires").selectOption({ label: "Les plus anciens" });
  const oldestFirst = [...NEWEST_FIRST].reverse();
  await expect.poll(() => names(topLevel(page))).toEqual(oldestFirst);

  await page.reload();
  await expect(page.getByLabel("Trier les commentaires")).toHaveValue("oldest");
  await expect.poll(() => names(topLevel(page))).toEqual(oldestFirst);

  // The article's own thread preview follows the same choice.
  await page.goto(`/article/${MARKET.slug}`);
  await expect(page.getByLabel("Trier les commentaires")).toHaveValue("oldest");
  await expect(topLevel(page).first()).toHaveAccessibleName("Commentaire de Ghita");

  await page.getByLabel("Trier les commentaires").selectOption({ label: "Les plus discutés" });
  await expect(topLevel(page).first()).toHaveAccessibleName("Commentaire de Soufiane");
});

test("a comment's permalink shows it with links to its parent and to the whole thread", async ({ page }) => {
  await page.goto(`${THREAD}/c218`);
  const target = comment(page, "Réponse de Ahmed O., niveau 4");
  await expect(target).toBeVisible();
  await expect(target.getByText("Alors qui ? Les impôts de tout le monde ?")).toBeVisible();
  await expect(target).toBeFocused();
  await expect(comment(page, "Réponse de Soufiane, niveau 5")).toBeVisible();
  // Only the sub-thread: neither its ancestors nor other comments.
  await expect(comment(page, "Réponse de Soufiane, niveau 3")).toHaveCount(0);
  await expect(comment(page, "Commentaire de Touria")).toHaveCount(0);
  await expect(page.getByRole("link", { name: MARKET.title, exact: true })).toHaveAttribute("href", `/article/${MARKET.slug}`);

  const nav = page.getByRole("navigation", { name: "Commentaires" });
  await nav.getByRole("link", { name: "Remonter au commentaire parent" }).click();
  await expect(page).toHaveURL(new RegExp(`${THREAD}/c217$`));
  await expect(comment(page, "Réponse de Soufiane, niveau 3")).toBeVisible();

  await nav.getByRole("link", { name: "Voir toute la discussion" }).click();
  await expect(page).toHaveURL(new RegExp(`${THREAD}$`));
  await expect.poll(() => names(topLevel(page))).toEqual(NEWEST_FIRST);
});

test("a permalink to a comment that does not exist says so", async ({ page }) => {
  await page.goto(`${THREAD}/c999`);
  await expect(page.getByText("Ce commentaire n’existe pas ou a été retiré.")).toBeVisible();
  await page.getByRole("link", { name: "Voir toute la discussion" }).click();
  await expect(comment(page, "Commentaire de Touria")).toBeVisible();
});

test("a #comment anchor scrolls to the comment and marks it", async ({ page }) => {
  await page.goto(`/article/${MARKET.slug}#comment-c209`);
  const target = comment(page, "Commentaire de Naïma");
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  const mark = (locator) => locator.evaluate((el) => getComputedStyle(el).boxShadow);
  expect(await mark(target)).not.toBe("none");
  expect(await mark(comment(page, "Commentaire de Touria"))).toBe("none");
});

test("a #comment anchor to a comment not in the preview opens its permalink", async ({ page }) => {
  // Ghita's comment is the oldest: past the article page's first ten.
  await page.goto(`/article/${MARKET.slug}#comment-c201`);
  await expect(page).toHaveURL(new RegExp(`${THREAD}/c201$`));
  await expect(comment(page, "Commentaire de Ghita")).toBeFocused();
});

test("past the depth limit, “Continuer cette discussion” leads to the sub-thread", async ({ page }, testInfo) => {
  await page.goto(THREAD);
  // Phone: three levels; desktop: six.
  const [last, hidden, link, id, next] = isPhone(testInfo)
    ? ["Réponse de Soufiane, niveau 3", "Réponse de Ahmed O., niveau 4", "Continuer cette discussion (6 réponses)", "c217", "Réponse de Ahmed O., niveau 4"]
    : ["Réponse de Hajar K., niveau 6", "Réponse de Soufiane, niveau 7", "Continuer cette discussion (3 réponses)", "c220", "Réponse de Soufiane, niveau 7"];
  await expect(comment(page, last)).toBeVisible();
  await expect(comment(page, hidden)).toHaveCount(0);
  await page.getByRole("link", { name: link }).click();
  await expect(page).toHaveURL(new RegExp(`${THREAD}/${id}$`));
  await expect(comment(page, last)).toBeVisible();
  await expect(comment(page, next)).toBeVisible();
});

test("an article without comments invites the first one", async ({ page }) => {
  for (const url of [`/article/${ARTICLES.coastal.slug}`, `/article/${ARTICLES.fishing.slug}/comments`]) {
    await page.goto(url);
    const region = page.getByRole("region", { name: "Commentaires" });
    await expect(region.getByText("Soyez le premier à donner votre avis")).toBeVisible();
    await expect(region.getByRole("article")).toHaveCount(0);
    await expect(region.getByLabel("Trier les commentaires")).toHaveCount(0);
  }
});

test("a deleted comment is a placeholder that keeps its replies", async ({ page }) => {
  await page.goto(THREAD);
  const deleted = comment(page, "Commentaire supprimé");
  await expect(deleted.getByText("Commentaire supprimé")).toBeVisible();
  await expect(page.getByText("anonyme_en_colere")).toHaveCount(0);
  await expect(deleted.getByRole("button", { name: "Copier le lien" })).toHaveCount(0);
  await expect.poll(() => names(commentItem(page, "Commentaire supprimé").getByRole("article"))).toEqual([
    "Commentaire supprimé", "Réponse de Tarik, niveau 2", "Réponse de Latifa R., niveau 2",
  ]);
  await expect(comment(page, "Réponse de Tarik, niveau 2").getByText("Il a dit quoi ?")).toBeVisible();
});

test("an Arabic comment reads right to left inside a French thread", async ({ page }) => {
  await page.goto(THREAD);
  const direction = (locator) =>
    locator.evaluate((el) => {
      const body = el.closest('[dir="auto"]');
      return body ? getComputedStyle(body).direction : "no dir=auto";
    });
  const arabic = comment(page, "Commentaire de سعيد").getByText("زرت السوق صباح السبت");
  await expect(arabic).toBeVisible();
  expect(await direction(arabic)).toBe("rtl");
  expect(await direction(comment(page, "Commentaire de Bouchra").getByText("Pas de titre"))).toBe("ltr");
});

test("comment bodies keep paragraphs and turn URLs into safe links", async ({ page }) => {
  await page.goto(THREAD);
  const naima = comment(page, "Commentaire de Naïma");
  await expect(naima.getByRole("paragraph").filter({ hasText: /^Trois remarques après ma visite\.$/ })).toHaveCount(1);
  await expect(naima.getByRole("paragraph").filter({ hasText: /^Merci\.$/ })).toHaveCount(1);
  const lines = naima.getByRole("paragraph").filter({ hasText: "Un : les étals" });
  // Off-screen comments skip rendering (content-visibility), and so their innerText.
  await lines.scrollIntoViewIfNeeded();
  await expect.poll(() => lines.innerText()).toMatch(/marchands\.\nDeux : la lumière est magnifique\.\nTrois/);

  const mehdi = comment(page, "Commentaire de Mehdi B.");
  for (const url of ["https://example.org/tilwa/marche-central/dossier.pdf", "http://example.org/tilwa/marche-ancien"]) {
    const link = mehdi.getByRole("link", { name: url, exact: true });
    await expect(link).toHaveAttribute("href", url);
    await expect(link).toHaveAttribute("rel", "nofollow ugc noopener");
  }
});

for (const [where, url] of [["the thread page", THREAD], ["the article page", `/article/${MARKET.slug}`]]) {
  test(`markup in comments shows as text on ${where} and runs nothing`, async ({ page }) => {
    const problems = watchProblems(page);
    await page.goto(url);
    const script = '<script>alert("x")</script>';
    const scripted = comment(page, `Commentaire de ${script}`);
    await expect(scripted.getByRole("heading", { level: 3, name: script, exact: true })).toBeVisible();
    await expect(scripted.getByText(script, { exact: true })).toHaveCount(2);
    const img = comment(page, "Commentaire de curieux_du_web");
    await expect(img.getByText("Et celle-ci : <img src=x onerror=alert(1)> ? Et du <b>bold?</b> au milieu")).toBeVisible();

    const region = page.getByRole("region", { name: "Commentaires" });
    await expect(region.getByRole("img")).toHaveCount(0);
    await expect(region.locator("script, img, [onerror], b")).toHaveCount(0);
    expect(problems.dialogs).toEqual([]);
    expect(problems.page).toEqual([]);
  });
}

test("a thread that fails to load shows an error under the article, and a retry loads it", async ({ page }) => {
  await failOnce(page, `**/api/articles/${MARKET.slug}/comments.json`, { status: 500, body: "" });
  await page.goto(`/article/${MARKET.slug}`);
  const region = page.getByRole("region", { name: "Commentaires" });
  const alert = region.getByRole("alert");
  await expect(alert.getByRole("heading", { name: "Le contenu n’a pas pu être chargé" })).toBeVisible();
  await expect(alert.getByText("Le serveur a répondu par une erreur (500).")).toBeVisible();
  await expect(mainArticle(page, MARKET.title)).toBeVisible();

  await alert.getByRole("button", { name: "Réessayer" }).click();
  await expect(region.getByText("22 commentaires", { exact: true })).toBeVisible();
  await expect(comment(page, "Commentaire de Touria")).toBeVisible();
  await expect(region.getByRole("alert")).toHaveCount(0);
  await expect(mainArticle(page, MARKET.title)).toBeVisible();
});

test("a long thread shows ten comments under the article and grows by twenty on its page", async ({ page }) => {
  const slug = ARTICLES.parking.slug;
  await page.goto(`/article/${slug}`);
  await expect(page.getByText("291 commentaires", { exact: true })).toBeVisible();
  await expect(topLevel(page)).toHaveCount(10);
  await expect(topLevel(page).first()).toHaveAccessibleName("Commentaire de Ahmed O.");

  await page.getByRole("link", { name: "Voir toute la discussion" }).click();
  await expect(page).toHaveURL(new RegExp(`/article/${slug}/comments$`));
  await expect(topLevel(page)).toHaveCount(20);
  const more = page.getByRole("button", { name: "Afficher plus de commentaires" });
  await more.click();
  // The next twenty include one deleted comment (c212), shown as a placeholder.
  await expect(topLevel(page)).toHaveCount(39);
  await expect(topLevel(page).nth(20)).toHaveAccessibleName("Commentaire de Salma B.");
  await expect(more).toBeVisible();
});

// The 300-comment thread comes in two pages (contract 1.1): 200 comments in
// thread order, then the rest. The first page alone draws the thread.
test.describe("a thread by pages", () => {
  const slug = ARTICLES.parking.slug;
  const listing = `/api/articles/${slug}/comments.json`;
  const secondPage = `/api/articles/${slug}/comments/pages/2.json`;

  /** Paths of the comment pages and sub-threads the page requests. */
  function watchPages(page) {
    const seen = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith(`/api/articles/${slug}/comments`)) seen.push(path);
    });
    return seen;
  }

  test("the build writes two pages that hold every comment once", async ({ request }) => {
    const first = await (await request.get(listing)).json();
    expect(first.comments).toHaveLength(200);
    expect(first.total).toBe(291);
    expect(first.next).toBe(`articles/${slug}/comments/pages/2.json`);
    const second = await (await request.get(`/api/${first.next}`)).json();
    expect(second.next).toBeNull();
    const ids = [...first.comments, ...second.comments].map((c) => c.id);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    // Thread order: every reply comes after the comment it answers.
    const position = new Map(ids.map((id, i) => [id, i]));
    for (const c of [...first.comments, ...second.comments]) {
      if (c.parent_id && position.has(c.parent_id)) expect(position.get(c.parent_id)).toBeLessThan(position.get(c.id));
    }
  });

  test("the first screen reads the first page only; going past it reads the second, once", async ({ page }) => {
    const seen = watchPages(page);
    await page.goto(`/article/${slug}/comments`);
    await expect(topLevel(page)).toHaveCount(20);
    await expect(page.getByText("291 commentaires", { exact: true })).toBeVisible();
    expect(seen).not.toContain(secondPage);

    const more = page.getByRole("button", { name: "Afficher plus de commentaires" });
    while (await more.isVisible()) {
      const before = await topLevel(page).count();
      await more.click();
      await expect.poll(() => topLevel(page).count()).toBeGreaterThan(before);
    }
    expect(seen.filter((p) => p === secondPage)).toHaveLength(1);
    // Every top-level comment of both pages, each once (deleted ones are
    // placeholders, not named after an author), and the count unchanged.
    const all = await (await page.request.get(listing)).json();
    const rest = await (await page.request.get(secondPage)).json();
    const roots = [...all.comments, ...rest.comments].filter((c) => !c.parent_id && c.status === "published");
    await expect(topLevel(page)).toHaveCount(roots.length);
    const shown = await names(topLevel(page));
    expect(shown[shown.length - 1]).toBe(`Commentaire de ${roots[roots.length - 1].author}`);
    await expect(page.getByText("291 commentaires", { exact: true })).toBeVisible();
  });

  test("another order reads every page first", async ({ page }) => {
    const seen = watchPages(page);
    await page.goto(`/article/${slug}/comments`);
    await expect(topLevel(page)).toHaveCount(20);
    await page.getByLabel("Trier les commentaires").selectOption("oldest");
    const first = await (await page.request.get(listing)).json();
    const second = await (await page.request.get(secondPage)).json();
    const oldest = [...first.comments, ...second.comments]
      .filter((c) => !c.parent_id && c.status === "published")
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))[0];
    await expect(topLevel(page).first()).toHaveAccessibleName(`Commentaire de ${oldest.author}`);
    expect(seen).toContain(secondPage);
    await page.getByLabel("Trier les commentaires").selectOption("newest");
  });

  test("a permalink to a reply on the second page opens on a static host, from the pages", async ({ page }) => {
    const first = await (await page.request.get(listing)).json();
    const second = await (await page.request.get(secondPage)).json();
    const onFirst = new Set(first.comments.map((c) => c.id));
    const reply = second.comments.findLast((c) => c.parent_id && !onFirst.has(c.parent_id) && c.status === "published");
    expect(reply, "a reply whose thread is on page 2").toBeTruthy();
    const seen = watchPages(page);
    await page.goto(`/article/${slug}/comments/${reply.id}`);
    const target = page.locator(`#comment-${reply.id}`);
    await expect(target).toBeVisible();
    await expect(target).toContainText(reply.author);
    await expect(page.getByRole("link", { name: "Remonter au commentaire parent" })).toBeVisible();
    // The static host has no sub-thread file: the app read the pages.
    expect(seen).toContain(`/api/articles/${slug}/comments/${reply.id}.json`);
    expect(seen).toContain(secondPage);
  });
});
