// Gazette's service worker for one build, written by gazette-prerender
// (crates/prerender/src/sw.js with this build's file names): do not edit
// dist/sw.js, scripts/build.sh writes it again.
//
// - The app (shell, .js, .wasm, .css, icon) of this build is cached when
//   the worker installs; hashed files are answered from the cache first.
// - Pages, API data and images: network first, the cache after a short
//   wait or when the network fails. Every article the reader opened (its
//   page, its JSON, its comments as last seen, its images) stays readable
//   offline; the last MAX_ARTICLES, the oldest opened dropped first.
// - A page offline that was never saved gets the shell: the app then says
//   it is offline and lists the saved articles (SAVED, answered here).
// - Two builds never mix: pages are kept per build, and a new build's
//   worker waits until the next navigation that reaches the network, then
//   takes over and drops the old build's files.
"use strict";

const BUILD = "{{BUILD}}";
const APP = {{APP}};
const SHELL = "{{SHELL}}";
const API = new URL("{{API}}", location.href).href.replace(/\/$/, "") + "/";
const SAVED = "{{SAVED}}";
const MAX_ARTICLES = {{MAX_ARTICLES}};
const MAX_LOOSE = 200;
const WAIT_MS = 3000;

const APP_CACHE = "gazette-app-" + BUILD;
const PAGES_CACHE = "gazette-pages-" + BUILD;
const DATA_CACHE = "gazette-data";
const INDEX_KEY = new URL("/__gazette-saved-index", location.href).href;
const HASHED = /-[0-9a-f]{16}[._][^/]*$/;
const SLUG = "[A-Za-z0-9][A-Za-z0-9_-]{0,127}";
const ARTICLE_PAGE = new RegExp("^/article/(" + SLUG + ")(?:/comments(?:/" + SLUG + ")?)?$");
const ARTICLE_DATA = new RegExp("^articles/(" + SLUG + ")(?:\\.json|/comments\\.json)$");
// The API responses a rendered page carries (crates/model/src/inline_data.rs).
const INLINE_DATA = /<script type="application\/json" data-api="([^"]+)">([\s\S]*?)<\/script>/g;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll(APP)));
});

self.addEventListener("activate", (event) => {
  const activation = (async () => {
    for (const name of await caches.keys()) {
      const old = (name.startsWith("gazette-app-") && name !== APP_CACHE)
        || (name.startsWith("gazette-pages-") && name !== PAGES_CACHE);
      if (old) await caches.delete(name);
    }
    await self.clients.claim();
  })();
  event.waitUntil(activation);
  // The pages open now came before this worker: keep them as if it had
  // seen them load. Not part of the activation, which holds the pages'
  // requests back until it ends.
  activation.then(async () => {
    for (const client of await self.clients.matchAll({ type: "window" })) {
      await savePage(client.url);
    }
  });
});

// The worker of the build before this one says when to take over.
self.addEventListener("message", (event) => {
  if (event.data === "gazette-take-over") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const apiPath = url.href.startsWith(API) ? url.href.slice(API.length).split("?")[0] : null;
  if (apiPath !== null) {
    if (!apiPath.startsWith("moderation")) event.respondWith(data(request, apiPath));
    return;
  }
  if (url.origin !== location.origin) return;
  if (url.pathname === SAVED) return event.respondWith(savedList());
  if (url.pathname === "/moderation" || url.pathname.startsWith("/desk/")) return;
  if (request.mode === "navigate") return event.respondWith(page(request, url));
  if (HASHED.test(url.pathname)) return event.respondWith(appFile(request));
  if (request.destination === "image") event.respondWith(image(request));
});

/** The slug of the article a page path belongs to, or null. */
function articleOfPage(path) {
  const match = ARTICLE_PAGE.exec(path);
  return match ? match[1] : null;
}

async function page(request, url) {
  const slug = articleOfPage(url.pathname);
  const fromNetwork = (response) => {
    if (!response.ok) return;
    // A new build waits for a page that came from the network: then its
    // files are the ones this page asks for.
    const waiting = self.registration.waiting;
    if (waiting) waiting.postMessage("gazette-take-over");
    // A rendered page carries its data inline: the app will not ask for
    // it, so it is saved here, with the page's images.
    savePage(url.href, response.clone());
  };
  const response = await networkFirst(request, PAGES_CACHE, slug, fromNetwork);
  if (response) return response;
  return (await caches.match(SHELL, { cacheName: APP_CACHE })) || Response.error();
}

async function data(request, path) {
  const match = ARTICLE_DATA.exec(path);
  const slug = match ? match[1] : null;
  const saving = (response) => {
    if (response.ok && slug && path === "articles/" + slug + ".json") {
      saveArticle(slug, response.clone());
    }
  };
  return (await networkFirst(request, DATA_CACHE, slug, saving)) || Response.error();
}

async function image(request) {
  let slug = null;
  try {
    slug = articleOfPage(new URL(request.referrer).pathname);
  } catch (e) {}
  return (await networkFirst(request, DATA_CACHE, slug)) || Response.error();
}

/** This build's file from the cache, else from the network (then kept). */
async function appFile(request) {
  const cache = await caches.open(APP_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

/**
 * The network's answer, kept in `cacheName` under `slug`'s article; the
 * cached answer when the network fails or is slower than WAIT_MS (the
 * network's then refreshes the cache); null when neither has one.
 */
async function networkFirst(request, cacheName, slug, onNetwork) {
  const network = fetch(request);
  // Registered first, so that the copy is taken before the page reads it.
  // Saving does not extend the event (no waitUntil): a worker with events
  // in progress holds back a new build's worker, and the page's requests
  // keep this one alive anyway.
  network.then((response) => {
    if (onNetwork) onNetwork(response);
    if (response.ok && (response.type === "basic" || response.type === "cors")) {
      return keep(cacheName, request.url, response.clone(), slug);
    }
  }).catch(() => {});
  const late = new Promise((resolve) => setTimeout(() => resolve(null), WAIT_MS));
  let first;
  try {
    first = await Promise.race([network, late]);
  } catch (offline) {
    return cached(cacheName, request);
  }
  // A server error (a proxy's 502) does not hide a saved copy.
  if (first && first.status >= 500) return (await cached(cacheName, request)) || first;
  if (first) return first;
  return (await cached(cacheName, request)) || network.catch(() => null);
}

async function cached(cacheName, request) {
  const cache = await caches.open(cacheName);
  return (await cache.match(request.url)) || null;
}

async function keep(cacheName, url, response, slug) {
  const cache = await caches.open(cacheName);
  await cache.put(url, response);
  await withIndex((index) => {
    if (slug) {
      const entry = index.articles[slug] || (index.articles[slug] = { title: slug, urls: [] });
      entry.at = Date.now();
      if (!entry.urls.includes(url)) entry.urls.push(url);
    } else {
      index.loose = index.loose.filter((u) => u !== url).concat(url);
    }
  });
}

/** An article's title for the saved list, and, with `withPage`, its page
 *  (when no navigation brought it: the reader came to it inside the app). */
async function saveArticle(slug, response, withPage = true) {
  let title = slug;
  try {
    const article = await response.json();
    if (typeof article.title === "string") title = article.title;
  } catch (e) {}
  await withIndex((index) => {
    const entry = index.articles[slug] || (index.articles[slug] = { title, urls: [], at: Date.now() });
    entry.title = title;
  });
  if (!withPage) return;
  const pageUrl = new URL("/article/" + slug, location.href).href;
  const pages = await caches.open(PAGES_CACHE);
  if (await pages.match(pageUrl)) return;
  try {
    const page = await fetch(pageUrl, { credentials: "same-origin" });
    if (page.ok) await keep(PAGES_CACHE, pageUrl, page, slug);
  } catch (e) {}
}

/**
 * Keeps the page at `url`, the API responses it carries inline (a rendered
 * page: the app will not ask for them) and, when the page came before this
 * worker (no `page` given: fetched here), its images and comments too.
 */
async function savePage(url, page) {
  const path = new URL(url).pathname;
  if (path === "/moderation" || path.startsWith("/desk/")) return;
  const slug = articleOfPage(path);
  const before = !page;
  try {
    if (before) {
      page = await fetch(url, { credentials: "same-origin" });
      if (!page.ok) return;
      await keep(PAGES_CACHE, url, page.clone(), slug);
    }
    const html = await page.text();
    const inline = new Set();
    for (const [, apiPath, json] of html.matchAll(INLINE_DATA)) {
      const match = ARTICLE_DATA.exec(apiPath);
      const owner = match ? match[1] : null;
      const response = () => new Response(json, { headers: { "Content-Type": "application/json" } });
      if (owner && apiPath === "articles/" + owner + ".json") {
        await saveArticle(owner, response(), path !== "/article/" + owner);
      }
      await keep(DATA_CACHE, API + apiPath, response(), owner);
      inline.add(apiPath);
    }
    if (!before) return;
    const files = [];
    for (const match of html.matchAll(/<img\b[^>]*\ssrc="([^"]+)"/g)) {
      const src = new URL(match[1].replace(/&amp;/g, "&"), url);
      if (src.origin === location.origin && !files.includes(src.href)) files.push(src.href);
    }
    if (slug && !inline.has("articles/" + slug + "/comments.json")) {
      files.push(API + "articles/" + slug + "/comments.json");
    }
    for (const file of files) {
      const response = await fetch(file, { credentials: "same-origin" });
      if (response.ok) await keep(DATA_CACHE, file, response, slug);
    }
  } catch (e) {}
}

// One change of the index at a time (fetches run side by side).
let indexQueue = Promise.resolve();
function withIndex(change) {
  indexQueue = indexQueue.then(async () => {
    const cache = await caches.open(DATA_CACHE);
    const stored = await cache.match(INDEX_KEY);
    // No prototype: a slug such as "constructor" is an article like any other.
    const index = { articles: Object.create(null), loose: [] };
    try {
      const saved = stored ? await stored.json() : {};
      Object.assign(index.articles, saved.articles);
      if (Array.isArray(saved.loose)) index.loose = saved.loose;
    } catch (e) {}
    change(index);
    await evict(index, cache);
    await cache.put(INDEX_KEY, new Response(JSON.stringify(index), {
      headers: { "Content-Type": "application/json" },
    }));
  }).catch(() => {});
  return indexQueue;
}

/** Drops the articles opened longest ago beyond MAX_ARTICLES, and the
 *  oldest files of no article beyond MAX_LOOSE, with the files no kept
 *  article or loose entry still lists (one image can serve several). */
async function evict(index, data) {
  const slugs = Object.keys(index.articles).sort((a, b) => index.articles[b].at - index.articles[a].at);
  const dropped = [];
  for (const slug of slugs.slice(MAX_ARTICLES)) {
    dropped.push(...index.articles[slug].urls);
    delete index.articles[slug];
  }
  while (index.loose.length > MAX_LOOSE) dropped.push(index.loose.shift());
  if (!dropped.length) return;
  const kept = new Set(index.loose);
  for (const slug of Object.keys(index.articles)) for (const url of index.articles[slug].urls) kept.add(url);
  const pageCaches = (await caches.keys()).filter((name) => name.startsWith("gazette-pages-"));
  for (const url of dropped) {
    if (kept.has(url)) continue;
    await data.delete(url);
    for (const name of pageCaches) await (await caches.open(name)).delete(url);
  }
}

/** The saved articles, last opened first, for the app's offline page. */
async function savedList() {
  let articles = [];
  await withIndex((index) => {
    articles = Object.entries(index.articles)
      .filter(([slug, entry]) => entry.urls.includes(API + "articles/" + slug + ".json"))
      .sort(([, a], [, b]) => b.at - a.at)
      .map(([slug, entry]) => ({ href: "/article/" + slug, title: entry.title }));
  });
  return new Response(JSON.stringify({ articles }), {
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
