// Playwright's `test` with a `page` that waits, after each navigation that
// loads a document, until the app has taken over the prerendered page (see
// crates/prerender): a test then acts on the app's elements, never on the
// prerendered ones the app is about to replace. Pages without JavaScript
// are left as they are.
import { test as base, expect } from "@playwright/test";

export { expect };

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      for (const name of ["goto", "reload"]) {
        const navigate = page[name].bind(page);
        page[name] = async (...args) => {
          const response = await navigate(...args);
          await appStarted(page);
          return response;
        };
      }
    }
    await use(page);
  },
});

/** Waits until no prerendered markup is left (the app has started over it). */
export async function appStarted(page) {
  await page.waitForFunction(() => !document.querySelector("[data-prerendered]"));
}
