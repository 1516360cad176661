// End-to-end tests against the release build in dist/, in Debian's Chromium,
// on a desktop and a phone viewport. The read side runs on Debian's nginx
// with the repo's server block (deploy/nginx/gazette.conf).
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 4173);
const chromium = {
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
    "--disable-dev-shm-usage",
  ],
};

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: chromium,
    trace: "off",
    // The service worker answers a page's requests once it controls it,
    // and page.route() does not see what it answers: the suite mocks
    // failures with page.route(), so the worker is on only in the specs
    // of offline reading (offline.spec.js), where it is what is tested.
    serviceWorkers: "block",
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined } },
  ],
  webServer: {
    command: `scripts/serve-nginx.sh dist ${port}`,
    url: `http://127.0.0.1:${port}/api/site.json`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
