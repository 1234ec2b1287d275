import { test, expect, type Browser, type Page } from "@playwright/test";
import { ADMIN, ready, signIn, totpCode, uniqueEmail } from "../support";

const PASSWORD = "zeven gele tulpen aan de Zandpoort";

/** The admin invites someone; answers the link shown to pass on. */
async function invite(page: Page, name: string, email: string, role: string): Promise<string> {
  await signIn(page, ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await page.goto("/admin/users");
  await ready(page);
  const form = page.getByRole("region", { name: "Iemand uitnodigen" });
  await form.getByLabel("Naam").fill(name);
  await form.getByLabel("E-mailadres").fill(email);
  await form.getByLabel("Rol").selectOption({ label: role });
  await form.getByRole("button", { name: "Uitnodigen" }).click();
  const link = page.getByTestId("invite-link");
  await expect(link).toBeVisible();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();
  return link.inputValue();
}

/** The invitee opens the link in their own browser and chooses a password. */
async function accept(browser: Browser, link: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(link);
  await ready(page);
  await page.getByLabel("Nieuw wachtwoord").fill(PASSWORD);
  await page.getByRole("button", { name: "Wachtwoord kiezen en aanmelden" }).click();
  // Signed in and on the home page (whose heading is the same as the welcome page's).
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn account" })).toBeVisible();
  return page;
}

test("an invited buddy signs in and is refused the coordinators' pages @js", async ({ page, browser }) => {
  const email = uniqueEmail("buddy");
  const link = await invite(page, "Bram Buddy", email, "Buddy");
  expect(link).toMatch(/\/welcome\?token=[A-Za-z0-9_-]{43}$/);

  const buddy = await accept(browser, link);
  const nav = buddy.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(nav.getByRole("link", { name: "Gebruikers" })).toHaveCount(0);
  await buddy.goto("/admin/users");
  await expect(buddy.getByRole("alert")).toContainText("Je hebt geen toegang tot deze gegevens.");

  // The link worked once.
  await buddy.goto(link);
  await expect(buddy.getByRole("alert")).toContainText("niet meer geldig");
});

test("a coordinator turns on two-step sign-in and signs in with a code, then a recovery code @js", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("coordinator");
  const link = await invite(page, "Chris Coördinator", email, "Coördinator");
  const me = await accept(browser, link);

  await me.goto("/account");
  await ready(me);
  await me.getByRole("button", { name: "Tweestapsaanmelding aanzetten" }).click();
  await expect(me.getByRole("img", { name: "QR-code voor je authenticatie-app" })).toBeVisible();
  const secret = await me.getByTestId("totp-secret").innerText();
  // A wrong code first: said at the field, nothing lost.
  await me.getByLabel("Code", { exact: true }).fill("12345");
  await me.getByRole("button", { name: "Code bevestigen" }).click();
  await expect(me.getByText("Deze waarde is niet geldig.")).toBeVisible();
  // The refused code makes the page ask the status again; type once that answer has redrawn
  // the form (a person takes longer than that to read the message).
  await me.waitForLoadState("networkidle");
  await me.getByLabel("Code", { exact: true }).fill(totpCode(secret));
  await me.getByRole("button", { name: "Code bevestigen" }).click();
  const codes = me.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const recovery = await codes.first().innerText();
  await expect(me.getByText("Tweestapsaanmelding staat aan.")).toBeVisible();

  await me.getByRole("button", { name: "Afmelden" }).click();
  await expect(me).toHaveURL(/\/login$/);

  // Password, then a code from the app (the next one: the last was used to confirm).
  await signIn(me, email, PASSWORD);
  await expect(me).toHaveURL(/\/login\/code$/);
  await ready(me);
  await me.getByLabel("Code", { exact: true }).fill(totpCode(secret, 30));
  await me.getByRole("button", { name: "Bevestigen" }).click();
  await expect(me.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
  await me.getByRole("button", { name: "Afmelden" }).click();

  // Password, then a recovery code.
  await signIn(me, email, PASSWORD);
  await expect(me).toHaveURL(/\/login\/code$/);
  await ready(me);
  await me.getByLabel("Code", { exact: true }).fill(recovery);
  await me.getByRole("button", { name: "Bevestigen" }).click();
  await expect(me.getByRole("heading", { level: 1 })).toHaveText("Welkom bij Klik");
});

test("a wrong code at the second step is said plainly", async ({ page }) => {
  // Without a pending sign-in, the code page sends people back to start over.
  await page.goto("/login/code");
  await ready(page);
  await page.getByLabel("Code", { exact: true }).fill("123456");
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await expect(page.getByRole("alert")).toContainText("niet meer geldig");
  await expect(page.getByRole("link", { name: "Opnieuw aanmelden" })).toBeVisible();
});

test("an unknown invitation link says it is no longer valid", async ({ page }) => {
  const reply = await page.goto("/welcome?token=verzonnen");
  expect(reply?.status()).toBe(410);
  await expect(page.getByRole("alert")).toContainText("niet meer geldig");
});
