// Registers Klik's service worker (/sw.js, scope /), which only shows the offline page when
// the network is gone. A separate file, so that the Content-Security-Policy needs no
// exception for it.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {
      // No service worker (private mode, old browser): Klik works as before, only online.
    });
  });
}
