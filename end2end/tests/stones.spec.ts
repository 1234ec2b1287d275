// The stepping-stone catalogue: a coordinator adds a stepping stone (a refused form keeps what
// was typed), finds it among the suggestions on a waiting participant's record, refers and
// records how it went, and an admin hides it, after which it is suggested no more (desktop,
// phone and without JavaScript).

import { expect, test, type Page } from "@playwright/test";
import { ADMIN, ready, signIn } from "../support";

const project = () => test.info().project.name;

/** A title no other test, project or run uses. */
function uniqueTitle(): string {
  const tail = `${Date.now()}${Math.floor(Math.random() * 1000)}`;
  return `Wandelen met de groep ${project()} ${tail}`;
}

/** Calls a server function with the signed-in page's cookies, as the browser's fetch does. */
async function call(page: Page, name: string, form: [string, string][]) {
  const res = await page.request.post(`/api/${name}`, {
    data: new URLSearchParams(form).toString(),
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

test("a coordinator adds a stepping stone, finds it for a participant, an admin hides it", async ({
  page,
}) => {
  const title = uniqueTitle();
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page).toHaveURL(/\/$/);
  // A participant who likes walking (interest 1) and is free on Saturday afternoon (slot 16).
  const participant: number = await call(page, "create_participant", [
    ["form[profile][first_name]", "Wanda"],
    ["form[profile][last_name]", "Opstap"],
    ["form[profile][birth_date]", "1980-02-03"],
    ["form[profile][gender]", "woman"],
    ["form[profile][municipality_id]", "1"],
    ["form[profile][phone]", "015 11 22 33"],
    ["form[profile][preferred_contact]", "phone"],
    ["form[profile][interests][]", "1"],
    ["form[profile][availability][]", "16"],
    ["form[profile][max_travel_km]", "10"],
    ["form[consent_matching]", "true"],
  ]);

  await page.goto("/stones");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opstapjes");
  await page.getByRole("link", { name: "Nieuw opstapje" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nieuw opstapje");
  await ready(page);
  await page.getByLabel("Titel").fill(title);
  await page.getByLabel("Aanbieder").fill("Wandelclub De Stap");
  await page.getByLabel("wandeling").check();
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ label: "Mechelen (2800)" });
  await page.getByLabel("zaterdagnamiddag").check();
  await page.getByLabel("Wandelen").check();
  await page.getByLabel("Betalend").check();
  await page.getByLabel("Prijs in euro").fill("-1");
  await page.getByRole("button", { name: "Opslaan" }).click();
  // Refused at its field; what was typed stays.
  await expect(page.getByLabel("Prijs in euro")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Titel")).toHaveValue(title);
  await expect(page.getByLabel("zaterdagnamiddag")).toBeChecked();
  await ready(page);
  await page.getByLabel("Gratis").check();
  await page.getByLabel("Prijs in euro").fill("");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await expect(page).toHaveURL(/\/stones$/);
  const card = page.getByTestId("stone-list").locator("li", { hasText: title });
  await expect(card).toContainText("Wandelclub De Stap");
  await expect(card).toContainText("zaterdagnamiddag");

  // On the participant's record: suggested, with why.
  await page.goto(`/participants/${participant}`);
  const fits = page.getByTestId("stone-suggestions").locator("li", { hasText: title });
  await expect(fits).toContainText("gedeelde interesse: Wandelen");
  await expect(fits).toContainText("zaterdagnamiddag");

  // Refer, and record how it went (plain forms: also without JavaScript).
  await ready(page);
  await fits.getByRole("button", { name: `Doorverwijzen: ${title}` }).click();
  const referral = page.getByTestId("referrals").locator("li", { hasText: title });
  await expect(referral).toContainText("verteld in een gesprek");
  await ready(page);
  await referral.locator("summary").click();
  await referral.getByLabel("gegaan en gaat nog").check();
  await referral.getByRole("button", { name: "Opvolging bewaren" }).click();
  await expect(referral).toContainText("gegaan en gaat nog");
  await expect(referral).toContainText("opgevolgd op");

  // The admin hides it: kept in the catalogue, marked, and suggested no more.
  await page.goto("/stones");
  await ready(page);
  await card.getByRole("button", { name: "Verbergen" }).click();
  await expect(card).toContainText("verborgen");
  await page.goto(`/participants/${participant}`);
  await expect(page.getByRole("heading", { name: "Opstapjes die passen" })).toBeVisible();
  await expect(page.locator(".stone-fits").getByText(title)).toHaveCount(0);
  await expect(page.getByTestId("referrals")).toContainText(title);
});
