import { test, expect } from "@playwright/test";
import { ADMIN, signIn } from "../support";

// The admin's outgoing mail on a small phone: cards, no sideways scrolling. The test server
// has no KLIK_SMTP_URL, so the page says that delivery is not set up.
test("the outbox fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Uitgaande mail");
  await expect(page.getByTestId("outbox-pending")).toBeVisible();
  await expect(page.getByText("KLIK_SMTP_URL")).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
