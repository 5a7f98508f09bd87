// Preloads the files of the form the address asks for (#form=<package>, else the default form),
// so the browser fetches them while the page's module loads, instead of one round after another
// as the modules discover them. A deferred classic script in <head>, run before the module:
// static <link rel=preload> tags cannot see the hash, and preloaded the default form's
// files for every form. scripts/site-build.mjs fills in the packages' files; unbuilt, it preloads
// nothing. crossorigin: fetch() is a CORS-mode request, and a preload is only reused by a
// request of the same mode.
// It also chooses the core (www/js/core.js): a need form (a matcher) runs on the full core,
// every other form on the small one, which has no writers or matcher; the choice is left on
// <html data-ga-core> for core.js, which starts loading that one at once.
(() => {
  const files = {}; // build:package-files
  const fallback = ''; // build:default-package
  const onFullCore = []; // build:full-core-packages
  const wanted = new URLSearchParams(location.hash.slice(1)).get('form');
  const chosen = Object.hasOwn(files, wanted) ? wanted : fallback;
  const preload = (href, as, type, rel = 'preload') => {
    const link = document.createElement('link');
    link.rel = rel;
    if (as) link.as = as;
    if (type) link.type = type;
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  };
  if (!chosen) return;
  const core = onFullCore.includes(chosen) ? 'greenapply-full' : 'greenapply';
  document.documentElement.dataset.gaCore = core === 'greenapply' ? 'small' : 'full';
  // The wasm's download starts before any module runs; the glue compiles it from that stream.
  preload(`${core}.mjs`, null, null, 'modulepreload');
  preload(`${core}.wasm`, 'fetch', 'application/wasm');
  for (const href of files[chosen] ?? []) preload(href, 'fetch', 'application/json');
})();
