// The page says it is ready to use (the form loaded, its first evaluation rendered) by setting
// data-ready="1" on <body> (www/js/main.js); every test waits for that before it acts.
export const pageReady = (page, options) =>
  page.waitForFunction(() => document.body?.dataset.ready === '1', null, options);
