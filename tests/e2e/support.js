// Shared helpers of the end-to-end suite: the demo content's known facts and
// the few steps every spec repeats (opening the section menu, failing a
// request once, watching for dialogs).
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";

export const SITE = "La Gazette";

/** Demo articles used across specs (public/api/articles/*.json). */
export const ARTICLES = {
  budget: {
    slug: "budget-eau-casablanca",
    title: "Eau : Casablanca vote un budget inédit pour traquer les fuites",
  },
  festival: {
    slug: "festival-cinema-tilwa",
    title: "Festival du film de Tilwa : une édition tournée vers la mer",
  },
  tram: {
    slug: "tram-ligne-3-tilwa",
    title: "Tilwa : la ligne 3 du tramway atteindra Hay Nakhla dès la rentrée",
  },
  market: {
    slug: "marche-central-renovation",
    title: "Le marché central de Tilwa rouvre ses halles après deux ans de travaux",
  },
  parking: {
    slug: "stationnement-payant-centre",
    title: "Stationnement payant : le centre de Tilwa passe à l'horodateur",
  },
  calligraphy: {
    slug: "maarid-al-khatt",
    title: "معرض للخط العربي في تيلوا يجمع بين التقليد والتجريب",
  },
  halfMarathon: {
    slug: "tilwa-half-marathon",
    title: "Tilwa half marathon breaks its attendance record on a windy Sunday",
  },
  library: {
    slug: "bibliotheque-municipale-reouverture",
    title: "La bibliothèque municipale de Tilwa rouvre avec des horaires du soir",
  },
  ruralSchools: {
    slug: "ecoles-rurales-bus-scolaire",
    title: "Dans l'arrière-pays de Tilwa, un bus scolaire pour freiner le décrochage",
  },
  fishing: {
    slug: "accord-peche-mediterranee",
    title: "Méditerranée : un accord régional pour protéger les zones de frai",
  },
  coastal: {
    slug: "coastal-cities-water-forum",
    title: "Coastal cities trade recipes for surviving drought at a forum in Lisbon",
  },
};

export const isPhone = (testInfo) => testInfo.project.name === "phone";

/** The page's main article: the <article> holding the page's h1. */
export function mainArticle(page, title) {
  return page
    .getByRole("article")
    .filter({ has: page.getByRole("heading", { level: 1, name: title, exact: true }) });
}

/** The section menu, opened through the "Menu" button where it is folded. */
export async function openMenu(page, testInfo) {
  const nav = page.getByRole("navigation", { name: "Rubriques" });
  const button = page.getByRole("button", { name: "Menu" });
  if (isPhone(testInfo)) {
    await expect(button).toHaveAttribute("aria-expanded", "false");
    await expect(nav).toBeHidden();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
  } else {
    await expect(button).toBeHidden();
  }
  await expect(nav).toBeVisible();
  return nav;
}

/**
 * Answers the first request matching `url` with `first` (a route.fulfill
 * option object, or a function of the real response body), then lets every
 * later request through to the server. Returns a counter of intercepted calls.
 */
export async function failOnce(page, url, first) {
  const calls = { count: 0 };
  await page.route(url, async (route) => {
    calls.count += 1;
    if (calls.count > 1) return route.fallback();
    if (typeof first === "function") {
      const response = await route.fetch();
      const body = await response.json();
      return route.fulfill({ response, json: first(body) });
    }
    return route.fulfill(first);
  });
  return calls;
}

/**
 * Serves the app's shell (dist/shell.html) for every page of `page`, as a
 * host without the build's prerendered pages does, or as a reader meets a
 * page they reach by a link: the app fetches the route's data itself. Tests
 * of how the app answers the API's failures and settings use it, since a
 * prerendered page carries its data inline.
 */
export async function serveShell(page) {
  const shell = readFileSync("dist/shell.html", "utf8");
  await page.route(
    (url) => !url.pathname.startsWith("/api/"),
    (route) =>
      route.request().resourceType() === "document"
        ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: shell })
        : route.fallback(),
  );
}

/** Collects console errors, page errors and dialogs of `page`. */
export function watchProblems(page) {
  const problems = { console: [], page: [], dialogs: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.console.push(msg.text());
  });
  page.on("pageerror", (error) => problems.page.push(String(error)));
  page.on("dialog", async (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  return problems;
}

/** The aria-labels (accessible names) of the elements of `locator`, in order. */
export function names(locator) {
  return locator.evaluateAll((els) => els.map((el) => el.getAttribute("aria-label")));
}

/** Relative luminance of the page background, 0 (black) to 1 (white). */
export function backgroundLuminance(page) {
  return page.evaluate(() => {
    const canvas = document.createElement("canvas").getContext("2d");
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
    const lin = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}
