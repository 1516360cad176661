import { test } from "@playwright/test";
test("explore", async ({ page }) => {
  for (const url of ["/article/coastal-cities-water-forum", "/article/accord-peche-mediterranee/comments", "/article/marche-central-renovation/comments/c999", "/section/maroc"]) {
    await page.goto(url);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    await page.waitForTimeout(1000);
    console.log("=== " + url + " title=" + (await page.title()));
    const s = await page.getByRole("main").ariaSnapshot();
    console.log(s.slice(s.indexOf('region "Commentaires"') >= 0 ? s.indexOf('region "Commentaires"') : 0).slice(0, 3000));
  }
});
