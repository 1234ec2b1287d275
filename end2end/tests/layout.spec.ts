import { test, expect } from "@playwright/test";

// The same page at the sizes people use: a small phone, the phone project, a desktop.
for (const width of [360, 390, 1280]) {
  test(`the layout fits ${width} px without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
    const box = await nav.boundingBox();
    expect(box).not.toBeNull();
    if (width < 768) {
      // A bottom bar on a phone, with touch targets of at least 44 px.
      expect(box!.y + box!.height).toBeGreaterThanOrEqual(800 - 1);
      for (const link of await nav.getByRole("link").all()) {
        const linkBox = await link.boundingBox();
        expect(linkBox!.height).toBeGreaterThanOrEqual(44);
      }
    } else {
      // A sidebar on a desktop.
      expect(box!.x).toBe(0);
      expect(box!.height).toBeGreaterThan(400);
    }
  });
}
