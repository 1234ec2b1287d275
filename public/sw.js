// Klik's service worker. Two jobs: when the network is gone, a page that is opened shows
// Klik's offline page instead of the browser's error; and a buddy's home page stays
// readable as last seen, so that they can confirm or check in at a bus stop without network
// (the answers wait on the phone, see app/src/components/offline.rs).
//
// Nothing else is cached, on purpose: pages carry personal data and come from the network;
// server functions and forms (POST) are not touched at all. The buddy's home is kept only
// when the server marks it so (header `klik-offline: buddy-home`, on the buddy's own home),
// is replaced each time it is loaded, removed as soon as `/` answers anything else (signed
// out, another account), and cleared with all storage when the buddy signs out
// (`Clear-Site-Data: "storage"`).

const CACHE = "klik-offline-v1";
const HOME_CACHE = "klik-home-v1";
const HOME = "/";
const OFFLINE_URL = "/offline.html";
const PRECACHE = [OFFLINE_URL, "/offline.css", "/favicon.svg", "/icons/icon-192.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("klik-") && key !== CACHE && key !== HOME_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  // Server functions and forms without JavaScript: straight to the network, never cached.
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === "navigate" && url.pathname === HOME) {
    event.respondWith(home(request));
    return;
  }
  if (request.mode === "navigate") {
    // Network only; the offline page when there is no network at all.
    event.respondWith(
      fetch(request).catch(() =>
        caches.match(OFFLINE_URL).then((page) => page || Response.error()),
      ),
    );
    return;
  }
  // The offline page's own files, also while offline.
  if (PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(url.pathname).then((cached) => cached || fetch(request)));
  }
});

// The home page from the network, kept when it is the buddy's own; without network the kept
// one, else the offline page.
function home(request) {
  return fetch(request)
    .then((response) => {
      const keep = response.ok && response.headers.get("klik-offline") === "buddy-home";
      const copy = response.clone();
      return caches
        .open(HOME_CACHE)
        .then((cache) => (keep ? cache.put(HOME, copy) : cache.delete(HOME)))
        .catch(() => undefined)
        .then(() => response);
    })
    .catch(() =>
      caches
        .open(HOME_CACHE)
        .then((cache) => cache.match(HOME))
        .then((kept) => kept || caches.match(OFFLINE_URL))
        .then((page) => page || Response.error()),
    );
}
