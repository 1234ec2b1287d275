// The guard of every page: each role of the demo programme (on a server of its own, see
// playwright.config.ts) visits every route of app/src/lib.rs that it may see, with real ids,
// on a desktop and a 360 px phone, and each page must answer with its status, hydrate without
// a console error or a panic, pass axe-core's WCAG 2.2 AA scan, not scroll sideways, and
// show the hostile fixture's markup as text only. The routes come from the code: a page that
// is added without an entry below fails this spec.

import * as fs from "node:fs";
import * as path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Page, expect, request, test } from "@playwright/test";
import { GUARD_URL, guardAccount } from "../support";

type Role = "anonymous" | "admin" | "coordinator" | "screener" | "buddy";

// A participant and a buddy whose every free-text field is full of markup and odd Unicode.
export const HOSTILE_FIRST_NAME =
  '</title><meta http-equiv="refresh" content="0;url=https://evil.example">';
export const HOSTILE_LAST_NAME = "<script>alert(1)</script>\"'&amp;\u202ex\u200b";
export const HOSTILE_TEXT =
  '<b id="probe-injected">x</b><img src=x onerror=alert(1)> \u202ekcab\u200b & "\'';

/** The ids a route needs, found the way a person finds them: in the lists. */
type Ids = {
  participant: string;
  buddy: string;
  duo: string;
  screenerBuddy: string;
  buddyDuo: string;
  buddyActivity: string;
  hostileParticipant: string;
  hostileBuddy: string;
  registration: string;
  stone: string;
  user: string;
  event: string;
};

/** Every route of the app, who may see it and the addresses to visit. A route missing here
 * fails the first test. */
const ROUTES: Record<string, { roles: Role[]; visit: (ids: Ids) => string[]; status?: number }> = {
  "/": { roles: ["anonymous", "admin", "coordinator", "screener", "buddy"], visit: () => ["/"] },
  "/privacy": { roles: ["anonymous", "buddy"], visit: () => ["/privacy"] },
  "/login": { roles: ["anonymous"], visit: () => ["/login"] },
  "/login/code": { roles: ["anonymous"], visit: () => ["/login/code"] },
  // An unknown or used invitation link: 410 Gone, with a way to ask for a new one.
  "/welcome": { roles: ["anonymous"], visit: () => ["/welcome?token=verlopen"], status: 410 },
  "/setup": { roles: ["anonymous"], visit: () => ["/setup"] },
  "/account": { roles: ["admin", "coordinator", "screener", "buddy"], visit: () => ["/account"] },
  "/participants": { roles: ["admin", "coordinator"], visit: () => ["/participants"] },
  "/import": { roles: ["coordinator"], visit: () => ["/import"] },
  "/waiting": { roles: ["admin", "coordinator"], visit: () => ["/waiting"] },
  "/participants/new": { roles: ["coordinator"], visit: () => ["/participants/new"] },
  "/participants/:id": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/participants/${ids.participant}`, `/participants/${ids.hostileParticipant}`],
  },
  "/participants/:id/edit": {
    roles: ["coordinator"],
    visit: (ids) => [
      `/participants/${ids.participant}/edit`,
      `/participants/${ids.hostileParticipant}/edit`,
    ],
  },
  // The hostile participant waits: the erasure page shows its preview and why it must wait.
  "/participants/:id/erase": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/participants/${ids.participant}/erase`, `/participants/${ids.hostileParticipant}/erase`],
  },
  "/buddies/:id/erase": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/buddies/${ids.buddy}/erase`, `/buddies/${ids.hostileBuddy}/erase`],
  },
  "/admin/registers": { roles: ["admin"], visit: () => ["/admin/registers"] },
  "/retention": { roles: ["admin", "coordinator"], visit: () => ["/retention"] },
  "/participants/:id/data": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/participants/${ids.participant}/data`, `/participants/${ids.hostileParticipant}/data`],
  },
  "/buddies/:id/data": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/buddies/${ids.buddy}/data`, `/buddies/${ids.hostileBuddy}/data`],
  },
  "/admin/users/:id/data": { roles: ["admin"], visit: (ids) => [`/admin/users/${ids.user}/data`] },
  "/participants/:id/sheet": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/participants/${ids.participant}/sheet`, `/participants/${ids.hostileParticipant}/sheet`],
  },
  "/register": { roles: ["anonymous"], visit: () => ["/register"] },
  "/register/thanks": { roles: ["anonymous"], visit: () => ["/register/thanks"] },
  "/registrations/:id": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/registrations/${ids.registration}`],
  },
  "/registrations/:id/intake": {
    roles: ["coordinator"],
    visit: (ids) => [`/registrations/${ids.registration}/intake`],
  },
  "/stones": { roles: ["admin", "coordinator"], visit: () => ["/stones"] },
  "/stones/new": { roles: ["coordinator"], visit: () => ["/stones/new"] },
  "/stones/:id/edit": {
    roles: ["admin", "coordinator"],
    visit: (ids) => [`/stones/${ids.stone}/edit`],
  },
  "/reports": {
    roles: ["admin", "coordinator"],
    visit: () => ["/reports", "/reports?preset=since_start", "/reports?from=2026-05-01&to=2026-04-01"],
  },
  "/reports/waiting": { roles: ["admin", "coordinator"], visit: () => ["/reports/waiting?preset=since_start"] },
  "/reports/activity": { roles: ["admin", "coordinator"], visit: () => ["/reports/activity?preset=since_start"] },
  "/reports/buddies": {
    roles: ["admin", "coordinator", "screener"],
    visit: () => ["/reports/buddies?preset=since_start"],
  },
  "/reports/print": { roles: ["admin", "coordinator"], visit: () => ["/reports/print?preset=last_year"] },
  "/become-a-buddy": { roles: ["anonymous"], visit: () => ["/become-a-buddy"] },
  "/become-a-buddy/thanks": { roles: ["anonymous"], visit: () => ["/become-a-buddy/thanks"] },
  "/buddies": { roles: ["admin", "coordinator", "screener"], visit: () => ["/buddies"] },
  "/buddies/new": { roles: ["coordinator"], visit: () => ["/buddies/new"] },
  "/buddies/:id": {
    roles: ["admin", "coordinator", "screener"],
    visit: (ids) => [`/buddies/${ids.buddy}`, `/buddies/${ids.hostileBuddy}`],
  },
  "/buddies/:id/edit": {
    roles: ["coordinator"],
    visit: (ids) => [`/buddies/${ids.buddy}/edit`, `/buddies/${ids.hostileBuddy}/edit`],
  },
  "/buddies/:id/match": { roles: ["coordinator"], visit: (ids) => [`/buddies/${ids.buddy}/match`] },
  "/participants/:id/match": {
    roles: ["coordinator"],
    visit: (ids) => [`/participants/${ids.participant}/match`],
  },
  "/matching": { roles: ["admin", "coordinator"], visit: () => ["/matching"] },
  "/board": { roles: ["admin", "coordinator"], visit: () => ["/board"] },
  "/duos/:id": { roles: ["admin", "coordinator"], visit: (ids) => [`/duos/${ids.duo}`] },
  "/duos/:id/move": {
    roles: ["coordinator"],
    visit: (ids) => [`/duos/${ids.duo}/move?to=ended`],
  },
  "/duos/:id/agreement": { roles: ["coordinator"], visit: (ids) => [`/duos/${ids.duo}/agreement`] },
  "/admin/matching": { roles: ["admin"], visit: () => ["/admin/matching"] },
  "/admin/users": { roles: ["admin", "coordinator"], visit: () => ["/admin/users"] },
  "/admin/audit": { roles: ["admin"], visit: () => ["/admin/audit"] },
  "/admin/outbox": { roles: ["admin"], visit: () => ["/admin/outbox"] },
  "/admin/lists": { roles: ["admin"], visit: () => ["/admin/lists"] },
  "/admin/settings": { roles: ["admin"], visit: () => ["/admin/settings"] },
  "/buddy/duos/:id/plan": { roles: ["buddy"], visit: (ids) => [`/buddy/duos/${ids.buddyDuo}/plan`] },
  "/buddy/activities/:id": {
    roles: ["buddy"],
    visit: (ids) => [`/buddy/activities/${ids.buddyActivity}`],
  },
  "/calendar": { roles: ["buddy"], visit: () => ["/calendar"] },
  "/events": { roles: ["admin", "coordinator", "screener"], visit: () => ["/events"] },
  "/events/new": { roles: ["coordinator"], visit: () => ["/events/new"] },
  // An unknown or used answer link: 410 Gone.
  "/events/answer": { roles: ["anonymous"], visit: () => ["/events/answer?token=verlopen"], status: 410 },
  "/events/answered": { roles: ["anonymous"], visit: () => ["/events/answered"] },
  "/events/:id": { roles: ["admin", "coordinator", "screener"], visit: (ids) => [`/events/${ids.event}`] },
  "/events/:id/letters": { roles: ["admin", "coordinator"], visit: (ids) => [`/events/${ids.event}/letters`] },
  "/events/:id/attendance": { roles: ["coordinator", "screener"], visit: (ids) => [`/events/${ids.event}/attendance`] },
};

/** The route paths that app/src/lib.rs declares. */
function routesInCode(): string[] {
  const source = fs.readFileSync(path.join(__dirname, "..", "..", "app", "src", "lib.rs"), "utf8");
  return [...source.matchAll(/<Route path=path!\("([^"]+)"\)/g)].map((m) => m[1]);
}

const account = guardAccount;

/** A signed-in API session for `role` (the browser's cookies, without a browser). */
async function apiAs(role: Role): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: GUARD_URL, extraHTTPHeaders: { Origin: GUARD_URL } });
  if (role !== "anonymous") {
    const { email, password } = account(role);
    const reply = await api.post("/api/login", {
      form: { "input[email]": email, "input[password]": password },
      headers: { Accept: "application/json" },
    });
    expect(reply.ok(), await reply.text()).toBeTruthy();
  }
  return api;
}

/** The first id in `path`'s links of the form `prefix<id>`. */
async function firstId(api: APIRequestContext, page: string, prefix: string, after = ""): Promise<string> {
  const html = await (await api.get(page)).text();
  const pattern = new RegExp(`href="${prefix.replace(/\//g, "\\/")}(\\d+)${after}"`);
  const found = html.match(pattern);
  if (!found) throw new Error(`no link ${prefix}<id>${after} on ${page}`);
  return found[1];
}

/** The hostile fixture (through the same server functions as the forms) and the ids. */
async function prepare(): Promise<Ids> {
  const coordinator = await apiAs("coordinator");
  const profile = (prefix: string) => ({
    [`${prefix}[profile][first_name]`]: HOSTILE_FIRST_NAME,
    [`${prefix}[profile][last_name]`]: HOSTILE_LAST_NAME.slice(0, 80),
    [`${prefix}[profile][birth_date]`]: "1990-04-12",
    [`${prefix}[profile][gender]`]: "woman",
    [`${prefix}[profile][municipality_id]`]: "1",
    [`${prefix}[profile][phone]`]: "015 12 34 56",
    [`${prefix}[profile][preferred_contact]`]: "phone",
    [`${prefix}[profile][availability][]`]: "0",
    [`${prefix}[profile][max_travel_km]`]: "10",
    [`${prefix}[profile][wish_note]`]: HOSTILE_TEXT,
  });
  const participant = await coordinator.post("/api/create_participant", {
    form: {
      ...profile("form"),
      "form[consent_matching]": "true",
      "form[consent_share_first_name]": "true",
      "form[coordinator_notes]": HOSTILE_TEXT,
      "form[referral_contact]": HOSTILE_TEXT,
    },
    headers: { Accept: "application/json" },
  });
  expect(participant.ok(), await participant.text()).toBeTruthy();
  const buddy = await coordinator.post("/api/create_buddy", {
    form: {
      ...profile("form"),
      "form[profile][email]": "vijandig@example.be",
      "form[motivation]": HOSTILE_TEXT,
      "form[capacity]": "1",
      "form[privacy_read]": "true",
    },
    headers: { Accept: "application/json" },
  });
  expect(buddy.ok(), await buddy.text()).toBeTruthy();

  // A registration by a care worker whose every free-text field is hostile too.
  const visitor = await apiAs("anonymous");
  const registered = await visitor.post("/api/register_participant", {
    form: {
      "form[by]": "care_worker",
      "form[first_name]": HOSTILE_FIRST_NAME.slice(0, 80),
      "form[last_name]": HOSTILE_LAST_NAME.slice(0, 80),
      "form[municipality_id]": "1",
      "form[organisation_id]": "1",
      "form[care_worker_name]": HOSTILE_TEXT,
      "form[care_worker_email]": "zorg@example.be",
      "form[note]": HOSTILE_TEXT,
      "form[agreed]": "true",
      "form[privacy_read]": "true",
    },
    headers: { Accept: "application/json" },
  });
  expect(registered.ok(), await registered.text()).toBeTruthy();
  await visitor.dispose();

  // A stepping stone whose free-text fields are hostile (its provider sorts it first).
  const stone = await coordinator.post("/api/save_stone", {
    form: {
      "form[title]": HOSTILE_FIRST_NAME,
      "form[provider]": HOSTILE_TEXT,
      "form[kind]": "cafe",
      "form[description]": HOSTILE_TEXT,
      "form[municipality_id]": "1",
      "form[address]": HOSTILE_LAST_NAME,
      "form[contact]": HOSTILE_TEXT,
    },
    headers: { Accept: "application/json" },
  });
  expect(stone.ok(), await stone.text()).toBeTruthy();

  // An event the partner co-organises, with hostile texts, to which everyone is invited (the
  // buddy sees it on their home).
  const event = await coordinator.post("/api/create_event", {
    form: {
      "form[kind]": "waiting_meeting",
      "form[title]": HOSTILE_FIRST_NAME,
      "form[description]": HOSTILE_TEXT,
      "form[place]": HOSTILE_TEXT,
      "form[date]": `${new Date().getFullYear() + 1}-03-10`,
      "form[starts]": "14:00",
      "form[ends]": "16:00",
      "form[capacity]": "1",
      "form[organiser]": "both",
      "form[answers_open]": "on",
    },
    headers: { Accept: "application/json" },
  });
  expect(event.ok(), await event.text()).toBeTruthy();
  const eventId = String(await event.json());
  for (const audience of ["active_buddies", "waiting_participants"]) {
    const invited = await coordinator.post("/api/invite_to_event", {
      form: { id: eventId, "form[audience]": audience },
      headers: { Accept: "application/json" },
    });
    expect(invited.ok(), await invited.text()).toBeTruthy();
  }

  const screener = await apiAs("screener");
  const buddyApi = await apiAs("buddy");
  const admin = await apiAs("admin");
  const ids: Ids = {
    participant: await firstId(coordinator, "/participants", "/participants/"),
    buddy: await firstId(coordinator, "/buddies", "/buddies/"),
    duo: await firstId(coordinator, "/board", "/duos/"),
    screenerBuddy: await firstId(screener, "/buddies", "/buddies/"),
    buddyDuo: await firstId(buddyApi, "/", "/buddy/duos/", "/plan"),
    buddyActivity: await firstId(buddyApi, "/", "/buddy/activities/"),
    hostileParticipant: String(await participant.json()),
    hostileBuddy: String(await buddy.json()),
    registration: await firstId(coordinator, "/", "/registrations/"),
    stone: await firstId(coordinator, "/stones", "/stones/", "/edit"),
    user: await firstId(admin, "/admin/users", "/admin/users/", "/data"),
    event: eventId,
  };
  for (const api of [coordinator, screener, buddyApi, admin]) await api.dispose();
  return ids;
}

async function signIn(page: Page, role: Role) {
  if (role === "anonymous") return;
  const { email, password } = account(role);
  await page.goto(`${GUARD_URL}/login`);
  await page.locator("body[data-hydrated=true]").waitFor();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${GUARD_URL}/`);
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Everything that must hold on one page once it has loaded and hydrated. */
export async function checkPage(page: Page, address: string, errors: string[], status = 200) {
  const response = await page.goto(`${GUARD_URL}${address}`);
  expect.soft(response?.status(), `${address}: status`).toBe(status);
  await page
    .locator("body[data-hydrated=true]")
    .waitFor({ timeout: 15_000 })
    .catch(() => errors.push(`${address}: never hydrated`));
  // Data that the page loads after hydration, and its late errors.
  await page.waitForLoadState("networkidle");
  // The browser logs a page's own error status; that one is expected.
  const own = `the server responded with a status of ${status}`;
  if (status !== 200) errors.splice(0, errors.length, ...errors.filter((e) => !e.includes(own)));
  expect.soft(errors, `${address}: console errors`).toEqual([]);

  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect.soft(overflow, `${address}: scrolls sideways`).toBeLessThanOrEqual(0);

  const injected = await page.evaluate(() => ({
    elements: document.querySelectorAll(
      "#probe-injected, meta[http-equiv=refresh], img[src=x], body script:not([src]):not([nonce])",
    ).length,
    title: document.title,
  }));
  expect.soft(injected.elements, `${address}: markup from typed text reached the page`).toBe(0);
  expect.soft(injected.title, `${address}: title`).not.toMatch(/&lt;|&amp;lt;/);

  const scan = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const violations = scan.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect.soft(violations, `${address}: axe`).toEqual([]);
}

test.describe("every page @js", () => {

  let ids: Ids;
  test.beforeAll(async ({}, info) => {
    // One fixture per server: the desktop project makes it, the phone reuses it.
    const file = path.join(__dirname, "..", ".tmp", "guard-ids.json");
    if (info.project.name === "guard-desktop" || !fs.existsSync(file)) {
      ids = await prepare();
      fs.writeFileSync(file, JSON.stringify(ids));
    } else {
      ids = JSON.parse(fs.readFileSync(file, "utf8"));
    }
  });

  test("every route of the app has an entry here", () => {
    expect(routesInCode().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  // A role's pages in parts of at most PART routes: the staff's whole walk took over three
  // minutes on one worker (near its timeout), and parts share out over both workers.
  const PART = 16;
  for (const role of ["anonymous", "admin", "coordinator", "screener", "buddy"] as Role[]) {
    const routes = Object.entries(ROUTES).filter(([, entry]) => entry.roles.includes(role));
    const parts = Math.ceil(routes.length / PART);
    for (let part = 0; part < parts; part++) {
      const name = parts === 1 ? role : `${role}, part ${part + 1} of ${parts}`;
      test(`every page of the ${name}`, async ({ page }) => {
        test.setTimeout(150_000);
        const errors: string[] = [];
        page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
        page.on("pageerror", (e) => errors.push(e.message));
        await signIn(page, role);
        for (const [route, entry] of routes.slice(part * PART, (part + 1) * PART)) {
          const visits = route === "/buddies/:id" && role === "screener" ? [`/buddies/${ids.screenerBuddy}`] : entry.visit(ids);
          for (const address of visits) {
            errors.length = 0;
            await checkPage(page, address, errors, entry.status);
          }
        }
      });
    }
  }

  // The pages that once failed to hydrate now and then (3 to 6 loads in 20): 50 loads each,
  // not one console error, and the page hydrated every time.
  for (const [role, route] of [
    ["coordinator", "/"],
    ["admin", "/"],
    ["coordinator", "/participants/:id/edit"],
  ] as [Role, string][]) {
    test(`${route} hydrates cleanly 50 times in a row for the ${role}`, async ({ page }) => {
      test.setTimeout(180_000);
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      await signIn(page, role);
      const address = route === "/" ? "/" : `/participants/${ids.participant}/edit`;
      let hydrated = 0;
      for (let i = 0; i < 50; i++) {
        await page.goto(`${GUARD_URL}${address}`);
        await page.locator("body[data-hydrated=true]").waitFor({ timeout: 15_000 });
        hydrated++;
      }
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
      expect(hydrated).toBe(50);
    });
  }

  test("a hostile name stays text in the title, after hydration and client-side navigation", async ({
    page,
  }) => {
    await signIn(page, "coordinator");
    await page.goto(`${GUARD_URL}/participants/${ids.hostileParticipant}`);
    await page.locator("body[data-hydrated=true]").waitFor();
    await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(HOSTILE_FIRST_NAME)}`));
    // Away and back through the router, without a new page load.
    // (A click event, not a pointer: on the phone the menu bar may hold it out of view.)
    await page.getByRole("navigation").getByRole("link", { name: "Deelnemers" }).dispatchEvent("click");
    await expect(page).toHaveTitle(/^Deelnemers/);
    await page.goBack();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("</title>");
    await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(HOSTILE_FIRST_NAME)}`));
    expect(await page.locator("meta[http-equiv=refresh], #probe-injected").count()).toBe(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
