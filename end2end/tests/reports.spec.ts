// The reports on the demo programme (the guard's server: a demo with three years of
// history, see playwright.config.ts): a coordinator opens each report for the whole history,
// sees its charts and tables, passes axe, downloads a table as CSV and a report as XLSX (the
// test opens both), is told plainly about a period that ends before it starts, and prints
// the yearly report; the partner's screener sees the buddy funnel and its intervision only,
// small counts hidden.
// Desktop, phone and without JavaScript.

import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { GUARD_URL, ready, signIn } from "../support";

test.use({ baseURL: GUARD_URL });

function account(role: string): { email: string; password: string } {
  const file = path.join(__dirname, "..", ".tmp", "guard-accounts.txt");
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    const [r, email, password] = line.trim().split(/\s+/);
    if (r === role) return { email, password };
  }
  throw new Error(`no ${role} account in ${file}`);
}

async function signInAs(page: Page, role: string) {
  const { email, password } = account(role);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/$/);
}

/** axe-core runs in the page: not in the project without JavaScript (the every-page guard
 * scans the same pages in the other two). */
async function axe(page: Page) {
  if (test.info().project.use.javaScriptEnabled === false) return;
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** The files in a zip (an .xlsx), read from its central directory, and one of them inflated. */
function unzip(buffer: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  let at = buffer.readUInt32LE(end + 16);
  const count = buffer.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + size);
    files.set(name, method === 8 ? zlib.inflateRawSync(raw) : raw);
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

test("a coordinator reads every report, downloads its tables and prints the yearly report", async ({ page }) => {
  // Five pages, each with an axe scan, and the downloads: 35 s on a slow machine of the kind.
  test.setTimeout(90_000);
  await signInAs(page, "coordinator");

  await page.goto("/reports?preset=since_start");
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rapporten");
  const duos = page.getByTestId("report-duos");
  await expect(duos.getByRole("heading", { name: "Hoe lang duo's duren" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Aandeel duo's nog samen" })).toBeVisible();
  await expect(duos).toContainText("Mediane duur");
  await expect(duos).toContainText("Log-ranktoets");
  await expect(page.getByRole("region", { name: "Nog samen" })).toBeVisible();
  await axe(page);

  for (const [link, testId, chart] of [
    ["Wachten", "report-waiting", "De wachtlijst per week"],
    ["Activiteiten", "report-activity", "Check-ins per maand"],
    ["Buddy's", "report-buddies", "Buddy's"],
  ]) {
    await page.getByRole("navigation", { name: "Rapporten" }).getByRole("link", { name: link, exact: true }).click();
    await ready(page);
    await expect(page.getByTestId(testId)).toBeVisible();
    await expect(page.getByRole("img", { name: chart, exact: true })).toBeVisible();
    // The period travels along: still the whole history.
    await expect(page).toHaveURL(/preset=since_start/);
    await axe(page);
  }

  // Where buddies come from, and intervision: charts with their tables, and as CSV.
  const source = page.getByRole("img", { name: "Per bron: hoe hoorden ze van ons?" });
  await expect(source).toBeVisible();
  await expect(page.getByRole("region", { name: "Per bron: hoe hoorden ze van ons?" })).toBeVisible();
  const intervision = page.getByTestId("report-intervision");
  await expect(intervision.getByRole("img", { name: "Intervisie" })).toBeVisible();
  await expect(intervision).toContainText(/\d+ sessies; \d+ keer aanwezig op \d+ uitnodigingen/);
  const sourceCsv = await page.request.get(
    (await page.getByRole("link", { name: "Per bron: hoe hoorden ze van ons? (CSV)" }).getAttribute("href"))!,
  );
  expect(sourceCsv.status()).toBe(200);
  const sourceRows = (await sourceCsv.body()).subarray(3).toString("utf8").trim().split(/\r?\n/).map((l) => l.split(";"));
  expect(sourceRows[0][0]).toBe("Hoe hoorden ze van ons");
  expect(sourceRows.map((r) => r[0])).toContain("Geen antwoord");
  expect(sourceRows.length).toBeGreaterThan(3);

  // One table as CSV: a byte-order mark, semicolons, the same rows as on the page.
  await page.goto("/reports/waiting?preset=since_start");
  await ready(page);
  // Who left without a match, by the reason recorded at the closing.
  await expect(page.getByRole("region", { name: "Weg zonder match, per reden" })).toContainText("Wil geen buddy meer");
  const csvLink = page.getByRole("link", { name: "Per gender (CSV)" });
  const csv = await page.request.get((await csvLink.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trim().split(/\r?\n/).map((l) => l.split(";"));
  expect(lines[0].slice(0, 3)).toEqual(["Gender", "Mensen", "Gematcht"]);
  expect(lines.length).toBe(4);
  for (const row of lines.slice(1)) expect(row[1]).toMatch(/^(< 5|0|[5-9]|\d{2,})$/);

  // The report as a workbook: a zip with one sheet per table.
  const xlsxHref = await page.getByRole("link", { name: "Excel (xlsx)" }).getAttribute("href");
  const xlsx = await page.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  const files = unzip(await xlsx.body());
  const workbook = files.get("xl/workbook.xml")!.toString("utf8");
  for (const sheet of ["wait", "wait_by_municipality", "wait_by_gender", "waiting_weekly", "wait_left_reasons"]) {
    expect(workbook).toContain(`name="${sheet}"`);
  }
  expect(files.has("xl/worksheets/sheet4.xml")).toBeTruthy();

  // A period that ends before it starts: said at the fields, no figures.
  await page.getByLabel("Van", { exact: true }).fill("2026-05-01");
  await page.getByLabel("Tot en met", { exact: true }).fill("2026-04-01");
  await page.getByRole("button", { name: "Toon" }).click();
  await ready(page);
  await expect(page.getByRole("alert")).toHaveText("Het einde ligt vóór het begin.");
  await expect(page.getByLabel("Van", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("report-waiting")).toHaveCount(0);

  // A period without data says so.
  await page.goto("/reports?from=2001-01-01&to=2001-06-30");
  await ready(page);
  await expect(page.getByTestId("report-empty")).toHaveText("Geen gegevens in deze periode.");

  // The yearly report: every section, the coordinator's own text, and no menus on paper.
  await page.goto("/reports/print?preset=last_year");
  await ready(page);
  const report = page.getByTestId("print-report");
  await expect(report.getByRole("heading", { level: 1 })).toContainText("Jaarverslag");
  for (const id of ["report-duos", "report-waiting", "report-activity", "report-buddies"]) {
    await expect(report.getByTestId(id)).toBeVisible();
  }
  await page.getByLabel(/Korte tekst bij het verslag/).fill("Een goed jaar, met dank aan alle buddy's.");
  await axe(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-nav").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "Afdrukken of bewaren als pdf" })).toBeHidden();
  await expect(page.getByLabel(/Korte tekst/)).toHaveValue("Een goed jaar, met dank aan alle buddy's.");
});

test("the partner's screener sees the buddy funnel of its own candidates, nothing else", async ({ page }) => {
  await signInAs(page, "screener");
  await page.goto("/reports/buddies?preset=since_start");
  await ready(page);
  await expect(page.getByTestId("report-buddies")).toBeVisible();
  await expect(page.getByTestId("report-downloads")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Rapporten" })).toHaveCount(0);
  // The intervision the partner organises, with the programme: its figures, small ones hidden.
  await expect(page.getByTestId("report-intervision").getByRole("img", { name: "Intervisie" })).toBeVisible();
  // Counts from 1 to 4 are hidden ("< 5"): no cell shows 1, 2, 3 or 4.
  const cells = await page.locator("table.report-table td").allTextContents();
  expect(cells.length).toBeGreaterThan(0);
  expect(cells.filter((c) => /^[1-4]$/.test(c.trim()))).toEqual([]);
  await axe(page);
  for (const other of ["/reports", "/reports/waiting", "/reports/print"]) {
    await page.goto(other);
    await ready(page);
    await expect(page.getByTestId("report-duos")).toHaveCount(0);
    await expect(page.getByTestId("report-waiting")).toHaveCount(0);
    await expect(page.getByTestId("print-report")).toHaveCount(0);
  }
  const refused = await page.request.get("/reports/export/buddies.xlsx");
  expect(refused.status()).toBe(403);
});
