// Shared by the Playwright configuration and the tests.

export const PORT = Number(process.env.KLIK_E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// A second server on an empty database, for the first start.
export const FRESH_PORT = PORT + 1;
export const FRESH_URL = `http://127.0.0.1:${FRESH_PORT}`;
// A third server with the demo programme and a clock the tests move (KLIK_TEST_CLOCK).
export const CLOCK_PORT = PORT + 2;
export const CLOCK_URL = `http://127.0.0.1:${CLOCK_PORT}`;
// A fourth with the demo programme, for the guard that visits every page as every role.
export const GUARD_PORT = PORT + 3;
export const GUARD_URL = `http://127.0.0.1:${GUARD_PORT}`;
// A fifth with a big demo programme (about 600 waiting participants, 150 buddies): the board
// with a long waiting list. Nothing is saved there.
export const BOARD_PORT = PORT + 4;
export const BOARD_URL = `http://127.0.0.1:${BOARD_PORT}`;
// A sixth with the demo programme and a clock of its own: a stepping stone's follow-up
// falls due when the test moves it (tests/stones-follow-up.spec.ts).
export const STONES_PORT = PORT + 5;
export const STONES_URL = `http://127.0.0.1:${STONES_PORT}`;

// A seventh with the demo programme, a clock of its own and real mail: it delivers to an SMTP
// listener on the next port, which writes each message to EVENTS_MAIL_DIR
// (tests/events-story.spec.ts).
export const EVENTS_PORT = PORT + 6;
export const EVENTS_URL = `http://127.0.0.1:${EVENTS_PORT}`;
export const EVENTS_SMTP_PORT = PORT + 7;

// An eighth with the demo programme and a clock of its own, for the buddy's phone without
// network (tests/buddy-phone-offline.spec.ts).
export const OFFLINE_PORT = PORT + 8;
export const OFFLINE_URL = `http://127.0.0.1:${OFFLINE_PORT}`;

// The admin that the main server starts with (made by `klik create-admin`).
export const ADMIN = {
  email: "beheer@example.be",
  name: "Bea Beheerder",
  password: "drie blauwe fietsen in Mechelen",
};

import { createHmac } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { type Page, test } from "@playwright/test";

/** Waits until the page is interactive, in the projects that run JavaScript; a click before
 * hydration would otherwise race the form's own handler. */
export async function ready(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) {
    await page.locator("body[data-hydrated=true]").waitFor();
  }
}

/** Signs in on the sign-in page (the second step, if any, is up to the caller). */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await ready(page);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
}

/** An address no other test (or project, or earlier run) uses. */
export function uniqueEmail(prefix: string): string {
  const project = test.info().project.name;
  return `${prefix}.${project}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@example.be`;
}

/** The code an authenticator app shows for a base32 secret (RFC 6238: SHA-1, 6 digits,
 * 30 s), `offset` seconds from now. */
export function totpCode(secret: string, offsetSeconds = 0): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/[\s=]/g, "").toUpperCase()) {
    bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  }
  const key = Buffer.from(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor((Date.now() / 1000 + offsetSeconds) / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const at = mac[mac.length - 1] & 0xf;
  const value = (mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, "0");
}

/** Fills in the profile part of a form as a coordinator or volunteer would. */
export async function fillProfile(page: Page, first: string, last: string) {
  await page.getByLabel("Voornaam", { exact: true }).fill(first);
  await page.getByLabel("Familienaam", { exact: true }).fill(last);
  await page.getByLabel("Geboortedatum", { exact: true }).fill("1988-03-14");
  await page.getByRole("radio", { name: "Vrouw" }).first().check();
  await page.getByLabel("Woonplaats", { exact: true }).selectOption({ label: "Mechelen (2800)" });
  await page.getByLabel("Telefoon of gsm", { exact: true }).fill("0470 12 34 56");
  await page.getByRole("checkbox", { name: "Wandelen" }).check();
  await page.getByRole("checkbox", { name: "Film" }).check();
  await page.getByRole("checkbox", { name: "zaterdagnamiddag" }).check();
  await page.getByLabel("Hoe ver kan de persoon gaan? (km)").fill("10");
}

/** Signs in with a demo server's account (see `guardAccount`) at `url`, and waits until the
 * home page has hydrated. */
export async function signInDemo(page: Page, url: string, server: string, role: string) {
  const { email, password } = guardAccount(role, server);
  await page.goto(`${url}/login`);
  await page.locator("body[data-hydrated=true]").waitFor();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${url}/`);
  await page.locator("body[data-hydrated=true]").waitFor();
}

/** Moves the clock of a server started with KLIK_TEST_CLOCK forward by `days`. */
export async function advanceDays(page: Page, url: string, days: number) {
  const reply = await page.request.post(`${url}/test/clock`, {
    form: { days: String(days) },
    headers: { Origin: url },
  });
  if (!reply.ok()) throw new Error(`moving the clock: ${reply.status()}`);
}

/** The demo programme's accounts on the guard's server, as `klik demo` printed them when it
 * started: the one server with buddies who sign in and have duos. */
export function guardAccount(role: string, server = "guard"): { email: string; password: string } {
  const file = path.join(__dirname, ".tmp", `${server}-accounts.txt`);
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const [r, email, password] = line.trim().split(/\s+/);
    if (r === role) return { email, password };
  }
  throw new Error(`no ${role} account in ${file}`);
}

/** Where the events server's SMTP listener writes what it receives. */
export const EVENTS_MAIL_DIR = path.join(__dirname, ".tmp", "events-mail");

/** The mails the events server sent to `to`, oldest first. */
export function mailsTo(to: string): { to: string[]; subject: string; text: string }[] {
  if (!fs.existsSync(EVENTS_MAIL_DIR)) return [];
  return fs
    .readdirSync(EVENTS_MAIL_DIR)
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(EVENTS_MAIL_DIR, f), "utf8")))
    .filter((m) => m.to.includes(to));
}
