// Benchmark (bench/lighthouse.sh runs it; not a test): how long until the buddy's home works
// on Lighthouse's mobile profile (slow 4G: 150 ms, 1.6 Mbit/s down; 4× slower processor),
// first with an empty cache, then reloaded with Klik's files cached. "Works" is the moment
// the WebAssembly took over (`body[data-hydrated]`); before it, forms still post as HTML.
//
// node end2end/hydration-time.mjs <base url> <session cookie> [runs] [path] [desktop]
// (path: the page, `/` by default; "desktop" as fifth argument: no throttling, a wide window)
import { chromium } from "@playwright/test";

const [base, cookie, runs = "5", path = "/", profile = "phone"] = process.argv.slice(2);
const desktop = profile === "desktop";
const [name, value] = cookie.split(/=(.*)/s);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cold = [];
const warm = [];
for (let run = 0; run < Number(runs); run++) {
  const context = await browser.newContext(
    desktop
      ? { viewport: { width: 1280, height: 800 } }
      : { viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true },
  );
  await context.addCookies([{ name, value, url: base }]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  if (!desktop) {
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  }
  for (const into of [cold, warm]) {
    const started = Date.now();
    await page.goto(`${base}${path}`, { waitUntil: "commit" });
    await page.locator("body[data-hydrated=true]").waitFor({ timeout: 120_000 });
    into.push(Date.now() - started);
  }
  await context.close();
}
await browser.close();
console.log(
  `${path}: until the first button works (${desktop ? "desktop, no throttling" : "slow 4G, 4x CPU"}), ${runs} runs: empty cache median ${median(cold)} ms [${cold.join(", ")}], files cached median ${median(warm)} ms [${warm.join(", ")}]`,
);
