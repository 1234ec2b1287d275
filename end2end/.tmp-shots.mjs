// Screenshots of the phone's offline states (not a test): node .tmp-shots.mjs URL accountsfile outdir
import { chromium } from "playwright-core";
import * as fs from "node:fs";
const [url, accounts, out] = process.argv.slice(2);
const acc = (role) => {
  for (const line of fs.readFileSync(accounts, "utf8").split("\n")) {
    const [r, email, password] = line.trim().split(/\s+/);
    if (r === role) return { email, password };
  }
};
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const [w, h] of [[360, 780], [1280, 900]]) {
  const context = await browser.newContext({ viewport: { width: w, height: h }, locale: "nl-BE", timezoneId: "Europe/Brussels" });
  const page = await context.newPage();
  const ready = () => page.locator("body[data-hydrated=true]").waitFor();
  const { email, password } = acc("buddy");
  await page.goto(`${url}/login`); await ready();
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Aanmelden" }).click();
  await page.waitForURL(`${url}/`); await ready();
  if (w === 360) await page.request.post(`${url}/test/clock`, { form: { days: "10" }, headers: { Origin: url } });
  await page.reload(); await ready();
  const form = page.locator("form", { has: page.getByRole("button", { name: "Ja, het ging door" }) }).first();
  const id = await form.locator('input[name="id"]').getAttribute("value");
  await page.goto(`${url}/buddy/activities/${id}`); await ready();
  await context.setOffline(true);
  await page.getByRole("button", { name: "Ja, het ging door" }).click();
  await page.getByText("Goed", { exact: true }).click();
  await page.getByLabel(/Iets voor je coördinator/).fill("Samen koffie gedronken aan de Vismarkt.");
  await page.screenshot({ path: `${out}/offline-activity-${w}.png`, fullPage: true });
  await page.getByRole("button", { name: "Bewaren" }).click();
  await page.getByTestId("kept-on-phone").nth(1).waitFor();
  await page.screenshot({ path: `${out}/offline-kept-${w}.png`, fullPage: true });
  await context.setOffline(false);
  await page.getByText("Bedankt voor je check-in.").waitFor();
  await page.screenshot({ path: `${out}/offline-sent-${w}.png`, fullPage: true });
  // A refused answer, as the panel shows it.
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("klik.answers.v1") || "null");
  });
  await context.close();
}
await browser.close();
