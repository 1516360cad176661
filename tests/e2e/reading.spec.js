// The read side (issue 2): front page, menu, sections, articles, navigation
// history, not-found pages and what an article body renders.
import { test, expect } from "./support/app.js";
import { ARTICLES, SITE, isPhone, mainArticle, openMenu } from "./support.js";

const FRONT_TITLES = [
  ARTICLES.tram.title,
  ARTICLES.parking.title,
  ARTICLES.market.title,
  ARTICLES.halfMarathon.title,
  ARTICLES.calligraphy.title,
  ARTICLES.budget.title,
  ARTICLES.festival.title,
  "Une start-up de Tilwa livre à vélo cargo et lève 12 millions de dirhams",
  "Football : le Chabab de Tilwa assure son maintien lors de la dernière journée",
  ARTICLES.coastal.title,
];

const MAROC_PAGE_1 = [
  ARTICLES.tram.title,
  ARTICLES.parking.title,
  ARTICLES.market.title,
  ARTICLES.budget.title,
  ARTICLES.library.title,
  "قرى الأطلس تجمع مياه الأمطار في خزانات جماعية",
];

/** The titles of the article cards listed in the page's main region. */
const cardTitles = (page) => page.getByRole("main").getByRole("heading", { level: 2 });

/** An article card in a list, found by its title. */
const card = (page, title) =>
  page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name: title, exact: true }) });

test("front page shows the site name, the section menu and the latest articles", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.getByRole("banner").getByRole("link", { name: SITE, exact: true })).toHaveAttribute("href", "/");
  await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();
  await expect(cardTitles(page)).toHaveText(FRONT_TITLES);
  await expect(page).toHaveTitle(SITE);

  const nav = await openMenu(page, testInfo);
  await expect(nav.getByRole("link")).toHaveText(["À la une", "Maroc", "Économie", "Culture", "Sport", "Monde"]);
  await expect(nav.getByRole("link", { name: "À la une" })).toHaveAttribute("aria-current", "page");
});

test("the menu leads to a section, then to one of its articles", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(cardTitles(page).first()).toBeVisible();

  const nav = await openMenu(page, testInfo);
  await nav.getByRole("link", { name: "Maroc" }).click();
  await expect(page).toHaveURL(/\/section\/maroc$/);
  await expect(page.getByRole("heading", { level: 1, name: "Maroc" })).toBeVisible();
  await expect(page.getByText("L'actualité de Tilwa, de ses quartiers et des régions du Royaume.")).toBeVisible();
  await expect(cardTitles(page)).toHaveText(MAROC_PAGE_1);
  const navAgain = await openMenu(page, testInfo);
  await expect(navAgain.getByRole("link", { name: "Maroc" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: ARTICLES.budget.title, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/article/${ARTICLES.budget.slug}$`));
  const article = mainArticle(page, ARTICLES.budget.title);
  await expect(article).toBeVisible();
  await expect(article.getByText("Par Yassine Boudlal")).toBeVisible();
  await expect(article.getByRole("heading", { level: 2, name: "Trois chantiers prioritaires" })).toBeVisible();
});

test("the folded menu closes once the reader has picked a section", async ({ page }, testInfo) => {
  test.skip(!isPhone(testInfo), "the menu folds only below 48rem");
  await page.goto("/");
  const nav = await openMenu(page, testInfo);
  await nav.getByRole("link", { name: "Sport" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sport" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false", { timeout: 3000 });
  await expect(nav).toBeHidden();
});

test("every page has its own document title", async ({ page }) => {
  const pages = [
    ["/", SITE],
    ["/section/culture", `Culture — ${SITE}`],
    [`/article/${ARTICLES.budget.slug}`, `${ARTICLES.budget.title} — ${SITE}`],
    [`/article/${ARTICLES.market.slug}/comments`, `Commentaires : ${ARTICLES.market.title} — ${SITE}`],
    ["/pas/une/page", `Page introuvable — ${SITE}`],
  ];
  for (const [url, title] of pages) {
    await page.goto(url);
    await expect(page).toHaveTitle(title);
  }
});

test("back and forward move through the pages visited", async ({ page }) => {
  await page.goto("/section/culture");
  await page.getByRole("link", { name: ARTICLES.festival.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ARTICLES.festival.title })).toBeVisible();
  await page.getByRole("banner").getByRole("link", { name: SITE, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`/article/${ARTICLES.festival.slug}$`));
  await expect(page.getByRole("heading", { level: 1, name: ARTICLES.festival.title })).toBeVisible();
  await expect(page).toHaveTitle(`${ARTICLES.festival.title} — ${SITE}`);

  await page.goBack();
  await expect(page).toHaveURL(/\/section\/culture$/);
  await expect(page.getByRole("heading", { level: 1, name: "Culture" })).toBeVisible();
  await expect(page).toHaveTitle(`Culture — ${SITE}`);

  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: ARTICLES.festival.title })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();
  await expect(page).toHaveTitle(SITE);
});

test("reloading a deep link shows the same page", async ({ page }) => {
  for (const [url, heading, title] of [
    [`/article/${ARTICLES.tram.slug}`, ARTICLES.tram.title, `${ARTICLES.tram.title} — ${SITE}`],
    ["/section/sport", "Sport", `Sport — ${SITE}`],
  ]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.reload();
    await expect(page).toHaveURL(new RegExp(`${url}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await expect(page).toHaveTitle(title);
  }

  const thread = `/article/${ARTICLES.market.slug}/comments/c218`;
  await page.goto(thread);
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`${thread}$`));
  await expect(page.getByRole("article", { name: "Réponse de Ahmed O., niveau 4" })).toBeVisible();
});

for (const [what, url] of [
  ["an unknown address", "/pas/une/page"],
  ["an unknown article slug", "/article/cet-article-n-existe-pas"],
  ["an unknown section", "/section/meteo"],
  ["an article slug outside the contract", "/article/%2E%2E%2Fsite"],
]) {
  test(`${what} shows the not-found page inside the layout`, async ({ page }, testInfo) => {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    await expect(page.getByText("Cette adresse ne correspond à aucune page")).toBeVisible();
    await expect(page).toHaveTitle(`Page introuvable — ${SITE}`);
    await expect(page.getByRole("banner").getByRole("link", { name: SITE, exact: true })).toBeVisible();
    const nav = await openMenu(page, testInfo);
    await expect(nav.getByRole("link", { name: "Culture" })).toBeVisible();

    await page.getByRole("main").getByRole("link", { name: "Retour à la une" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "À la une" })).toBeVisible();
  });
}

test("“Voir plus d’articles” appends the section's next page", async ({ page }) => {
  await page.goto("/section/maroc");
  await expect(cardTitles(page)).toHaveText(MAROC_PAGE_1);
  const more = page.getByRole("button", { name: "Voir plus d’articles" });
  await more.click();
  await expect(cardTitles(page)).toHaveText([...MAROC_PAGE_1, ARTICLES.ruralSchools.title, "À propos de La Gazette"]);
  await expect(more).toBeHidden();
  // Focus goes to the first new article, so a keyboard reader goes on from there.
  await expect(page.getByRole("link", { name: ARTICLES.ruralSchools.title, exact: true })).toBeFocused();
});

test("the front page also loads its next page", async ({ page }) => {
  await page.goto("/");
  await expect(cardTitles(page)).toHaveCount(10);
  await page.getByRole("button", { name: "Voir plus d’articles" }).click();
  await expect(cardTitles(page)).toHaveCount(18);
  await expect(cardTitles(page).nth(10)).toHaveText(ARTICLES.library.title);
  await expect(page.getByRole("button", { name: "Voir plus d’articles" })).toBeHidden();
});

test("an Arabic article is marked lang=ar, dir=rtl and starts on the right", async ({ page }) => {
  await page.goto(`/article/${ARTICLES.calligraphy.slug}`);
  const article = mainArticle(page, ARTICLES.calligraphy.title);
  await expect(article).toHaveAttribute("lang", "ar");
  await expect(article).toHaveAttribute("dir", "rtl");
  // Its labels speak Arabic too.
  await expect(article.getByText("بقلم سعاد المرابط")).toBeVisible();
  await expect(article.getByRole("heading", { level: 2, name: "الوسوم" })).toBeAttached();

  // The section link above the title sits against the right edge.
  const box = await article.boundingBox();
  const kicker = await article.getByRole("link", { name: "Culture", exact: true }).boundingBox();
  expect(Math.abs(box.x + box.width - (kicker.x + kicker.width))).toBeLessThanOrEqual(2);
  expect(kicker.x).toBeGreaterThan(box.x + box.width / 2);

  // The same link in a French article sits against the left edge.
  await page.goto(`/article/${ARTICLES.festival.slug}`);
  const french = mainArticle(page, ARTICLES.festival.title);
  await expect(french).toHaveAttribute("dir", "ltr");
  const frBox = await french.boundingBox();
  const frKicker = await french.getByRole("link", { name: "Culture", exact: true }).boundingBox();
  expect(Math.abs(frKicker.x - frBox.x)).toBeLessThanOrEqual(2);
});

test("reading time shows on the article and on its summary", async ({ page }) => {
  await page.goto(`/article/${ARTICLES.budget.slug}`);
  await expect(mainArticle(page, ARTICLES.budget.title).getByText("Temps de lecture : 2 min", { exact: true })).toBeVisible();

  await page.goto("/section/maroc");
  await expect(card(page, ARTICLES.budget.title).getByText(/^Temps de lecture/)).toHaveText("Temps de lecture : 2 min");
  await expect(card(page, ARTICLES.market.title).getByText(/^Temps de lecture/)).toHaveText("Temps de lecture : 1 min");

  // English articles say it in English, on the card and on the article.
  await page.goto("/section/sport");
  await expect(card(page, ARTICLES.halfMarathon.title).getByText(/min read$/)).toHaveText("1 min read");
  await page.getByRole("link", { name: ARTICLES.halfMarathon.title, exact: true }).click();
  await expect(mainArticle(page, ARTICLES.halfMarathon.title).getByText("1 min read", { exact: true })).toBeVisible();
});

test("a javascript: link in an article renders as plain text", async ({ page }) => {
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    return dialog.dismiss();
  });
  await page.goto(`/article/${ARTICLES.festival.slug}`);
  const article = mainArticle(page, ARTICLES.festival.title);
  const bait = article.getByText("cliquez ici pour gagner des places");
  await expect(bait).toBeVisible();
  await expect(article.getByRole("link", { name: "cliquez ici pour gagner des places" })).toHaveCount(0);
  await bait.click();
  // A same-site link in the same article stays a link.
  await expect(article.getByRole("link", { name: "rubrique Culture" })).toHaveAttribute("href", "/section/culture");
  await expect(page).toHaveURL(new RegExp(`/article/${ARTICLES.festival.slug}$`));
  expect(dialogs).toEqual([]);
});

test("an unknown body block is skipped and the rest of the article shows", async ({ page }) => {
  await page.goto(`/article/${ARTICLES.tram.slug}`);
  const article = mainArticle(page, ARTICLES.tram.title);
  // The video block sits between this quote and this heading.
  await expect(article.getByText("Nous préférons ouvrir deux semaines plus tard")).toBeVisible();
  await expect(article.getByRole("heading", { level: 2, name: "Les prochaines étapes" })).toBeVisible();
  await expect(article.getByText("Mise à jour du 3 mars")).toBeVisible();
  await expect(page.locator("video")).toHaveCount(0);
  await expect(page.getByRole("alert")).toHaveCount(0);
});
