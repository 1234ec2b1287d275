(function (js, wasm) {
  const start = () =>
    import(js).then((bundle) =>
      bundle.default({ module_or_path: wasm }).then(() => bundle.hydrate()),
    );
  const whenIdle = () =>
    "requestIdleCallback" in window ? window.requestIdleCallback(start, { timeout: 2000 }) : start();
  // The next frame is the page's first paint; idle after it.
  window.requestAnimationFrame(() => window.setTimeout(whenIdle, 0));
})
