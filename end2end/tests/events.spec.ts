// Events, on the guard's server (the demo programme, whose buddy signs in and has a duo): a
// coordinator makes an intervision series with one place and invites every active buddy; the
// buddy says yes on a 360 px phone with one tap and gets the place; the coordinator ticks at
// the door, on the phone, that the buddy came; a campaign's code, typed on the application form,
// counts on the campaign's page. Desktop, phone and without JavaScript.

import { type Page, expect, test } from "@playwright/test";
import { GUARD_URL, fillProfile, guardAccount, ready } from "../support";

async function signIn(page: Page, role: string) {
  const { email, password } = guardAccount(role);
  await page.goto(`${GUARD_URL}/login`);
  await ready(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${GUARD_URL}/`);
  await ready(page);
}

/** A picture of the page for people to look at (not compared): test-results/screens/. */
async function picture(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/events-${test.info().project.name}-${name}.png`, fullPage: true });
}

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("an intervision series: invited, answered on the phone, ticked at the door", async ({ browser }) => {
  test.setTimeout(120_000);
  const project = test.info().project.name;
  const title = `Intervisie ${project} ${Date.now()}`;
  const year = new Date().getFullYear() + 1;
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  const context = async (width: number) =>
    browser.newContext({ viewport: { width, height: 800 }, javaScriptEnabled: javaScript, locale: "nl-BE" });

  // The coordinator, at a desk: a refused form first (the end before the start), then the series.
  const desk = await (await context(1280)).newPage();
  await signIn(desk, "coordinator");
  await desk.goto(`${GUARD_URL}/events`);
  await ready(desk);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Evenementen");
  await desk.getByRole("link", { name: "Nieuw evenement" }).click();
  await desk.waitForURL(/\/events\/new$/);
  await ready(desk);
  await desk.getByLabel("Titel").fill(title);
  await desk.getByLabel("Plaats", { exact: true }).fill("Zaal De Kade, Mechelen");
  await desk.getByLabel("Datum (eerste keer)").fill(`${year}-02-09`);
  await desk.getByLabel("Begint om").fill("19:00");
  await desk.getByLabel("Eindigt om").fill("18:00");
  await desk.getByLabel("Herhaling").selectOption("monthly");
  await desk.getByLabel("Laatste mogelijke datum").fill(`${year}-06-30`);
  await desk.getByLabel("Aantal plaatsen").fill("1");
  await desk.getByRole("button", { name: "Evenement maken" }).click();
  await expect(desk.locator(".field-error").first()).toBeVisible();
  await desk.getByLabel("Eindigt om").fill("21:00");
  await desk.getByRole("button", { name: "Evenement maken" }).click();
  await desk.waitForURL(/\/events\/\d+$/);
  await ready(desk);
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText(title);
  const eventUrl = desk.url();

  await desk.getByLabel("Wie", { exact: true }).selectOption("active_buddies");
  await desk.getByRole("region", { name: "Uitnodigen", exact: true }).getByRole("button", { name: "Uitnodigen" }).click();
  // Five sessions (the second Tuesday of February to June): the buddies are on the list.
  if (javaScript) await expect(desk.getByRole("status")).toContainText("voor 5 keer");
  await desk.goto(eventUrl);
  await ready(desk);
  await expect(desk.locator("#invitees-title + .table-wrap tbody tr").first()).toBeVisible();
  await picture(desk, "event-1280");

  // The buddy, on a phone: one tap.
  const phone = await (await context(360)).newPage();
  await signIn(phone, "buddy");
  const card = phone.locator("article.invitation-card", { hasText: title }).first();
  await expect(card).toBeVisible();
  await noSidewaysScroll(phone);
  await card.getByRole("button", { name: "Ja" }).click();
  await expect(
    phone.locator("article.invitation-card", { hasText: title }).first().getByText("Heeft een plaats"),
  ).toBeVisible();
  await picture(phone, "buddy-home-360");

  // At the door, on the coordinator's phone: tick the one who came.
  const door = await (await context(360)).newPage();
  await signIn(door, "coordinator");
  await door.goto(`${eventUrl}/attendance`);
  await ready(door);
  await expect(door.getByRole("heading", { level: 1 })).toHaveText("Aanwezigheden");
  await noSidewaysScroll(door);
  const first = door.locator(".attendance-row").first();
  const name = (await first.locator(".attendance-row__name").innerText()).trim();
  if (javaScript) {
    // The search narrows the list to that name.
    await door.getByLabel("Zoek een naam").fill(name.slice(0, 4));
    await expect(door.locator(".attendance-row:visible").first()).toContainText(name.slice(0, 4));
  }
  await first.getByRole("button", { name: /^Is er/ }).click();
  await expect(door.locator(".attendance-row--came").first()).toBeVisible();
  await expect(door.getByRole("status")).toContainText("Aanwezig: 1 /");
  await picture(door, "attendance-360");

  for (const p of [desk, phone, door]) await p.context().close();
});

test("a campaign's code on the application form counts on the campaign's page", async ({ browser }) => {
  test.setTimeout(120_000);
  const project = test.info().project.name;
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  const year = new Date().getFullYear() + 1;
  const context = async () =>
    browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: javaScript, locale: "nl-BE" });

  const desk = await (await context()).newPage();
  await signIn(desk, "coordinator");
  await desk.goto(`${GUARD_URL}/events/new`);
  await ready(desk);
  await desk.getByLabel("Bekendmakingsactie").check();
  await desk.getByLabel("Titel").fill(`Infostand op de markt ${project} ${Date.now()}`);
  await desk.getByLabel("Datum (eerste keer)").fill(`${year}-04-17`);
  await desk.getByRole("button", { name: "Evenement maken" }).click();
  await desk.waitForURL(/\/events\/\d+$/);
  await ready(desk);
  const campaignUrl = desk.url();
  const line = await desk.getByTestId("campaign-code").innerText();
  const code = line.trim().split(" ").pop()!;
  expect(code).toMatch(/^[A-Z2-9]{6}$/);
  await expect(desk.getByTestId("campaign-tally")).toContainText("0 kandidaat-buddy's meldden zich aan");

  // A volunteer applies and types the code from the leaflet, loosely.
  const visitor = await (await context()).newPage();
  await visitor.goto(`${GUARD_URL}/become-a-buddy`);
  await ready(visitor);
  await fillProfile(visitor, "Kato", `Actie${Date.now()}`);
  await visitor.getByLabel("Motivatie", { exact: true }).fill("Ik zag jullie stand op de markt.");
  await visitor.getByLabel("Hoe hoorde je van ons? (niet verplicht)").selectOption("campaign");
  await visitor.getByLabel("Code van de actie").fill(`${code.slice(0, 3)} ${code.slice(3).toLowerCase()}`);
  await visitor.getByRole("checkbox", { name: "Ik las hoe mijn gegevens gebruikt worden" }).check();
  await visitor.getByRole("button", { name: "Kandidatuur versturen" }).click();
  await expect(visitor).toHaveURL(/\/become-a-buddy\/thanks$/);

  await desk.goto(campaignUrl);
  await ready(desk);
  await expect(desk.getByTestId("campaign-tally")).toContainText("1 kandidaat-buddy's meldden zich aan");
  await picture(desk, "campaign-1280");
  for (const p of [desk, visitor]) await p.context().close();
});
