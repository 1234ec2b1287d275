// A participant's rights, as a coordinator uses them: all their data on request (the page,
// and the file the test parses; a buddy's and a user's too), then, once the record is closed, erasure after a preview of
// what goes and what stays; the record is anonymised and its trail says who did what. The
// erasure page refuses an open record and says why. The admin reads the registers (record
// of processing, who can read health data) and downloads them. Desktop, phone and without
// JavaScript.

import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ADMIN, GUARD_URL, fillProfile, guardAccount, ready, signIn } from "../support";

const javaScript = () => test.info().project.use.javaScriptEnabled !== false;

async function axe(page: Page) {
  if (!javaScript()) return;
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a coordinator hands out a participant's data, then erases the closed record", async ({ page }) => {
  const last = `Wisbaar${test.info().project.name}${Date.now()}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/participants/new");
  await ready(page);
  await fillProfile(page, "Roos", last);
  await page.getByRole("checkbox", { name: "Toestemming voor matching en opvolging (nodig)" }).check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(/\/participants\/\d+$/);
  const record = new URL(page.url()).pathname;
  const id = record.split("/").pop();

  // The data on request: the page says it in words, the file holds the same.
  await page.getByRole("link", { name: "Alle gegevens opvragen" }).click();
  await expect(page).toHaveURL(`${record}/data`);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alle gegevens van deze persoon");
  await expect(page.getByText(`Roos ${last}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Toestemming" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wie las of wijzigde dit dossier" })).toBeVisible();
  await axe(page);
  const file = await page.request.get(`${record}/data.json`);
  expect(file.ok()).toBeTruthy();
  expect(file.headers()["content-disposition"]).toContain(`klik-deelnemer-${id}.json`);
  const data = await file.json();
  expect(data.profile.first_name).toBe("Roos");
  expect(data.profile.last_name).toBe(last);
  expect(data.status).toBe("waiting");
  expect(data.trail.some((e: { action: string }) => e.action === "export")).toBeTruthy();

  // An open record cannot be erased: the page says why and offers no button.
  await page.goto(`${record}/erase`);
  await ready(page);
  await expect(page.getByRole("status").filter({ hasText: "Het dossier is nog open" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Definitief wissen" })).toHaveCount(0);

  // Closed, then erased after the preview; a missing reason and tick are said at their place.
  await page.goto(record);
  await ready(page);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Afgesloten" });
  await page.getByRole("button", { name: "Status wijzigen" }).click();
  // Closing asks why (for the waiting-list report): said at the field, nothing changed.
  await expect(page.locator("#status-reason-error")).toHaveText("Dit veld is verplicht.");
  await expect(page.getByRole("link", { name: "Gegevens wissen…" })).toHaveCount(0);
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Afgesloten" });
  await page.getByLabel("Reden van afsluiten").selectOption({ label: "Wil geen buddy meer" });
  await page.getByRole("button", { name: "Status wijzigen" }).click();
  await expect(page.getByRole("link", { name: "Gegevens wissen…" })).toBeVisible();
  await expect(page.locator(".timeline").getByText("Wil geen buddy meer")).toBeVisible();
  await page.getByRole("link", { name: "Gegevens wissen…" }).click();
  await expect(page).toHaveURL(`${record}/erase`);
  await ready(page);
  await expect(page.getByRole("heading", { name: "Wat verdwijnt" })).toBeVisible();
  await expect(page.getByText("Voornaam en achternaam (vervangen door een schuilnaam)")).toBeVisible();
  await expect(page.getByText("Gender, gemeente en geboortejaar")).toBeVisible();
  await axe(page);
  await page.getByRole("button", { name: "Definitief wissen" }).click();
  await expect(page.getByText("Dit veld is verplicht.").first()).toBeVisible();
  await page.getByLabel("Waarom wis je dit dossier?").selectOption({ label: "De persoon vroeg het" });
  await page.getByRole("checkbox", { name: /Ik heb nagekeken wat verdwijnt/ }).check();
  await page.getByRole("button", { name: "Definitief wissen" }).click();

  await expect(page).toHaveURL(record);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Anoniem [A-Z2-9]{6}/);
  await expect(page.getByRole("status").filter({ hasText: "Dit dossier is gewist op" })).toBeVisible();
  await expect(page.getByText(last)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Bewerken" })).toHaveCount(0);
  const trail = page.getByRole("region", { name: "Wie las of wijzigde dit dossier" });
  await expect(trail.getByRole("cell", { name: "Gewist" })).toBeVisible();
  await axe(page);

  // Erasing again is refused, in words.
  await page.goto(`${record}/erase`);
  await ready(page);
  await expect(page.getByRole("status").filter({ hasText: "Dit dossier is al gewist." })).toBeVisible();
  const after = await (await page.request.get(`${record}/data.json`)).json();
  expect(JSON.stringify(after)).not.toContain(last);
});

test("a buddy's and a user's data on request", async ({ page }) => {
  // On the demo programme's server: a buddy who signs in and has had duos.
  const { email, password } = guardAccount("coordinator");
  await page.goto(`${GUARD_URL}/login`);
  await ready(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await expect(page).toHaveURL(`${GUARD_URL}/`);
  await page.goto(`${GUARD_URL}/buddies`);
  await ready(page);
  await page.locator('main table a[href^="/buddies/"]').first().click();
  await expect(page).toHaveURL(/\/buddies\/\d+$/);
  const record = new URL(page.url()).pathname;
  const id = record.split("/").pop();
  await ready(page);
  const name = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  await page.getByRole("link", { name: "Alle gegevens opvragen" }).click();
  await expect(page).toHaveURL(`${GUARD_URL}${record}/data`);
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alle gegevens van deze persoon");
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Aanmelding als vrijwilliger" })).toBeVisible();
  await expect(page.getByText("De notities van de coördinator bij de evaluaties")).toBeVisible();
  await axe(page);
  const file = await page.request.get(`${GUARD_URL}${record}/data.json`);
  expect(file.ok()).toBeTruthy();
  expect(file.headers()["content-disposition"]).toContain(`klik-buddy-${id}.json`);
  const data = await file.json();
  expect(`${data.record.application.profile.first_name} ${data.record.application.profile.last_name}`).toBe(name);
  expect(data.trail.some((e: { action: string }) => e.action === "export")).toBeTruthy();
  expect(JSON.stringify(data)).not.toMatch(/argon2|password_hash|totp_secret/);

  // A user's account: from the user list of the main server, for the admin.
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/admin/users");
  await ready(page);
  await page.getByRole("link", { name: `Alle gegevens opvragen: ${ADMIN.name}` }).click();
  await expect(page).toHaveURL(/\/admin\/users\/\d+\/data$/);
  await ready(page);
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Wat deze gebruiker deed in Klik" })).toBeVisible();
  await expect(page.getByText("Wachtwoord, tweestapsgeheim, herstelcodes en sessiesleutels worden nooit getoond")).toBeVisible();
  await axe(page);
  const mine = await (await page.request.get(`${new URL(page.url()).pathname}.json`)).json();
  expect(mine.account.account.email).toBe(ADMIN.email);
  expect(mine.actions.some((e: { action: string }) => e.action === "export")).toBeTruthy();
});

test("an admin reads the registers and the retention page", async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/admin/registers");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registers gegevensbescherming");
  await expect(page.getByRole("heading", { name: "Register van de verwerkingen" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Deelnemers", exact: true })).toBeVisible();
  await expect(page.getByText("anoniem gemaakt 24 maanden na het afsluiten").first()).toBeVisible();
  const access = page.getByRole("region", { name: "Wie gezondheidsgegevens kan inzien" });
  await expect(access.getByRole("cell", { name: ADMIN.email })).toBeVisible();
  await axe(page);
  const file = await page.request.get("/admin/registers.json");
  expect(file.ok()).toBeTruthy();
  const registers = await file.json();
  expect(registers.health_roles).toEqual(["admin", "coordinator"]);
  expect(registers.access.some((a: { email: string }) => a.email === ADMIN.email)).toBeTruthy();

  await page.goto("/retention");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bewaartermijnen");
  await expect(page.getByRole("heading", { name: "Wat de nachtelijke taak deed" })).toBeVisible();
  await axe(page);
});
