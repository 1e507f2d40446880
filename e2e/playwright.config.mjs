// End-to-end tests of the release build (dist/), served by tools/serve.mjs under the strict CSP the README gives
// hosts, once at / and once under a sub-path, driven in Debian's Chromium. No browser is downloaded.
import { defineConfig } from '@playwright/test';

const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

const server = (port, extra = '') => ({
  command: `node tools/serve.mjs --dir dist --port ${port} ${extra}`,
  url: `http://127.0.0.1:${port}${extra.includes('--base') ? '/tools/deal/' : '/'}`,
  reuseExistingServer: false,
  cwd: '..',
  timeout: 20_000,
});

export default defineConfig({
  testDir: '.',
  outputDir: 'results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
  },
  webServer: [
    server(4173),
    server(4174, '--base /tools/deal/'),
    // The article that embeds the calculator, on another origin (127.0.0.1 versus localhost, another port).
    { ...server(4175, '--no-csp'), command: 'node tools/serve.mjs --dir . --port 4175 --no-csp', url: 'http://127.0.0.1:4175/e2e/hosts/host.html' },
  ],
  projects: [
    { name: 'page at /', testMatch: /page\.spec\.mjs/, use: { baseURL: 'http://127.0.0.1:4173/' } },
    { name: 'page under /tools/deal/', testMatch: /page\.spec\.mjs/, use: { baseURL: 'http://127.0.0.1:4174/tools/deal/' } },
    { name: 'share links', testMatch: /links\.spec\.mjs/, use: { baseURL: 'http://127.0.0.1:4173/' } },
    { name: 'embed', testMatch: /embed\.spec\.mjs/, use: { baseURL: 'http://127.0.0.1:4175/' } },
    { name: 'hostile input', testMatch: /hostile\.spec\.mjs/, use: { baseURL: 'http://127.0.0.1:4173/' } },
    { name: 'accessibility', testMatch: /a11y\.spec\.mjs$/, use: { baseURL: 'http://127.0.0.1:4173/' } },
    { name: 'build', testMatch: /build\.spec\.mjs$/ },
  ],
});
