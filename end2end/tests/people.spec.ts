import { test, expect } from "@playwright/test";
import { ADMIN, fillProfile, ready, signIn } from "../support";

const javaScript = () => test.info().project.use.javaScriptEnabled !== false;

test("a coordinator records an intake; a missing consent is said at its place", async ({ page }) => {
  const last = `Intake${test.info().project.name}${Date.now()}`;
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Deelnemers" })).toBeVisible();
  await page.goto("/participants/new");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Intake van een deelnemer");
  await fillProfile(page, "Mira", last);
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByText("Dit veld is verplicht.").first()).toBeVisible();
  // Nothing typed is lost, with or without JavaScript.
  await expect(page.getByLabel("Familienaam", { exact: true })).toHaveValue(last);
  await expect(page.getByRole("checkbox", { name: "Wandelen" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "zaterdagnamiddag" })).toBeChecked();
  await expect(page.getByLabel("Woonplaats", { exact: true })).toHaveValue("1");
  await page.getByRole("checkbox", { name: "Toestemming voor matching en opvolging (nodig)" }).check();
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(/\/participants\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Mira ${last}`);
  await expect(page.getByText("Wandelen, Film")).toBeVisible();

  // The list finds her by municipality and sorts the longest waiting first.
  await page.goto("/participants?municipality=1&sort=newest");
  await expect(page.getByRole("link", { name: `Mira ${last}` })).toBeVisible();

  // Two edits of the same record: the later save says so and keeps what was typed.
  await page.getByRole("link", { name: `Mira ${last}` }).click();
  await expect(page).toHaveURL(/\/participants\/\d+$/);
  const edit = page.url() + "/edit";
  const other = await page.context().newPage();
  await other.goto(edit);
  await ready(other);
  await page.goto(edit);
  await ready(page);
  await other.getByLabel("Voornaam", { exact: true }).fill("Mirella");
  await other.getByRole("button", { name: "Opslaan" }).click();
  await expect(other).toHaveURL(/\/participants\/\d+$/);
  await page.getByLabel("Voornaam", { exact: true }).fill("Mirabel");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page.getByRole("alert")).toContainText("intussen gewijzigd");
  await expect(page.getByLabel("Voornaam", { exact: true })).toHaveValue("Mirabel");
});

test("a volunteer applies to become a buddy", async ({ page }) => {
  await page.goto("/become-a-buddy");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Word buddy");
  await fillProfile(page, "Koen", `Kandidaat${Date.now()}`);
  await page.getByLabel("Motivatie", { exact: true }).fill("Ik wandel graag en heb tijd op zaterdag.");
  await page.getByRole("button", { name: "Kandidatuur versturen" }).click();
  // The privacy notice must be read first.
  await expect(page.getByText("Dit veld is verplicht.").first()).toBeVisible();
  await expect(page.getByLabel("Motivatie", { exact: true })).toHaveValue("Ik wandel graag en heb tijd op zaterdag.");
  await expect(page.getByRole("checkbox", { name: "Film" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Ik las hoe mijn gegevens gebruikt worden" }).check();
  await page.getByRole("button", { name: "Kandidatuur versturen" }).click();
  await expect(page).toHaveURL(/\/become-a-buddy\/thanks$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bedankt!");
});
