// What a reader sees when the API fails or sends bad data, and that a retry
// recovers; and that a normal visit logs no errors.
import { test, expect } from "./support/app.js";
import { ARTICLES, failOnce, mainArticle, serveShell, watchProblems } from "./support.js";

const ARTICLE_JSON = `**/api/articles/${ARTICLES.budget.slug}.json`;
const ERROR_TITLE = "Le contenu n’a pas pu être chargé";

/** Expects the page's error state with `detail`, retries, and expects the article. */
async function retryShowsArticle(page, detail) {
  const alert = page.getByRole("alert");
  await expect(alert.getByRole("heading", { level: 1, name: ERROR_TITLE })).toBeVisible();
  await expect(alert.getByText(detail, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: ARTICLES.budget.title })).toHaveCount(0);

  await alert.getByRole("button", { name: "Réessayer" }).click();
  await expect(mainArticle(page, ARTICLES.budget.title)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await expect(mainArticle(page, ARTICLES.budget.title).getByText("Temps de lecture : 2 min", { exact: true })).toBeVisible();
}

test("an API 500 for the article shows an error, and “Réessayer” shows the article", async ({ page }) => {
  await serveShell(page);
  const calls = await failOnce(page, ARTICLE_JSON, { status: 500, json: { error: { code: "boom", message: "boom" } } });
  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await retryShowsArticle(page, "Le serveur a répondu par une erreur (500).");
  expect(calls.count).toBe(2);
});

test("malformed JSON shows an error, and a retry shows the article", async ({ page }) => {
  await serveShell(page);
  await failOnce(page, ARTICLE_JSON, { status: 200, contentType: "application/json", body: '{"slug": 5' });
  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await retryShowsArticle(page, "Les données reçues sont illisibles.");
});

test("a mistyped field shows an error, and a retry shows the article", async ({ page }) => {
  await serveShell(page);
  await failOnce(page, ARTICLE_JSON, (article) => ({ ...article, title: 42 }));
  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await retryShowsArticle(page, "Les données reçues sont illisibles.");
});

test("an unreachable server shows an error, and a retry shows the article", async ({ page }) => {
  await serveShell(page);
  let calls = 0;
  await page.route(ARTICLE_JSON, (route) => (++calls === 1 ? route.abort("connectionrefused") : route.fallback()));
  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await retryShowsArticle(page, "Le serveur ne répond pas. Vérifiez votre connexion.");
});

test("a section that fails to load can be retried", async ({ page }) => {
  await serveShell(page);
  await failOnce(page, "**/api/sections/culture.json", { status: 503, body: "" });
  await page.goto("/section/culture");
  const alert = page.getByRole("alert");
  await expect(alert.getByText("Le serveur a répondu par une erreur (503).")).toBeVisible();
  await alert.getByRole("button", { name: "Réessayer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Culture" })).toBeVisible();
  await expect(page.getByRole("link", { name: ARTICLES.festival.title, exact: true })).toBeVisible();
});

test("a failed next page keeps the list and offers a retry", async ({ page }) => {
  await failOnce(page, "**/api/sections/maroc/page-2.json", { status: 500, body: "" });
  await page.goto("/section/maroc");
  const titles = page.getByRole("main").getByRole("heading", { level: 2 });
  await expect(titles).toHaveCount(6);
  await page.getByRole("button", { name: "Voir plus d’articles" }).click();

  const alert = page.getByRole("alert");
  await expect(alert.getByRole("heading", { name: ERROR_TITLE })).toBeVisible();
  await expect(titles).toHaveCount(6);
  await expect(page.getByRole("heading", { level: 1, name: "Maroc" })).toBeVisible();

  await alert.getByRole("button", { name: "Réessayer" }).click();
  await expect(page.getByRole("link", { name: ARTICLES.ruralSchools.title, exact: true })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("reading the site logs no console errors and no page errors", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("/");
  await page.getByRole("link", { name: ARTICLES.market.title, exact: true }).click();
  await expect(mainArticle(page, ARTICLES.market.title)).toBeVisible();
  await expect(page.getByRole("article", { name: "Commentaire de Touria" })).toBeVisible();
  await page.getByRole("link", { name: "Voir toute la discussion" }).click();
  await expect(page.getByRole("article", { name: "Commentaire de Ghita" })).toBeVisible();
  await page.goto("/section/maroc");
  await page.getByRole("button", { name: "Voir plus d’articles" }).click();
  await expect(page.getByRole("link", { name: ARTICLES.ruralSchools.title, exact: true })).toBeVisible();
  await page.goto(`/article/${ARTICLES.calligraphy.slug}`);
  await expect(mainArticle(page, ARTICLES.calligraphy.title)).toBeVisible();

  expect(problems.console).toEqual([]);
  expect(problems.page).toEqual([]);
  expect(problems.dialogs).toEqual([]);
});
