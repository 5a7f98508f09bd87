// Preloads the files of the form the address asks for (#form=<package>, else the default form),
// so the browser fetches them while the page's module loads, instead of one round after another
// as the modules discover them. A deferred classic script in <head>, run before the module:
// static <link rel=preload> tags cannot see the hash, and preloaded the default form's
// files for every form. scripts/site-build.mjs fills in the packages' files; unbuilt, it preloads
// nothing. crossorigin: fetch() is a CORS-mode request, and a preload is only reused by a
// request of the same mode.
(() => {
  const files = {}; // build:package-files
  const fallback = ''; // build:default-package
  const wanted = new URLSearchParams(location.hash.slice(1)).get('form');
  const chosen = Object.hasOwn(files, wanted) ? wanted : fallback;
  for (const href of files[chosen] ?? []) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.type = 'application/json';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
})();
