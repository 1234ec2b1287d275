// The buddy's phone, on a server of its own with the demo programme and a clock that the
// test moves forward (KLIK_TEST_CLOCK): a buddy plans, moves, confirms and checks in; then
// a coordinator sees the duo flagged once its last activity is too long ago.
// Phone project only (see playwright.config.ts): one clock, one story, in order.

import { type Page, expect, test } from "@playwright/test";
import { CLOCK_URL, advanceDays as advanceClock, ready, signInDemo } from "../support";

test.describe.configure({ mode: "serial" });

const signIn = (page: Page, role: string) => signInDemo(page, CLOCK_URL, "clock", role);

let duoId = "";

test("a buddy plans, moves, confirms and checks in on the phone", async ({ page }) => {
  const errors: string[] = [];
  // The refused plan below answers 422 on purpose: the browser logs that, nothing else may.
  page.on(
    "console",
    (m) => m.type() === "error" && !m.text().includes("status of 422") && errors.push(m.text()),
  );
  await signIn(page, "buddy");

  // Home: their duo, the next activity, a button to plan one; all within 360 px.
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Hallo");
  const duo = page.locator("section.buddy-duo").first();
  await expect(duo.getByRole("heading", { level: 2 })).toContainText("Jouw duo met");
  await expect(duo.getByTestId("next-activity")).toBeVisible();
  const plan = duo.getByRole("link", { name: "Plan een activiteit" });
  duoId = (await plan.getAttribute("href"))!.split("/")[3];
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(page.viewportSize()!.width);

  // Plan: a walk, in a week (the form's default) at 14:00, in the park.
  await plan.click();
  await ready(page);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Activiteit plannen");
  // A refusal first: no kind chosen.
  await page.getByLabel("Waar spreken jullie af?").fill("Vrijbroekpark");
  await page.getByRole("button", { name: "Plannen" }).click();
  await expect(page.locator(".field-error").first()).toBeVisible();
  await page.getByLabel("Wandeling").check();
  await page.getByRole("button", { name: "Plannen" }).click();
  await page.waitForURL(`${CLOCK_URL}/`);
  await expect(page.locator("section.buddy-duo").first()).toBeVisible();

  // Move the demo's planned activity (the next one) to half past four.
  await page.getByRole("link", { name: "Verplaatsen of afzeggen" }).first().click();
  await ready(page);
  const move = page.locator("#reschedule");
  await move.getByLabel("Uur", { exact: true }).fill("16:30");
  await move.getByRole("button", { name: "Verplaatsen" }).click();
  await page.waitForURL(`${CLOCK_URL}/`);
  await expect(page.getByTestId("next-activity").first()).toContainText("16:30");

  // Eight days later both have happened: the phone asks whether they did.
  await advanceClock(page, CLOCK_URL, 8);
  await signIn(page, "buddy");
  const prompts = page.getByRole("button", { name: "Ja, het ging door" });
  await expect(prompts).toHaveCount(2);
  await prompts.first().click();
  await page.waitForURL(/\/buddy\/activities\/\d+#checkin$/);
  await ready(page);

  // The check-in: a face and a word, and a note for the coordinator.
  await page.getByText("Goed", { exact: true }).click();
  await page.getByLabel(/Iets voor je coördinator/).fill("Fijne namiddag gehad.");
  await page.getByRole("button", { name: "Bewaren" }).click();
  await page.waitForURL(`${CLOCK_URL}/`);
  await expect(page.getByRole("button", { name: "Ja, het ging door" })).toHaveCount(1);
  await expect(page.getByText("Vertel hoe het ging")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("a coordinator sees the duo flagged when its last activity is too old", async ({ page }) => {
  expect(duoId).not.toEqual("");
  await signIn(page, "coordinator");
  const row = page.locator(`li.cadence-item[data-duo="${duoId}"]`);
  await expect(row).toBeVisible();
  await expect(row).not.toContainText("stilgevallen");

  // A month without any activity: rhythm (3 weeks) plus margin (7 days) is passed.
  await advanceClock(page, CLOCK_URL, 30);
  await signIn(page, "coordinator");
  await expect(row).toContainText("stilgevallen");
  await expect(page.getByTestId("cadence-summary")).toContainText("aandacht");

  // The duo's own page lists its activities with the buddy's check-in.
  await row.getByRole("link").click();
  await ready(page);
  const list = page.getByTestId("duo-activities");
  await expect(list).toContainText("Fijne namiddag gehad.");
  await expect(list).toContainText("Goed");
});
