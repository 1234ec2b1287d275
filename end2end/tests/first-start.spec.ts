import { test, expect } from "@playwright/test";
import { FRESH_URL, ready } from "../support";

test("the first visit creates the first admin, once", async ({ page }) => {
  await page.goto(`${FRESH_URL}/`);
  await expect(page).toHaveURL(`${FRESH_URL}/setup`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Klik instellen");
  await ready(page);

  await page.getByLabel("Naam").fill("Eerste Beheerder");
  await page.getByLabel("E-mailadres").fill("eerste@example.be");
  // A common password is refused, at the field, in plain words.
  await page.getByLabel("Wachtwoord").fill("wachtwoord123");
  await page.getByRole("button", { name: "Beheerder aanmaken" }).click();
  await expect(page.getByText("Dit wachtwoord is te makkelijk te raden.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Wachtwoord")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Wachtwoord").fill("zeven groene kikkers op de Dijle");
  await page.getByRole("button", { name: "Beheerder aanmaken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await expect(page.locator(".app-header")).toContainText("Eerste Beheerder");

  // The setup page is gone for good.
  await page.goto(`${FRESH_URL}/setup`);
  await expect(page).toHaveURL(`${FRESH_URL}/`);
});
