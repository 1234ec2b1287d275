import { test, expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import { ADMIN, BASE_URL, ready, signIn, uniqueEmail } from "../support";

const project = () => test.info().project.name;
const javaScript = () => test.info().project.use.javaScriptEnabled !== false;

/** A first name no other test, project or run uses (letters only, as names are). */
function uniqueName(prefix: string): string {
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let n = Date.now() * 1000 + Math.floor(Math.random() * 1000);
  let tail = "";
  while (n > 0) {
    tail += letters[n % 26];
    n = Math.floor(n / 26);
  }
  return `${prefix}${project()}${tail}`.replace(/[^A-Za-z]/g, "");
}

/** Calls a server function with the signed-in page's cookies, as the browser's fetch does. */
async function call(page: Page, name: string, form: [string, string][]) {
  const body = new URLSearchParams(form).toString();
  const res = await page.request.post(`/api/${name}`, {
    data: body,
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  return res.json();
}

const profile = (first: string, gender: string): [string, string][] => [
  ["form[profile][first_name]", first],
  ["form[profile][last_name]", "Bordtest"],
  ["form[profile][birth_date]", "1985-06-01"],
  ["form[profile][gender]", gender],
  ["form[profile][municipality_id]", "1"],
  ["form[profile][email]", "bord@example.be"],
  ["form[profile][preferred_contact]", "email"],
  ["form[profile][interests][]", "1"],
  ["form[profile][availability][]", "16"],
  ["form[profile][max_travel_km]", "10"],
];

/** A waiting participant and an approved buddy who fit each other; a new screener (who
 * accepts the invitation in a browser of their own) approves the buddy. */
async function seedPair(page: Page, request: APIRequestContext) {
  // One tag in both first names: searching for it shows the two cards side by side.
  const tag = uniqueName("");
  const participant = `Pia${tag}`;
  const buddy = `Bart${tag}`;
  await call(page, "create_participant", [
    ...profile(participant, "woman"),
    ["form[consent_matching]", "true"],
    ["form[consent_share_first_name]", "true"],
  ]);
  const buddyId: number = await call(page, "create_buddy", [
    ...profile(buddy, "man"),
    ["form[motivation]", "Graag samen op stap."],
    ["form[capacity]", "1"],
  ]);
  const invited = await call(page, "invite_user", [
    ["input[email]", uniqueEmail("screener")],
    ["input[display_name]", "Sara Screener"],
    ["input[role]", "screener"],
  ]);
  const token = new URL(invited.link, BASE_URL).searchParams.get("token")!;
  const accepted = await request.post("/api/accept_invitation", {
    form: { token, password: "paarse olifant fietst naar Lier" },
    headers: { accept: "application/json" },
  });
  expect(accepted.ok(), await accepted.text()).toBeTruthy();
  await call(page, "hand_to_screener", [
    ["id", String(buddyId)],
    ["version", "1"],
    ["screener", String(invited.user_id)],
  ]);
  const today = new Date().toISOString().slice(0, 10);
  await call(page, "record_screening", [
    ["id", String(buddyId)],
    ["version", "2"],
    ["held_on", today],
    ["outcome", "approved"],
  ]);
  return { participant, buddy, buddyId, tag };
}

const lane = (page: Page, name: RegExp) =>
  page.locator("section.board-lane", { has: page.getByRole("heading", { name }) });
/** A saved card: the greyed "being saved" placeholder of a proposal is not one yet. */
const SAVED = ".board-card:not([aria-busy])";
const card = (page: Page, text: string) => page.locator(SAVED, { hasText: text });

/** Drags `from`'s grip onto `to`, with the mouse or (phone) with a finger. */
async function drag(page: Page, from: Locator, to: Locator) {
  // In the middle of the screen: the phone's bottom navigation covers the lowest part.
  await from.evaluate((e) => e.scrollIntoView({ block: "center" }));
  const start = (await from.locator(".board-card__grip").boundingBox())!;
  const end = (await to.boundingBox())!;
  const [x0, y0] = [start.x + start.width / 2, start.y + start.height / 2];
  const [x1, y1] = [end.x + Math.min(60, end.width / 2), end.y + Math.min(30, end.height / 2)];
  if (project() === "phone") {
    // Touch events as a finger makes them; Chromium turns them into pointer events.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: x0, y: y0 }] });
    for (let i = 1; i <= 10; i++) {
      const [x, y] = [x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [{ x, y }] });
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  } else {
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    await page.mouse.move(x1, y1, { steps: 10 });
    await page.mouse.up();
  }
}

test.beforeEach(async ({ page }) => {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Matchbord" })).toBeVisible();
});

test("a coordinator proposes a duo and moves it on the board", async ({ page, request }) => {
  const { participant, buddy, tag } = await seedPair(page, request);
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`/board?q=${participant}`);
  await ready(page);
  await expect(card(page, participant)).toBeVisible();
  // The board hydrates without complaints.
  expect(errors).toEqual([]);

  if (javaScript()) {
    // Searching for the names' shared part shows the buddy too.
    await page.getByLabel("Zoek op voornaam").fill(tag);
    await expect(card(page, buddy)).toBeVisible();
    await drag(page, card(page, buddy), card(page, participant));
    const sheet = page.getByRole("dialog");
    // Scored in the browser, before anything is saved.
    await expect(sheet).toContainText(`${buddy} en ${participant}`);
    await expect(sheet.locator(".score")).toHaveText(/\d+/);
    await sheet.getByRole("button", { name: "Bevestig" }).click();
    await expect(lane(page, /^Voorgesteld/).locator(SAVED, { hasText: participant })).toBeVisible();

    await drag(page, card(page, participant), lane(page, /^Kennismaking/));
    await expect(sheet.getByLabel("Datum van de kennismaking")).toBeVisible();
    await sheet.getByRole("button", { name: "Bevestig" }).click();
    await expect(lane(page, /^Kennismaking/).locator(SAVED, { hasText: participant })).toBeVisible();
    await expect(lane(page, /^Voorgesteld/).locator(SAVED, { hasText: participant })).toHaveCount(0);
  } else {
    // Without JavaScript: the ranking page's form proposes, the move page moves.
    await card(page, participant).getByRole("link", { name: "Stel voor met" }).click();
    await page.locator(".ranking__item", { hasText: buddy }).getByRole("button", { name: "Stel dit duo voor" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await page.goto(`/board?q=${participant}`);
    const duo = lane(page, /^Voorgesteld/).locator(SAVED, { hasText: participant });
    await duo.getByText("Verplaats").click();
    await duo.getByRole("link", { name: "Kennismaking" }).click();
    await page.getByRole("button", { name: "Bevestig" }).click();
    await expect(page).toHaveURL(/\/board$/);
    await page.goto(`/board?q=${participant}`);
    await expect(lane(page, /^Kennismaking/).locator(SAVED, { hasText: participant })).toBeVisible();
  }
});

test("every move works from the keyboard", async ({ page, request }) => {
  const { participant, buddy } = await seedPair(page, request);
  await page.goto(`/board?q=${participant}`);
  await ready(page);
  // Proposing: the card's link leads to the candidates ranked for this participant.
  await card(page, participant).getByRole("link", { name: "Stel voor met" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welke buddy past?");
  await ready(page);
  await page.locator(".ranking__item", { hasText: buddy }).getByRole("button", { name: "Stel dit duo voor" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/board$/);
  await page.goto(`/board?q=${participant}`);
  await ready(page);
  const duo = lane(page, /^Voorgesteld/).locator(SAVED, { hasText: participant });
  await duo.locator("summary", { hasText: "Verplaats" }).focus();
  await page.keyboard.press("Enter");
  await duo.getByRole("link", { name: "Beëindigd" }).focus();
  await page.keyboard.press("Enter");
  const reason = page.getByLabel("Reden");
  // The sheet is drawn again when the board's data arrive; a choice made before that was
  // once reset to "Kies…" (CI, phone). Choose once the page is quiet, and check it held.
  if (javaScript()) await page.waitForLoadState("networkidle");
  await reason.focus();
  await reason.selectOption({ label: "Geen tijd meer" });
  await expect(reason).toHaveValue("no_time");
  await page.getByLabel("Toelichting").focus();
  await page.keyboard.type("De buddy heeft dit jaar geen tijd meer.");
  await page.getByRole("button", { name: "Bevestig" }).focus();
  await page.keyboard.press("Enter");
  // Leaving before the answer came would cancel the request under way: without JavaScript
  // the answer leads back to the board; with it, the sheet closes and the call completes.
  if (javaScript()) {
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await page.waitForLoadState("networkidle");
  } else {
    await expect(page).toHaveURL(/\/board$/);
  }
  await page.goto(`/board?q=${participant}`);
  // Ended before it started: the participant waits again, the duo is in the ended lane.
  await expect(lane(page, /^Kandidaten/).locator(SAVED, { hasText: participant })).toBeVisible();
  await expect(lane(page, /^Voorgesteld/).locator(SAVED, { hasText: participant })).toHaveCount(0);
});
