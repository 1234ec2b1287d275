// The browser's files: a page names exactly the hashed files the site folder holds, a phone
// keeps them a year (a new build has new names), and they come precompressed as built.

import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test } from "@playwright/test";

const siteRoot = process.env.LEPTOS_SITE_ROOT ?? path.join(__dirname, "..", "..", "target/site");
// `klik.<hash>.js`, the split-off views' `split_<group>.<hash>.wasm` and their loader
// `__wasm_split.<hash>.js` (`cargo leptos build --split`, see app/src/pages/lazy.rs).
const HASHED = /^[A-Za-z0-9_]+\.[A-Za-z0-9_-]{22}\.(js|wasm|css)$/;

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
  const pkg = path.join(siteRoot, "pkg");
  const built = fs.readdirSync(pkg).filter((f) => HASHED.test(f)).sort();
  const main = built.filter((f) => f.startsWith("klik."));
  expect(main.map((f) => f.split(".").pop()).sort()).toEqual(["css", "js", "wasm"]);
  const loader = built.filter((f) => f.startsWith("__wasm_split."));
  expect(loader).toHaveLength(1);
  const loaderText = fs.readFileSync(path.join(pkg, loader[0]), "utf8");
  // The main bundle's script imports the loader; the loader fetches the split-off files.
  const mainJs = main.find((f) => f.endsWith(".js")) ?? "";
  const fetched = fs.readFileSync(path.join(pkg, mainJs), "utf8") + loaderText;

  // Every page names the main bundle; a page of the public group also its group's file and the
  // loader, for the browser to fetch them alongside (the buddy's pages: the main bundle only).
  const named = new Set<string>();
  for (const page of ["/login", "/no-such-page", "/privacy", "/register"]) {
    const reply = await request.get(page);
    expect(reply.headers()["cache-control"], page).toBe("no-store");
    const files = pkgFiles(await reply.text());
    for (const file of main) expect(files, page).toContain(file);
    for (const file of files) {
      expect(built, `${page} names ${file}`).toContain(file);
      named.add(file);
    }
    const lazy = page === "/privacy" || page === "/register";
    expect(files.some((f) => f.startsWith("split_public_page_")), page).toBe(lazy);
    expect(files.includes(loader[0]), page).toBe(lazy);
    if (!lazy) expect(files, page).toEqual(main);
  }
  // Every other built file is one the bundle can fetch: nothing is left over, nothing missing.
  for (const file of built) {
    if (!named.has(file)) expect(fetched, file).toContain(file);
  }
  for (const m of loaderText.matchAll(/[A-Za-z0-9_]+\.[A-Za-z0-9_-]{22}\.wasm/g)) {
    expect(built, `the loader names ${m[0]}`).toContain(m[0]);
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
  // Chromium's own account of each response: from the network, or from its cache. Its flags
  // once called a module served from the cache (no byte over the wire) a network response, so
  // a file counts only when bytes came for it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const fromNetwork: string[] = [];
  const cached = new Set<string>();
  const asked = new Map<string, string>();
  cdp.on("Network.requestServedFromCache", (e) => cached.add(e.requestId));
  cdp.on("Network.responseReceived", (e) => {
    const r = e.response;
    if (r.url.includes("/pkg/") && !r.fromDiskCache && !r.fromMemoryCache) {
      asked.set(e.requestId, new URL(r.url).pathname);
    }
  });
  cdp.on("Network.loadingFinished", (e) => {
    const file = asked.get(e.requestId);
    if (file && !cached.has(e.requestId) && e.encodedDataLength > 0) fromNetwork.push(file);
  });
  // A page of the public group: the main bundle, the loader and the group's file.
  await page.goto("/privacy");
  await page.locator("body[data-hydrated=true]").waitFor();
  expect(fromNetwork.some((f) => /\/split_public_page_/.test(f)), fromNetwork.join()).toBe(true);
  expect(fromNetwork.length, "the first visit downloads the bundle").toBeGreaterThanOrEqual(4);
  fromNetwork.length = 0;
  // New page loads (not client-side navigations), of the same group and of the main bundle's:
  // nothing under /pkg/ over the network, not even a question whether it changed.
  for (const next of ["/register", "/login"]) {
    await page.goto(next);
    await page.locator("body[data-hydrated=true]").waitFor();
    expect(fromNetwork, next).toEqual([]);
  }
});
