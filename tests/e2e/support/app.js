// Playwright's `test` with a `page` that waits, after each navigation that
// loads a document, until the app has taken over the prerendered page (see
// crates/prerender): a test then acts on the app's elements, never on the
// prerendered ones the app is about to replace. Pages without JavaScript
// are left as they are. Every page of every test counts the
// Content-Security-Policy violations it reports: a test fails with any
// (`cspViolations` lets the one test that provokes them read them).
import { test as base, expect } from "@playwright/test";

export { expect };

export const test = base.extend({
  cspViolations: async ({}, use) => {
    await use([]);
  },
  context: async ({ context, cspViolations }, use) => {
    await watchCsp(context, cspViolations);
    await use(context);
    expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
  },
  page: async ({ page, javaScriptEnabled }, use, testInfo) => {
    // What the page said, printed when a test fails: a panic in the .wasm
    // or a failed request then shows in the CI log (no trace is kept).
    const said = [];
    page.on("console", (m) => m.type() === "error" || m.type() === "warning" ? said.push(`console.${m.type()}: ${m.text()}`) : null);
    page.on("pageerror", (e) => said.push(`pageerror: ${e.message}`));
    page.on("requestfailed", (r) => said.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
    page.on("response", (r) => r.status() >= 400 && said.push(`response ${r.status()}: ${r.request().method()} ${r.url()}`));
    if (javaScriptEnabled !== false) waitForApp(page);
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && said.length) {
      console.error(`--- what the page said during "${testInfo.title}":\n${said.join("\n")}`);
    }
  },
});

/**
 * Makes `page.goto` and `page.reload` wait until the app has taken the page
 * over. The `page` fixture does it; a page a test opens itself
 * (`context.newPage()`) needs it too, or it acts on the prerendered markup
 * the app is about to replace (a click there is lost).
 */
export function waitForApp(page) {
  for (const name of ["goto", "reload"]) {
    const navigate = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await navigate(...args);
      await appStarted(page);
      return response;
    };
  }
  return page;
}

/** Waits until no prerendered markup is left (the app has started over it). */
async function appStarted(page) {
  await page.waitForFunction(() => !document.querySelector("[data-prerendered]"));
}

/**
 * Collects into `violations` every `securitypolicyviolation` any page of
 * `context` reports, from its first script on. A context a test makes
 * itself (`browser.newContext()`) needs it too.
 */
export async function watchCsp(context, violations) {
  await context.exposeBinding("__gazetteCspViolation", (_source, violation) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__gazetteCspViolation({
        page: document.URL,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
}
