// The browser's files: a page names exactly the hashed files the site folder holds, a phone
// keeps them a year (a new build has new names), and they come precompressed as built.

import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test } from "@playwright/test";

const siteRoot = process.env.LEPTOS_SITE_ROOT ?? path.join(__dirname, "..", "..", "target/site");
const HASHED = /^klik\.[A-Za-z0-9_-]{22}\.(js|wasm|css)$/;

/** The files under /pkg/ that a page's HTML names (links, the hydration script). */
function pkgFiles(html: string): string[] {
  const named = new Set<string>();
  for (const m of html.matchAll(/\/pkg\/([A-Za-z0-9._-]+)/g)) named.add(m[1]);
  // The hydration script names the js and wasm without folder or extension:
  // (root, "pkg", "klik.<js hash>", "klik.<wasm hash>", defer).
  for (const m of html.matchAll(/"pkg", "(klik\.[A-Za-z0-9_-]{22})", "(klik\.[A-Za-z0-9_-]{22})"/g)) {
    named.add(`${m[1]}.js`);
    named.add(`${m[2]}.wasm`);
  }
  return [...named].sort();
}

test("every page names exactly the built files, and those are kept a year", async ({ request }) => {
  const built = fs
    .readdirSync(path.join(siteRoot, "pkg"))
    .filter((f) => HASHED.test(f))
    .sort();
  expect(built.map((f) => f.split(".").pop()).sort()).toEqual(["css", "js", "wasm"]);

  for (const page of ["/login", "/privacy", "/register", "/no-such-page"]) {
    const reply = await request.get(page);
    expect(reply.headers()["cache-control"], page).toBe("no-store");
    const named = pkgFiles(await reply.text());
    expect(named, page).toEqual(built);
  }
  for (const file of built) {
    const reply = await request.get(`/pkg/${file}`, { headers: { "Accept-Encoding": "br" } });
    expect(reply.status(), file).toBe(200);
    expect(reply.headers()["cache-control"], file).toBe("public, max-age=31536000, immutable");
    // The brotli file made at build time, served as it is.
    expect(reply.headers()["content-encoding"], file).toBe("br");
    const onDisk = fs.statSync(path.join(siteRoot, "pkg", `${file}.br`)).size;
    expect(Number(reply.headers()["content-length"]), file).toBe(onDisk);
  }
  // Files without a hash in their name are asked again before each use.
  for (const file of ["/sw.js", "/favicon.svg", "/manifest.webmanifest"]) {
    const reply = await request.get(file);
    expect(reply.headers()["cache-control"], file).toBe("no-cache");
  }
});

test("a second visit loads the bundle from the phone's cache @js", async ({ page }) => {
  // Chromium's own account of each response: from the network, or from its cache.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const fromNetwork: string[] = [];
  cdp.on("Network.responseReceived", (e) => {
    const r = e.response;
    if (r.url.includes("/pkg/") && !r.fromDiskCache && !r.fromMemoryCache) {
      fromNetwork.push(new URL(r.url).pathname);
    }
  });
  await page.goto("/login");
  await page.locator("body[data-hydrated=true]").waitFor();
  expect(fromNetwork.length, "the first visit downloads the bundle").toBeGreaterThanOrEqual(3);
  fromNetwork.length = 0;
  // A new page load (not a client-side navigation): nothing under /pkg/ over the network, not
  // even a question whether it changed.
  await page.goto("/privacy");
  await page.locator("body[data-hydrated=true]").waitFor();
  expect(fromNetwork).toEqual([]);
});
