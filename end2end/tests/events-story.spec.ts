// Events with real mail, on a server of their own (the demo programme, a clock the test moves,
// and an SMTP listener on localhost): a coordinator makes an intervision with one place,
// co-organised with the partner, invites every active buddy (a mail each) and a waiting
// participant (by phone: the coordinator records the answer). The participant takes the place;
// the buddy answers yes from the link in the mail and waits; the participant cancels, so the
// buddy's place comes free: a mail says so, and the buddy confirms on the phone. The partner
// sees its event with the buddies and no participant. On the day, the coordinator ticks on a
// phone that the buddy came; seven months later the buddy is flagged as missing intervision.
// Phone project only: one clock, one story.

import { type Browser, type Page, expect, test } from "@playwright/test";
import { EVENTS_URL, guardAccount, mailsTo, ready } from "../support";

const account = (role: string) => guardAccount(role, "events");

async function signIn(page: Page, role: string) {
  const { email, password } = account(role);
  await page.goto(`${EVENTS_URL}/login`);
  await ready(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${EVENTS_URL}/`);
  await ready(page);
}

async function open(browser: Browser, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: "nl-BE" });
  return context.newPage();
}

/** The programme's date (Brussels) `days` from the server's clock, as the date field wants it. */
function day(from: Date, days: number): string {
  const at = new Date(from.getTime() + days * 86_400_000);
  return at.toLocaleDateString("sv-SE", { timeZone: "Europe/Brussels" });
}

async function moveClock(page: Page, days: number) {
  const moved = await page.request.post(`${EVENTS_URL}/test/clock`, {
    form: { days: String(days) },
    headers: { Origin: EVENTS_URL },
  });
  expect(moved.ok()).toBeTruthy();
}

async function picture(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/events-story-${name}.png`, fullPage: true });
}

test("an invitation by mail, the waiting list, the door and the missed intervision", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Intervisie met de partner ${Date.now()}`;
  const buddyEmail = account("buddy").email;

  // The coordinator, at a desk: tomorrow, all day (so that it has begun once the clock moves a
  // day), one place, with the partner.
  const desk = await open(browser, 1280);
  await signIn(desk, "coordinator");
  await desk.goto(`${EVENTS_URL}/events/new`);
  await ready(desk);
  await desk.getByLabel("Titel").fill(title);
  await desk.getByLabel("Plaats", { exact: true }).fill("Zaal De Kade, Mechelen");
  await desk.getByLabel("Datum (eerste keer)").fill(day(new Date(), 1));
  await desk.getByLabel("Begint om").fill("00:01");
  await desk.getByLabel("Eindigt om").fill("23:59");
  await desk.getByLabel("Aantal plaatsen").fill("1");
  await desk.getByLabel("Organisator").selectOption("both");
  await desk.getByRole("button", { name: "Evenement maken" }).click();
  await desk.waitForURL(/\/events\/\d+$/);
  await ready(desk);
  const eventUrl = desk.url();
  await desk.getByLabel("Wie", { exact: true }).selectOption("active_buddies");
  await desk.getByRole("region", { name: "Uitnodigen", exact: true }).getByRole("button", { name: "Uitnodigen" }).click();
  await expect(desk.getByRole("status")).toContainText("uitgenodigd");
  await desk.goto(eventUrl);
  await ready(desk);
  await desk.getByLabel("Wie", { exact: true }).selectOption("waiting_participants");
  await desk.getByRole("region", { name: "Uitnodigen", exact: true }).getByRole("button", { name: "Uitnodigen" }).click();
  await expect(desk.getByRole("status")).toContainText("uitgenodigd");
  await desk.goto(eventUrl);
  await ready(desk);

  // A participant phoned: yes. They have the one place.
  // (The demo has namesakes: the row is found by the record it links to.)
  const participantRow = desk.locator("tbody tr", { hasText: "· Deelnemer" }).first();
  const participant = (await participantRow.getByRole("link").innerText()).trim();
  const participantHref = (await participantRow.getByRole("link").getAttribute("href"))!;
  const rowOf = () => desk.locator("tbody tr", { has: desk.locator(`a[href="${participantHref}"]`) });
  await rowOf().getByLabel("Antwoord").selectOption("yes");
  await rowOf().getByRole("button", { name: "Antwoord noteren" }).click();
  await expect(rowOf()).toContainText("Heeft een plaats");

  // The buddy's invitation arrives by mail; its link answers without signing in.
  await expect.poll(() => mailsTo(buddyEmail).some((m) => m.subject.includes(title)), { timeout: 30_000 }).toBe(true);
  const invitation = mailsTo(buddyEmail).find((m) => m.subject.includes(title))!;
  const link = invitation.text.match(/http:\/\/\S+\/events\/answer\?token=[\w-]+/)![0];
  const phone = await open(browser, 360);
  await phone.goto(link);
  await ready(phone);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Kom je?");
  await phone.getByRole("button", { name: "Ja" }).click();
  await phone.waitForURL(/\/events\/answered$/);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("Bedankt!");

  // On the buddy's phone: the answer is there, and the buddy waits.
  await signIn(phone, "buddy");
  const card = () => phone.locator("article.invitation-card", { hasText: title });
  await expect(card()).toContainText("Op de wachtlijst (nummer 1)");

  // The participant cannot come after all: the place is offered to the buddy, by mail too.
  await desk.goto(eventUrl);
  await ready(desk);
  await rowOf().getByLabel("Antwoord").selectOption("no");
  await rowOf().getByRole("button", { name: "Antwoord noteren" }).click();
  await expect(rowOf()).toContainText("Nee");
  await expect
    .poll(() => mailsTo(buddyEmail).some((m) => m.subject === `Er is een plaats vrij: ${title}`), { timeout: 30_000 })
    .toBe(true);
  await phone.reload();
  await ready(phone);
  await expect(card()).toContainText("Er is een plaats vrij: bevestig vóór");
  await picture(phone, "offer-360");
  await card().getByRole("button", { name: "Bevestig mijn plaats" }).click();
  await expect(card()).toContainText("Heeft een plaats");
  await expect(card().getByRole("link", { name: "In mijn agenda" })).toBeVisible();

  // Which buddy that is, for the flag later: the one with the place.
  await desk.goto(eventUrl);
  await ready(desk);
  const buddyRow = desk.locator("tbody tr", { hasText: "Heeft een plaats" }).first();
  await expect(buddyRow).toContainText("· Buddy");
  const buddy = (await buddyRow.getByRole("link").innerText()).trim();

  // The partner sees its event, with the buddies and without the participant.
  const partner = await open(browser, 1280);
  await signIn(partner, "screener");
  await partner.goto(`${EVENTS_URL}/events`);
  await ready(partner);
  await partner.getByRole("link", { name: title }).click();
  await ready(partner);
  await expect(partner.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(partner.locator("tbody")).toContainText(buddy);
  await expect(partner.locator("body")).not.toContainText(participant);
  await expect(partner.locator("tbody")).not.toContainText("Deelnemer");
  await picture(partner, "partner-1280");

  // The day of the event: at the door, on the coordinator's phone, the buddy is ticked.
  await moveClock(desk, 1);
  const door = await open(browser, 360);
  await signIn(door, "coordinator");
  await door.goto(`${eventUrl}/attendance`);
  await ready(door);
  await door.getByLabel("Zoek een naam").fill(buddy);
  const mine = door.locator(".attendance-row", { hasText: buddy });
  await mine.getByRole("button", { name: /^Is er/ }).click();
  await expect(door.locator(".attendance-row--came", { hasText: buddy })).toBeVisible();
  await picture(door, "door-360");
  await door.goto(`${EVENTS_URL}/`);
  await ready(door);
  const flagged = door.locator("section", { has: door.getByRole("heading", { name: "Lang niet op intervisie" }) });
  await expect(door.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(flagged.getByRole("link", { name: buddy })).toHaveCount(0);

  // Seven months later, without another intervision, the buddy is flagged.
  await moveClock(desk, 213);
  await signIn(door, "coordinator");
  await expect(flagged.getByRole("link", { name: buddy })).toBeVisible();
  await picture(door, "missed-360");

  for (const p of [desk, phone, partner, door]) await p.context().close();
});
