import { test, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { ready } from "../support";

async function expectNoAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("the home page renders in Dutch", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await expect(page.locator(".app-header")).toContainText("Buddywerking Mechelen");
  await expect(page.getByTestId("today")).toContainText(/Vandaag is het \w+dag \d+ \w+ \d{4}\./);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" })).toBeVisible();
  await expect(page).toHaveTitle("Welkom bij Klik · Klik");
});

test("switching to English works and is remembered", async ({ page }) => {
  await page.goto("/privacy");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await ready(page);
  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("We never ask for a diagnosis.", { exact: false })).toBeVisible();
  await expect(page).toHaveURL(/\/privacy/);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome to Klik");
  await expect(page.getByRole("navigation", { name: "Main menu" })).toBeVisible();
  // And back to Dutch.
  await page.getByRole("button", { name: "Schakel over naar Nederlands" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
});

test("an unknown address gets the 404 page with status 404", async ({ page }) => {
  const response = await page.goto("/dit/bestaat/niet");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pagina niet gevonden");
  await page.getByRole("link", { name: "Terug naar start" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
});

test("navigation reaches every page", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  await nav.getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  await expect(nav.getByRole("link", { name: "Privacy" })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: "Start" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
});

// axe runs as a script inside the page, so it needs JavaScript; the HTML it scans is the same
// server-rendered HTML that the JavaScript-off project gets.
test("the pages pass an accessibility scan @js", async ({ page }) => {
  await page.goto("/");
  await expectNoAccessibilityViolations(page);
  await page.goto("/bestaat-niet");
  await expectNoAccessibilityViolations(page);
});

test("the keyboard reaches the content first", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Naar de inhoud" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
});

test("the page hydrates without console errors @js", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/");
  await expect(page.locator("body")).toHaveAttribute("data-hydrated", "true");
  // A client-side navigation proves the router took over.
  await page.getByRole("navigation").getByRole("link", { name: "Privacy" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy");
  expect(errors).toEqual([]);
});
