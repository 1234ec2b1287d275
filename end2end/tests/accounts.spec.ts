import { test, expect } from "@playwright/test";
import { ADMIN, signIn } from "../support";

test("an admin signs in and out", async ({ page }) => {
  await signIn(page, ADMIN.email, "niet het goede wachtwoord");
  await expect(page.getByRole("alert")).toHaveText("Dit e-mailadres en wachtwoord passen niet bij elkaar.");

  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(nav.getByRole("link", { name: "Gebruikers" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Auditlog" })).toBeVisible();

  await nav.getByRole("link", { name: "Auditlog" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Auditlog");
  await expect(page.getByRole("cell", { name: "Aangemeld" }).first()).toBeVisible();

  await page.getByRole("button", { name: "Afmelden" }).click();
  await expect(page).toHaveURL(/\/login$/);
  // Signed out: the admin pages send you to sign in.
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login$/);
});

test("the user list shows the accounts", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gebruikers");
  await expect(page.getByRole("cell", { name: ADMIN.email })).toBeVisible();
});

test("signed-out visitors are sent to sign in", async ({ page }) => {
  for (const path of ["/account", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelden bij Klik");
  }
});
