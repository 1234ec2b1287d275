// A buddy on an old phone on a slow network taps before the WebAssembly took over: the form
// posts as plain HTML, the server handles it, and the answer arrives exactly once. On the
// stones server (demo programme), phone project only (see playwright.config.ts).

import { type Browser, type Page, expect, test } from "@playwright/test";
import { STONES_URL, signInDemo } from "../support";

const signIn = (page: Page, role: string) => signInDemo(page, STONES_URL, "stones", role);

/** How often `place` appears among the duo's activities, as the coordinator sees them. */
async function timesPlanned(browser: Browser, duo: string, place: string): Promise<number> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "coordinator");
  await page.goto(`${STONES_URL}/duos/${duo}`);
  const n = await page.getByText(place).count();
  await context.close();
  return n;
}

/** Slow 4G and a 4× slower processor, as Lighthouse's mobile profile; the WebAssembly held
 * back until `release()`, so that what happens surely falls before hydration. */
async function slowPhone(page: Page): Promise<() => void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/pkg\/.*\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test("the same plan sent twice before hydration is made once", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "buddy");
  const href = (await page
    .locator("section.buddy-duo")
    .first()
    .getByRole("link", { name: "Plan een activiteit" })
    .getAttribute("href"))!;
  const duo = href.split("/")[3];
  const release = await slowPhone(page);
  await page.goto(`${STONES_URL}${href}`, { waitUntil: "domcontentloaded" });
  const place = `Twee keer verstuurd ${Date.now()}`;
  await page.getByLabel("Wandeling").check();
  await page.getByLabel("Waar spreken jullie af?").fill(place);
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  // What the form sends, as the browser would send it again (a second tap that got through,
  // a retry after the connection dropped).
  const form = page.locator("form", { has: page.getByRole("button", { name: "Plannen" }) });
  const action = (await form.getAttribute("action"))!;
  const fields: [string, string][] = await form.evaluate((f) =>
    [...new FormData(f as HTMLFormElement)].map(([k, v]) => [k, String(v)]),
  );
  await page.getByRole("button", { name: "Plannen" }).click();
  await page.waitForURL(`${STONES_URL}/`, { waitUntil: "domcontentloaded" });
  const again = await page.request.post(`${STONES_URL}${action}`, {
    form: Object.fromEntries(fields),
    headers: { Origin: STONES_URL, Accept: "text/html" },
    maxRedirects: 0,
  });
  expect(again.status(), await again.text()).toBeLessThan(400);
  release();
  await page.locator("body[data-hydrated=true]").waitFor({ timeout: 90_000 });
  expect(await timesPlanned(browser, duo, place)).toBe(1);
});

test("a tap before hydration on a slow network is handled once", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signIn(page, "buddy");
  const plan = page.locator("section.buddy-duo").first().getByRole("link", {
    name: "Plan een activiteit",
  });
  const href = (await plan.getAttribute("href"))!;
  const duo = href.split("/")[3];

  const release = await slowPhone(page);

  const started = Date.now();
  await page.goto(`${STONES_URL}${href}`, { waitUntil: "domcontentloaded" });
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  const place = `Vóór-hydratatie ${Date.now()}`;
  await page.getByLabel("Wandeling").check();
  await page.getByLabel("Waar spreken jullie af?").fill(place);
  await expect(page.locator("body")).not.toHaveAttribute("data-hydrated", "true");
  await page.getByRole("button", { name: "Plannen" }).click();
  // The server answered the plain form post: back home.
  await page.waitForURL(`${STONES_URL}/`, { waitUntil: "domcontentloaded" });
  release();
  await page.locator("body[data-hydrated=true]").waitFor({ timeout: 90_000 });
  const interactive = Date.now() - started;
  console.log(`slow 4G, 4x CPU: plan page to hydrated home in ${interactive} ms (wasm held until the tap)`);
  await page.unroute(/\/pkg\/.*\.wasm$/);

  // Exactly once, also after the WebAssembly took over.
  await page.waitForTimeout(1_000);
  expect(await timesPlanned(browser, duo, place)).toBe(1);
});
