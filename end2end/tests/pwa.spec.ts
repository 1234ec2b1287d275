import { test, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

// The installable app: manifest, icons, offline page and service worker.

test("the manifest is linked, valid and its icons load", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#1f5f5b");

  const response = await request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("manifest+json");
  const manifest = JSON.parse(await response.text());
  expect(manifest).toMatchObject({
    short_name: "Klik",
    start_url: "/",
    scope: "/",
    display: "standalone",
    lang: "nl",
    theme_color: "#1f5f5b",
    background_color: "#f7f5f0",
  });
  const pngs = manifest.icons.filter((i: { type: string }) => i.type === "image/png");
  const sizes = pngs.map((i: { sizes: string }) => i.sizes);
  expect(sizes).toContain("192x192");
  expect(sizes).toContain("512x512");
  expect(manifest.icons.some((i: { purpose?: string }) => i.purpose === "maskable")).toBe(true);
  expect(manifest.icons.some((i: { type: string }) => i.type === "image/svg+xml")).toBe(true);

  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  for (const icon of [...pngs, { src: touch, type: "image/png" }]) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"], icon.src).toBe(icon.type);
    // A real PNG, not an error page.
    expect((await file.body()).subarray(1, 4).toString(), icon.src).toBe("PNG");
  }
});

test("the offline page and the service worker are served as static files", async ({ request }) => {
  const offline = await request.get("/offline.html");
  expect(offline.status()).toBe(200);
  expect(await offline.text()).toContain("Je bent offline");
  const worker = await request.get("/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("javascript");
  const register = await request.get("/sw-register.js");
  expect(register.status()).toBe(200);
  expect(register.headers()["content-type"]).toContain("javascript");
});

test("the offline page passes an accessibility scan @js", async ({ page }) => {
  await page.goto("/offline.html");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je bent offline");
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test("without a network, a page shows the offline page @js", async ({ page, context }) => {
  await page.goto("/");
  // The worker installs (caching the offline page) and takes control of the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener("controllerchange", done, { once: true }),
      );
    }
  });
  await context.setOffline(true);
  try {
    await page.goto("/privacy");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je bent offline");
    await expect(page.getByRole("link", { name: "Probeer opnieuw" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  } finally {
    await context.setOffline(false);
  }
  // Back online, the real page again (pages are never taken from a cache).
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
});
