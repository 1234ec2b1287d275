import { defineConfig, devices } from "@playwright/test";
import * as path from "node:path";
import {
  ADMIN,
  BASE_URL,
  BOARD_PORT,
  CLOCK_PORT,
  EVENTS_MAIL_DIR,
  EVENTS_PORT,
  EVENTS_SMTP_PORT,
  FRESH_PORT,
  GUARD_PORT,
  OFFLINE_PORT,
  PORT,
  STONES_PORT,
} from "./support";

// The server under test: the release binary that `make test` just built, on its own port
// and a fresh SQLite file, so a running `make run` on port 3000 is left alone.
const port = PORT;
const baseURL = BASE_URL;
const root = path.resolve(__dirname, "..");
const bin = process.env.KLIK_BIN ?? path.join(root, "target/release/klik");
const siteRoot = process.env.LEPTOS_SITE_ROOT ?? path.join(root, "target/site");
const run = Date.now();
const database = path.join(__dirname, ".tmp", `e2e-${run}.db`);
const freshPort = FRESH_PORT;
const freshDatabase = path.join(__dirname, ".tmp", `e2e-fresh-${run}.db`);
const clockDatabase = path.join(__dirname, ".tmp", `e2e-clock-${run}.db`);
const guardDatabase = path.join(__dirname, ".tmp", `e2e-guard-${run}.db`);
const boardDatabase = path.join(__dirname, ".tmp", `e2e-board-${run}.db`);
const stonesDatabase = path.join(__dirname, ".tmp", `e2e-stones-${run}.db`);
const eventsDatabase = path.join(__dirname, ".tmp", `e2e-events-${run}.db`);
const offlineDatabase = path.join(__dirname, ".tmp", `e2e-offline-${run}.db`);

const serverEnv = (db: string, listen: number) => ({
  DATABASE_URL: `sqlite://${db}`,
  KLIK_ADDR: `127.0.0.1:${listen}`,
  LEPTOS_SITE_ROOT: siteRoot,
  LEPTOS_ENV: "PROD",
  RUST_LOG: "warn",
});

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
    // The second server, for tests of the first start.
    locale: "nl-BE",
    timezoneId: "Europe/Brussels",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
      // The buddy's phone story moves a shared clock: the phone project tells it once.
      testIgnore: /buddy-phone|every-page|events-story/,
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
      // The first start can happen once per server: the desktop project does it.
      testIgnore: /first-start|every-page|stones-follow-up/,
    },
    {
      // Every page must also work as plain HTML forms and links.
      name: "nojs",
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions },
      grepInvert: /@js/,
      testIgnore: /first-start|buddy-phone|every-page|stones-follow-up|events-story/,
    },
    // The every-page guard, after the others: it loads every page many times with axe-core,
    // and beside the drag tests it would slow them past their timeouts.
    {
      name: "guard-desktop",
      use: { ...devices["Desktop Chrome"], launchOptions },
      testMatch: /every-page/,
      dependencies: ["desktop", "phone", "nojs"],
    },
    {
      name: "guard-phone",
      use: {
        viewport: { width: 360, height: 780 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        launchOptions,
      },
      testMatch: /every-page/,
      dependencies: ["desktop", "phone", "nojs"],
    },
  ],
  webServer: [
    {
      command: `mkdir -p .tmp && printf '%s\\n' '${ADMIN.password}' | "${bin}" create-admin --email ${ADMIN.email} --name '${ADMIN.name}' && exec "${bin}" serve`,
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: serverEnv(database, port),
    },
    {
      command: `mkdir -p .tmp && exec "${bin}" serve`,
      url: `http://127.0.0.1:${freshPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: serverEnv(freshDatabase, freshPort),
    },
    {
      // The demo programme; its accounts (random passwords) go to a file the test reads.
      command: `mkdir -p .tmp && "${bin}" demo > .tmp/clock-accounts.txt && exec "${bin}" serve`,
      url: `http://127.0.0.1:${CLOCK_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv(clockDatabase, CLOCK_PORT), KLIK_TEST_CLOCK: "1" },
    },
    {
      // The demo programme for the every-page guard (tests/every-page.spec.ts).
      command: `mkdir -p .tmp && rm -f .tmp/guard-ids.json && "${bin}" demo > .tmp/guard-accounts.txt && exec "${bin}" serve`,
      url: `http://127.0.0.1:${GUARD_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: serverEnv(guardDatabase, GUARD_PORT),
    },
    {
      // A programme with a long waiting list, for the board (tests/board-long-list.spec.ts).
      command: `mkdir -p .tmp && "${bin}" demo --participants 700 --buddy-scale 6 > .tmp/board-accounts.txt && exec "${bin}" serve`,
      url: `http://127.0.0.1:${BOARD_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: serverEnv(boardDatabase, BOARD_PORT),
    },
    {
      // The demo programme with a clock the stepping-stone follow-up story moves.
      command: `mkdir -p .tmp && "${bin}" demo > .tmp/stones-accounts.txt && exec "${bin}" serve`,
      url: `http://127.0.0.1:${STONES_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv(stonesDatabase, STONES_PORT), KLIK_TEST_CLOCK: "1" },
    },
    {
      // A real SMTP listener for the events server below.
      command: `rm -rf "${EVENTS_MAIL_DIR}" && exec node smtp-listener.mjs ${EVENTS_SMTP_PORT} "${EVENTS_MAIL_DIR}"`,
      port: EVENTS_SMTP_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The demo programme with its own clock and real mail: the events story (invitations by
      // mail, the answer link, the waiting list, the missed-intervision flag).
      command: `mkdir -p .tmp && "${bin}" demo > .tmp/events-accounts.txt && exec "${bin}" serve`,
      url: `http://127.0.0.1:${EVENTS_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv(eventsDatabase, EVENTS_PORT),
        KLIK_TEST_CLOCK: "1",
        KLIK_SMTP_URL: `smtp://127.0.0.1:${EVENTS_SMTP_PORT}`,
        KLIK_PUBLIC_URL: `http://127.0.0.1:${EVENTS_PORT}`,
        KLIK_JOB_INTERVAL_SECS: "1",
      },
    },
    {
      // The demo programme with its own clock: the buddy's phone without network.
      command: `mkdir -p .tmp && "${bin}" demo > .tmp/offline-accounts.txt && exec "${bin}" serve`,
      url: `http://127.0.0.1:${OFFLINE_PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { ...serverEnv(offlineDatabase, OFFLINE_PORT), KLIK_TEST_CLOCK: "1" },
    },
  ],
});
