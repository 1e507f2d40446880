// The build's last step, tools/finish-dist.mjs, run on a staging folder of stand-in files: what it makes of the
// link preview's picture address. (The rest of what it does is covered by every page test, which loads its output.)
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('../tools/finish-dist.mjs', import.meta.url));

/** Runs the step as Trunk would, with `publicUrl` as DEAL_PUBLIC_URL; the index.html it leaves, or its error. */
function finish(publicUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'finish-dist-'));
  const files = {
    'deal-calculator_bg.wasm': 'wasm',
    'deal-calculator.js': "export default 'deal-calculator_bg.wasm';",
    'boot.js': "import init from './deal-calculator.js'; init('deal-calculator_bg.wasm');",
    'app.css': 'body{}',
    // As Trunk's minifier writes it: attribute values without quotes.
    'index.html': '<link href=app.css rel=stylesheet><link href=deal-calculator.js rel=modulepreload>'
      + '<link href=deal-calculator_bg.wasm rel=preload><script src=boot.js type=module></script>'
      + '<meta content=preview.png property=og:image><meta content=1200 property=og:image:width>',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const env = { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: 'debug', DEAL_PUBLIC_URL: publicUrl };
  try {
    execFileSync(process.execPath, [script], { env, stdio: 'pipe' });
    return { html: readFileSync(join(dir, 'index.html'), 'utf8') };
  } catch (error) {
    return { error: String(error.stderr) };
  }
}

test('without a public address, the preview picture is named relative to the page', () => {
  const { html, error } = finish('');
  expect(error).toBeUndefined();
  expect(html).toContain('<meta content=preview.png property=og:image>');
});

test("with DEAL_PUBLIC_URL, the preview picture's address is absolute, as link previews want", () => {
  for (const site of ['https://news.example/tools/deal/', 'https://news.example/tools/deal']) {
    const { html, error } = finish(site);
    expect(error).toBeUndefined();
    expect(html).toContain('<meta content="https://news.example/tools/deal/preview.png" property=og:image>');
    // Only the picture: the width beside it is untouched, and no og:url pins every shared scenario to one page.
    expect(html).toContain('<meta content=1200 property=og:image:width>');
    expect(html).not.toContain('og:url');
  }
});

test('an address with a $ or a quote in it is written as it is, escaped where it must be', () => {
  const { html, error } = finish('https://news.example/$&"deal"/');
  expect(error).toBeUndefined();
  expect(html).toContain('<meta content="https://news.example/$&%22deal%22/preview.png" property=og:image>');
});

test('a DEAL_PUBLIC_URL that is not a web address stops the build with a message', () => {
  for (const site of ['ftp://news.example/', 'news.example/tools/deal']) {
    const { html, error } = finish(site);
    expect(html).toBeUndefined();
    expect(error).toMatch(/DEAL_PUBLIC_URL|Invalid URL/);
  }
});
