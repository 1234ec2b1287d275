// A coordinator of the demo programme refers a waiting participant to a suggested stepping
// stone, prints the take-home sheet (the print stylesheet leaves only the sheet), and when
// the test clock has moved three weeks the follow-up shows on the home page; its outcome
// then shows in the catalogue's figures. On a server of its own (see playwright.config.ts),
// desktop project only: one clock, one story.

import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { STONES_URL } from "../support";

function account(role: string): { email: string; password: string } {
  const file = path.join(__dirname, "..", ".tmp", "stones-accounts.txt");
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const [r, email, password] = line.trim().split(/\s+/);
    if (r === role) return { email, password };
  }
  throw new Error(`no ${role} account in ${file}`);
}

async function ready(page: Page) {
  await page.locator("body[data-hydrated=true]").waitFor();
}

async function signIn(page: Page) {
  const { email, password } = account("coordinator");
  await page.goto(`${STONES_URL}/login`);
  await ready(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${STONES_URL}/`);
}

test("a referral is printed, falls due when the clock moves, and is followed up", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Opstapjes opvolgen" })).toBeVisible();
  await expect(page.getByText("Geen opstapjes op te volgen.")).toBeVisible();

  // The first waiting participant with a suggestion.
  await page.goto(`${STONES_URL}/waiting`);
  const links = await page.locator('a[href^="/participants/"]').evaluateAll((as) =>
    as.map((a) => a.getAttribute("href")!).filter((h) => /^\/participants\/\d+$/.test(h)),
  );
  let name = "";
  let stone = "";
  for (const href of links) {
    await page.goto(`${STONES_URL}${href}`);
    await ready(page);
    const first = page.getByTestId("stone-suggestions").locator("li").first();
    if ((await first.count()) === 0) continue;
    name = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    stone = (await first.locator("strong").innerText()).trim();
    await first.getByLabel("Hoe?").selectOption({ label: "iemand gaat de eerste keer mee" });
    await first.getByRole("button", { name: `Doorverwijzen: ${stone}` }).click();
    break;
  }
  expect(stone, "a waiting participant with a suggestion").not.toBe("");
  const referral = page.getByTestId("referrals").locator("li", { hasText: stone });
  await expect(referral).toContainText("iemand gaat de eerste keer mee");
  await expect(referral).toContainText("opvolgen vanaf");

  // The take-home sheet: on paper only the sheet, with the first name and nothing else.
  await page.getByRole("link", { name: "Blad om mee te geven" }).click();
  const [first, ...rest] = name.split(" ");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Jouw opstapjes, ${first}`);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-nav")).toBeHidden();
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken" })).toBeHidden();
  const sheet = page.getByTestId("sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText(stone);
  await expect(sheet).toContainText("Waar?");
  await expect(sheet).toContainText("Wat kost het?");
  const printed = await page.locator("body").innerText();
  expect(printed).not.toContain(rest.join(" "));
  await page.emulateMedia({ media: "screen" });

  // Three weeks on: due on the home page.
  const moved = await page.request.post(`${STONES_URL}/test/clock`, {
    form: { days: "21" },
    headers: { Origin: STONES_URL },
  });
  expect(moved.ok()).toBeTruthy();
  // Three weeks on, the session has ended: sign in again.
  await signIn(page);
  const due = page.getByTestId("due-follow-ups").locator("li", { hasText: name });
  await expect(due).toContainText(stone);
  await due.getByRole("link", { name }).click();
  await ready(page);

  // Did not go, the reason forgotten: refused at its field; then with the reason.
  const item = page.getByTestId("referrals").locator("li", { hasText: stone });
  await item.locator("summary").click();
  await item.getByLabel("niet gegaan").check();
  await item.getByRole("button", { name: "Opvolging bewaren" }).click();
  const reason = item.getByLabel("Waarom niet?");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await reason.selectOption({ label: "te ver" });
  await item.getByRole("button", { name: "Opvolging bewaren" }).click();
  await expect(item).toContainText("niet gegaan te ver");
  await page.goto(`${STONES_URL}/`);
  await expect(page.getByText("Geen opstapjes op te volgen.")).toBeVisible();

  // The catalogue's figures count it.
  await page.goto(`${STONES_URL}/stones`);
  const figures = page.getByTestId("stone-figures");
  await expect(figures.locator("tbody tr")).toHaveCount(1);
  await expect(figures.locator("tbody tr td").first()).toHaveText("1");
  await expect(figures).toContainText("te ver: 1");
  const card = page.getByTestId("stone-list").locator("li", { hasText: stone }).first();
  await expect(card).toContainText("1 keer doorverwezen, 0 keer gegaan, 0 gaan nog");
});
