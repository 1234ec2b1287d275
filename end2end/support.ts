// Shared by the Playwright configuration and the tests.

export const PORT = Number(process.env.KLIK_E2E_PORT ?? 3100);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
// A second server on an empty database, for the first start.
export const FRESH_PORT = PORT + 1;
export const FRESH_URL = `http://127.0.0.1:${FRESH_PORT}`;

// The admin that the main server starts with (made by `klik create-admin`).
export const ADMIN = {
  email: "beheer@example.be",
  name: "Bea Beheerder",
  password: "drie blauwe fietsen in Mechelen",
};

import { type Page, test } from "@playwright/test";

/** Waits until the page is interactive, in the projects that run JavaScript; a click before
 * hydration would otherwise race the form's own handler. */
export async function ready(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) {
    await page.locator("body[data-hydrated=true]").waitFor();
  }
}
