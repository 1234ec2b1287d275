// A care worker registers a candidate participant on the public page (desktop, phone and
// without JavaScript); a refused form keeps what was typed; the coordinator finds the
// intake to plan on the home page and plans it.

import { expect, test } from "@playwright/test";
import { ADMIN, ready, signIn } from "../support";

const project = () => test.info().project.name;

/** A last name no other test, project or run uses (letters only, as names are). */
function uniqueName(): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  let tail = "";
  while (n > 0) {
    tail += letters[n % 26];
    n = Math.floor(n / 26);
  }
  return `Aanmelding${project().replace(/[^a-z]/g, "")}${tail}`;
}

test("a care worker registers someone and the coordinator plans the intake", async ({ page }) => {
  const last = uniqueName();
  await page.goto("/register");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aanmelden als deelnemer");
  await page.getByLabel("Ik ben hulpverlener en meld iemand aan").check();
  await page.getByLabel("Voornaam").fill("Nina");
  await page.getByLabel("Familienaam").fill(last);
  await page.getByLabel("Woonplaats").selectOption({ label: "Mechelen" });
  await page.getByLabel("Organisatie van de hulpverlener").selectOption({ index: 1 });
  await page.getByLabel("Naam van de hulpverlener").fill("Karel Zorg");
  await page.getByLabel("E-mail van de hulpverlener").fill("karel@cgg.example");
  await page.getByLabel("Ik las hoe de gegevens gebruikt worden").check();
  // Forgotten: the person's agreement. Refused at its field; what was typed stays.
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  const agreed = page.getByLabel(/gaat akkoord met deze aanmelding/);
  await expect(agreed).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Dit veld is verplicht.")).toBeVisible();
  await expect(page.getByLabel("Familienaam")).toHaveValue(last);
  await expect(page).not.toHaveURL(new RegExp(last));
  await agreed.check();
  if (test.info().project.use.javaScriptEnabled === false) {
    // The page came back from the server: the other answers are kept there too.
    await expect(page.getByLabel("Naam van de hulpverlener")).toHaveValue("Karel Zorg");
  }
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await expect(page.getByRole("heading", { name: "Bedankt voor je aanmelding" })).toBeVisible();
  await expect(page).toHaveURL(/\/register\/thanks$/);

  await signIn(page, ADMIN.email, ADMIN.password);
  const task = page.getByTestId("open-registrations").locator("li", { hasText: last });
  await expect(task).toContainText("intake plannen vóór");
  await task.getByRole("link", { name: `Nina ${last}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Nina ${last}`);
  await expect(page.getByText("Karel Zorg")).toBeVisible();
  await ready(page);
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Gepland op").fill(day);
  await page.getByRole("button", { name: "Plannen" }).click();
  const [y, m, d] = day.split("-");
  await expect(page.getByText(`intake gepland op ${d}/${m}/${y}`)).toBeVisible();
});
