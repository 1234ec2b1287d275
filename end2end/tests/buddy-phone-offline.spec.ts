// The buddy's phone without network: answers wait on the phone ("saved on this phone") and
// reach the server exactly once when the network is back; an answer overtaken meanwhile is
// shown with what was typed; the buddy's home stays readable offline and goes at sign-out.
// On a server of its own (demo programme, a clock the test moves); phone project only.

import { type Browser, type BrowserContext, type Page, expect, test } from "@playwright/test";
import { OFFLINE_URL, advanceDays, ready, signInDemo } from "../support";

test.describe.configure({ mode: "serial" });

const STORAGE_KEY = "klik.answers.v1";

const signIn = (page: Page, role: string) => signInDemo(page, OFFLINE_URL, "offline", role);

/** The first activity the home asks to confirm: its id and its duo's. */
async function toConfirm(page: Page): Promise<{ id: string; duo: string }> {
  const form = page
    .locator("form", { has: page.getByRole("button", { name: "Ja, het ging door" }) })
    .first();
  const id = (await form.locator('input[name="id"]').getAttribute("value"))!;
  const section = page.locator("section.buddy-duo", { has: form });
  const plan = await section.getByRole("link", { name: "Plan een activiteit" }).getAttribute("href");
  return { id, duo: plan!.split("/")[3] };
}

/** Plans an activity at `place` from the buddy's home, a week ahead (the form's default),
 * moves the clock past it and opens its page: its id and its duo's. */
async function planAndLetHappen(page: Page, place: string): Promise<{ id: string; duo: string }> {
  await page.goto(`${OFFLINE_URL}/`);
  await ready(page);
  await page.getByRole("link", { name: "Plan een activiteit" }).first().click();
  await ready(page);
  await page.getByLabel("Wandeling").check();
  await page.getByLabel("Waar spreken jullie af?").fill(place);
  await page.getByRole("button", { name: "Plannen" }).click();
  await page.waitForURL(`${OFFLINE_URL}/`);
  await ready(page);
  const next = page.getByTestId("next-activity").filter({ hasText: place });
  const href = await next.getByRole("link", { name: "Verplaatsen of afzeggen" }).getAttribute("href");
  const section = page.locator("section.buddy-duo", { has: next });
  const plan = await section.getByRole("link", { name: "Plan een activiteit" }).getAttribute("href");
  await advanceDays(page, OFFLINE_URL, 8);
  const id = href!.split("/")[3];
  await page.goto(`${OFFLINE_URL}/buddy/activities/${id}`);
  await ready(page);
  return { id, duo: plan!.split("/")[3] };
}

/** What the phone keeps, as stored in the browser. */
function stored(page: Page): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
}

/** What the coordinator sees of the duo's activities. */
async function coordinatorSees(browser: Browser, duo: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "coordinator");
  await page.goto(`${OFFLINE_URL}/duos/${duo}`);
  const text = await page.getByTestId("duo-activities").innerText();
  await context.close();
  return text;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

async function controlledByServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener("controllerchange", done, { once: true }),
      );
    }
  });
}

async function offline(context: BrowserContext, page: Page, away: boolean) {
  await context.setOffline(away);
  await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(!away);
}

test("a confirmation and a check-in without network wait on the phone and arrive once", async ({
  page,
  context,
  browser,
}) => {
  const errors: string[] = [];
  // Without network the browser logs the failed requests; nothing else may be logged.
  page.on(
    "console",
    (m) =>
      m.type() === "error" &&
      !m.text().includes("ERR_INTERNET_DISCONNECTED") &&
      errors.push(m.text()),
  );
  await signIn(page, "buddy");
  // The demo's planned activity has happened ten days later: the home asks about it.
  await advanceDays(page, OFFLINE_URL, 10);
  await page.goto(`${OFFLINE_URL}/`);
  await ready(page);
  const { id, duo } = await toConfirm(page);
  await page.goto(`${OFFLINE_URL}/buddy/activities/${id}`);
  await ready(page);

  // At the bus stop: no network.
  await offline(context, page, true);
  await page.getByRole("button", { name: "Ja, het ging door" }).click();
  const kept = page.getByTestId("kept-on-phone");
  await expect(kept).toHaveCount(1);
  await expect(kept).toHaveText(
    "Bewaard op deze telefoon. Het wordt verstuurd zodra je weer online bent.",
  );
  const waiting = page.getByTestId("phone-answers");
  await expect(waiting).toContainText("Nog te versturen");
  await expect(waiting.locator("li")).toHaveCount(1);

  // The check-in opens as the confirmation will allow it, and waits too.
  const note = `Zonder bereik ingevuld ${Date.now()}`;
  await page.getByText("Goed", { exact: true }).click();
  await page.getByLabel(/Iets voor je coördinator/).fill(note);
  await page.getByRole("button", { name: "Bewaren" }).click();
  await expect(kept).toHaveCount(2);
  await expect(waiting.locator("li")).toHaveCount(2);
  await expect(waiting.locator("li").nth(1)).toContainText("Check-in na");
  const saved = await stored(page);
  const phone = JSON.parse(saved!);
  expect(phone.waiting.map((w: { answer: string }) => w.answer)).toEqual(["confirm", "check_in"]);
  // Nothing reached the server yet.
  expect(await coordinatorSees(browser, duo)).not.toContain(note);

  // The network is back: both go, in order, and the page shows the result.
  await offline(context, page, false);
  await expect(waiting).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText("Bedankt voor je check-in.")).toBeVisible();
  await expect
    .poll(() => stored(page))
    .toBeNull();

  // The same two answers once more, as after a reply lost on the way back: the server
  // knows their keys, applies nothing twice and refuses nothing.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, saved!]);
  await page.reload();
  await ready(page);
  await expect
    .poll(() => stored(page))
    .toBeNull();
  await expect(page.getByTestId("phone-answers-refused")).toHaveCount(0);
  await expect(page.getByText("Bedankt voor je check-in.")).toBeVisible();

  // The coordinator sees the activity done, with the check-in, once.
  const seen = await coordinatorSees(browser, duo);
  expect(occurrences(seen, note)).toBe(1);
  expect(errors).toEqual([]);
});

test("an answer overtaken while it waited is shown, with what was typed", async ({
  page,
  context,
  browser,
}) => {
  await signIn(page, "buddy");
  const place = `Ingehaald ${Date.now()}`;
  const { id, duo } = await planAndLetHappen(page, place);
  await expect(page.getByRole("button", { name: "Ja, het ging door" })).toBeVisible();

  // Offline, the buddy says it did not go on, with a reason.
  await offline(context, page, true);
  const reason = "Ik was ziek, sorry.";
  await page.getByLabel("Waarom gaat het niet door?").fill(reason);
  await page.getByRole("button", { name: "Afzeggen" }).click();
  await expect(page.getByTestId("kept-on-phone")).toHaveCount(1);

  // Meanwhile, on another device, the same buddy says it did happen.
  const laptop = await browser.newContext();
  const other = await laptop.newPage();
  await signIn(other, "buddy");
  await other.goto(`${OFFLINE_URL}/buddy/activities/${id}`);
  await ready(other);
  await other.getByRole("button", { name: "Ja, het ging door" }).click();
  await other.waitForURL(/#checkin$/);
  await laptop.close();

  // Back online: the cancellation is refused and said so, with the reason as typed.
  await offline(context, page, false);
  const refused = page.getByTestId("phone-answers-refused");
  await expect(refused).toBeVisible({ timeout: 15_000 });
  await expect(refused).toContainText("Niet verstuurd");
  await expect(refused).toContainText("werd intussen gewijzigd");
  await expect(refused).toContainText(reason);
  await expect(page.getByTestId("phone-answers")).toHaveCount(0);
  // The page shows the activity as it is now: happened, a check-in to give.
  await expect(page.getByRole("heading", { name: "Hoe ging het?" })).toBeVisible();
  await refused.getByRole("button", { name: "Begrepen" }).click();
  await expect(refused).toHaveCount(0);

  const seen = await coordinatorSees(browser, duo);
  expect(seen).toContain(place);
  expect(seen).not.toContain(reason);
});

test("an answer whose request is lost on a poor connection is kept and sent by a later try", async ({
  page,
}) => {
  await signIn(page, "buddy");
  await planAndLetHappen(page, `Slecht bereik ${Date.now()}`);
  // The phone believes it is online, but the connection drops the request.
  const confirm = "**/api/confirm_activity*";
  await page.route(confirm, (route) => route.abort("internetdisconnected"));
  await page.getByRole("button", { name: "Ja, het ging door" }).click();
  await expect(page.getByTestId("kept-on-phone")).toHaveCount(1);
  await expect(page.getByTestId("phone-answers")).toBeVisible();
  // No error for what is kept: it waits.
  await expect(page.locator(".form-error, [role=alert]")).toHaveCount(0);
  await page.unroute(confirm);
  // A later try (after 2 s, 4 s, …) gets through, without a reload or the `online` event.
  await expect(page.getByTestId("phone-answers")).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole("heading", { name: "Hoe ging het?" })).toBeVisible();
});

test("answers wait while the buddy is signed out, and go once they sign in again", async ({
  page,
  context,
}) => {
  await signIn(page, "buddy");
  const { id } = await planAndLetHappen(page, `Afgemeld ${Date.now()}`);
  await offline(context, page, true);
  await page.getByRole("button", { name: "Ja, het ging door" }).click();
  await expect(page.getByTestId("kept-on-phone")).toHaveCount(1);
  // The session ends meanwhile (it expired, or the browser dropped its cookie).
  await context.clearCookies();
  await offline(context, page, false);
  const waiting = page.getByTestId("phone-answers");
  await expect(waiting).toContainText("Je bent intussen afgemeld", { timeout: 15_000 });
  await expect(waiting.getByRole("link", { name: "Aanmelden" })).toBeVisible();
  // Signed in again, the answer goes without anything else to do.
  await signIn(page, "buddy");
  await expect
    .poll(() => stored(page), {
      timeout: 15_000,
    })
    .toBeNull();
  await page.goto(`${OFFLINE_URL}/buddy/activities/${id}`);
  await ready(page);
  await expect(page.getByRole("heading", { name: "Hoe ging het?" })).toBeVisible();
});

test("the buddy's home stays readable without network, and goes at sign-out", async ({
  page,
  context,
}) => {
  await signIn(page, "buddy");
  await controlledByServiceWorker(page);
  // Loaded once under the service worker, the buddy's home is kept.
  await page.reload();
  await ready(page);
  const name = await page.getByRole("heading", { level: 1 }).innerText();
  expect(name).toContain("Hallo");
  await expect
    .poll(() =>
      page.evaluate(async () => !!(await (await caches.open("klik-home-v1")).match("/"))),
    )
    .toBe(true);

  await offline(context, page, true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await ready(page);
  await expect(page.getByTestId("offline-banner")).toContainText("Je bent offline");
  await expect(page.locator("section.buddy-duo").first()).toBeVisible();
  // Only the home: another page is the offline page.
  await page.goto(`${OFFLINE_URL}/calendar`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je bent offline");

  // Online again, the buddy signs out: the kept home and the phone's answers are gone.
  await offline(context, page, false);
  await page.goto(`${OFFLINE_URL}/`);
  await ready(page);
  await expect(page.getByTestId("offline-banner")).toHaveCount(0);
  await page.getByRole("button", { name: "Afmelden" }).click();
  await page.waitForURL(`${OFFLINE_URL}/login`);
  await ready(page);
  await expect
    .poll(() =>
      page.evaluate(async () => !!(await (await caches.open("klik-home-v1")).match("/"))),
    )
    .toBe(false);
  expect(await stored(page)).toBeNull();
  // Clearing the storage also unregistered the worker; the next page load brings it back,
  // without the home.
  await page.reload();
  await ready(page);
  await controlledByServiceWorker(page);
  await offline(context, page, true);
  await page.goto(`${OFFLINE_URL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Je bent offline");
  await offline(context, page, false);
});
