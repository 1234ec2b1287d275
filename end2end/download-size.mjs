// Benchmark (bench/download.sh runs it; not a test): what a browser downloads to show a page
// and make it work, with an empty cache. Counts every response of the page load until the
// WebAssembly took over (`body[data-hydrated]`) and the network was quiet: bytes over the wire
// (as the server sent them, brotli where the browser asked for it) and bytes after decoding.
//
// node end2end/download-size.mjs <base url> <session cookie or "-"> <path>...
import { chromium } from "@playwright/test";

const [base, cookie, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const path of paths) {
  const context = await browser.newContext();
  if (cookie !== "-") {
    const [name, value] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const urls = new Map();
  const decoded = new Map();
  const wire = new Map();
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, new URL(e.request.url).pathname));
  cdp.on("Network.dataReceived", (e) =>
    decoded.set(e.requestId, (decoded.get(e.requestId) ?? 0) + e.dataLength),
  );
  cdp.on("Network.loadingFinished", (e) => wire.set(e.requestId, e.encodedDataLength));
  await page.goto(`${base}${path}`);
  await page.locator("body[data-hydrated=true]").waitFor({ timeout: 60_000 });
  await page.waitForLoadState("networkidle");
  const sum = (filter) => {
    let w = 0;
    let d = 0;
    let n = 0;
    for (const [id, url] of urls) {
      if (!filter(url) || !wire.has(id)) continue;
      n += 1;
      w += wire.get(id);
      d += decoded.get(id) ?? 0;
    }
    return { n, w, d };
  };
  const all = sum(() => true);
  const wasm = sum((u) => u.endsWith(".wasm"));
  const js = sum((u) => u.startsWith("/pkg/") && u.endsWith(".js"));
  const pageHtml = sum((u) => u === path);
  console.log(
    `${path}: ${all.n} responses, ${kb(all.w)} over the wire (${kb(all.d)} decoded); ` +
      `wasm ${wasm.n} files ${kb(wasm.w)} (${kb(wasm.d)}), js ${js.n} files ${kb(js.w)} (${kb(js.d)}), ` +
      `page ${kb(pageHtml.w)} (${kb(pageHtml.d)})`,
  );
  await context.close();
}
await browser.close();
