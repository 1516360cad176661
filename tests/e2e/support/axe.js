// The axe-core audit the accessibility checks share: WCAG 2.2 AA rules, in
// the system's light and then dark scheme, on the page as it is.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";
import { backgroundLuminance } from "../support.js";

export const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** One line per failing element: rule, impact, target and axe's summary. */
export function describe(violations) {
  return violations
    .map((v) => [
      `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
      ...v.nodes.map((n) => `  at ${n.target.join(" ")}\n    ${(n.failureSummary ?? "").replace(/\n/g, "\n    ")}`),
    ].join("\n"))
    .join("\n");
}

/** Audits the page's current state in light and in dark; `label` names it in failures. */
export async function auditBothSchemes(page, label) {
  // Comments skip rendering off screen (content-visibility: auto), and
  // axe's geometric rules (target-size, color-contrast) would measure
  // their stale placeholder boxes; render everything as a reader who
  // scrolled there sees it.
  // (A constructed style sheet: the page's policy refuses inline styles.)
  await page.evaluate(() => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("* { content-visibility: visible !important; }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  for (const scheme of ["light", "dark"]) {
    const combo = `${label}, ${scheme}`;
    await page.emulateMedia({ colorScheme: scheme });
    if (scheme === "dark") await expect.poll(() => backgroundLuminance(page), `${combo}: dark background`).toBeLessThan(0.2);
    else await expect.poll(() => backgroundLuminance(page), `${combo}: light background`).toBeGreaterThan(0.6);
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect.soft(violations.map((v) => v.id), `${combo}:\n${describe(violations)}`).toEqual([]);
  }
}
