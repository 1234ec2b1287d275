import { defineConfig, devices } from "@playwright/test";
import * as path from "node:path";

// The server under test: the release binary that `make test` just built, on its own port
// and a fresh SQLite file, so a running `make run` on port 3000 is left alone.
const port = Number(process.env.KLIK_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const root = path.resolve(__dirname, "..");
const bin = process.env.KLIK_BIN ?? path.join(root, "target/release/klik");
const siteRoot = process.env.LEPTOS_SITE_ROOT ?? path.join(root, "target/site");
const database = path.join(__dirname, ".tmp", `e2e-${Date.now()}.db`);

// Playwright cannot download its own browser here: use Debian's Chromium.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  workers: 2,
  reporter: [["list"]],
  use: {
    baseURL,
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "phone",
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
    },
    {
      // Every page must also work as plain HTML forms and links.
      name: "nojs",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions },
      grepInvert: /@js/,
    },
  ],
  webServer: {
    command: `mkdir -p .tmp && exec "${bin}" serve`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      DATABASE_URL: `sqlite://${database}`,
      KLIK_ADDR: `127.0.0.1:${port}`,
      LEPTOS_SITE_ROOT: siteRoot,
      LEPTOS_ENV: "PROD",
      RUST_LOG: "warn",
    },
  },
});
