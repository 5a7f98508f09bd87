// The core's emscripten builds, which are copied beside the page at build time
// (scripts/build-web.sh), not kept in www/: what their imports give, for tsc (tsconfig.json).
declare module '*/greenapply.mjs' {
  const createGreenapply: () => Promise<import('./boundary').GreenapplyModule>;
  export default createGreenapply;
}
declare module '*/greenapply-full.mjs' {
  const createGreenapply: () => Promise<import('./boundary').GreenapplyModule>;
  export default createGreenapply;
}
declare module '*/organiser.mjs' {
  const createOrganiser: () => Promise<import('./boundary').OrganiserModule>;
  export default createOrganiser;
}
// The offline single files define the factories as globals (classic scripts).
declare var createOrganiser: (() => Promise<import('./boundary').OrganiserModule>) | undefined;
