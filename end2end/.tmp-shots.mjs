// Screenshots of the phone's offline states (not a test): node .tmp-shots.mjs URL accountsfile outdir width
import { chromium } from "playwright-core";
import * as fs from "node:fs";
const [url, accounts, out, width] = process.argv.slice(2);
const w = Number(width);
const acc = (role) => {
  for (const line of fs.readFileSync(accounts, "utf8").split("\n")) {
    const [r, email, password] = line.trim().split(/\s+/);
    if (r === role) return { email, password };
  }
};
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const context = await browser.newContext({ viewport: { width: w, height: w < 400 ? 780 : 900 }, locale: "nl-BE", timezoneId: "Europe/Brussels" });
const page = await context.newPage();
const ready = (p = page) => p.locator("body[data-hydrated=true]").waitFor();
async function signIn(p) {
  const { email, password } = acc("buddy");
  await p.goto(`${url}/login`); await ready(p);
  await p.getByLabel("E-mailadres").fill(email);
  await p.getByLabel("Wachtwoord").fill(password);
  await p.getByRole("button", { name: "Aanmelden" }).click();
  await p.waitForURL(`${url}/`); await ready(p);
}
await signIn(page);
await page.request.post(`${url}/test/clock`, { form: { days: "10" }, headers: { Origin: url } });
await page.reload(); await ready();
const forms = page.locator("form", { has: page.getByRole("button", { name: "Ja, het ging door" }) });
const id = await forms.first().locator('input[name="id"]').getAttribute("value");
await page.goto(`${url}/buddy/activities/${id}`); await ready();
await context.setOffline(true);
await page.getByRole("button", { name: "Ja, het ging door" }).click();
await page.getByText("Goed", { exact: true }).click();
await page.getByLabel(/Iets voor je coördinator/).fill("Samen koffie gedronken aan de Vismarkt.");
await page.getByRole("button", { name: "Bewaren" }).click();
await page.getByTestId("kept-on-phone").nth(1).waitFor();
await page.screenshot({ path: `${out}/offline-kept-${w}.png`, fullPage: true });
await context.setOffline(false);
await page.getByText("Bedankt voor je check-in.").waitFor();
await page.screenshot({ path: `${out}/offline-sent-${w}.png` });
// The home, offline, as last seen (under the service worker).
await page.goto(`${url}/`); await ready();
await page.evaluate(async () => { await navigator.serviceWorker.ready; });
await page.reload(); await ready();
await page.waitForTimeout(500);
await context.setOffline(true);
await page.reload(); await ready();
await page.waitForTimeout(300);
await page.screenshot({ path: `${out}/offline-home-${w}.png`, fullPage: true });
// A refusal: a cancellation kept offline, overtaken on another device.
const id2 = await forms.first().locator('input[name="id"]').getAttribute("value").catch(() => null);
await context.setOffline(false);
if (id2) {
  await page.goto(`${url}/buddy/activities/${id2}`); await ready();
  await context.setOffline(true);
  await page.getByLabel("Waarom gaat het niet door?").fill("Ik was ziek, sorry.");
  await page.getByRole("button", { name: "Afzeggen" }).click();
  await page.getByTestId("kept-on-phone").waitFor();
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await signIn(p2);
  await p2.goto(`${url}/buddy/activities/${id2}`); await ready(p2);
  await p2.getByRole("button", { name: "Ja, het ging door" }).click();
  await p2.waitForURL(/#checkin$/);
  await other.close();
  await context.setOffline(false);
  await page.getByTestId("phone-answers-refused").waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/offline-refused-${w}.png`, fullPage: true });
} else console.log("no second activity to confirm");
await browser.close();
