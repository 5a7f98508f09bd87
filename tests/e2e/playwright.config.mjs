// Browser tests against build/site (bash scripts/build-web.sh) or $E2E_SITE, served by python3 on a free
// loopback port. Debian's chromium is used as is: no browser is downloaded.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8791);
// E2E_SITE: another assembled site folder, from the repository's root (WASM_PREBUILT=1
// SITE=build/site-mine bash scripts/build-web.sh, then E2E_SITE=build/site-mine).
const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..', process.env.E2E_SITE ?? 'build/site');

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  timeout: 60_000,
  workers: 2,
  // One retry: a test that fails and then passes is reported as "flaky" in the summary (and still
  // fails the run if it fails twice). The shared 2-core CI machine once lost a browser event
  // (organiser.spec's file chooser, 2026-12-07; 20 repeats under load here passed); a retry keeps
  // such a stall from sinking a run while the summary keeps it in sight.
  retries: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
             '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory ${site}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'ignore',
    timeout: 30_000,
  },
});
