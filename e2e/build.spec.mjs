// The build's last step, tools/finish-dist.mjs, run on a staging folder of stand-in files: what it makes of the
// link preview's picture address, and the names a release build's WebAssembly and glue share. (The rest of what it
// does is covered by every page test, which loads its output.)
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const script = fileURLToPath(new URL('../tools/finish-dist.mjs', import.meta.url));

/** Runs the step as Trunk would, with `publicUrl` as DEAL_PUBLIC_URL; the index.html it leaves, or its error.
 *  `release` runs it as for a release build, on a stand-in module and glue. */
function finish(publicUrl, release) {
  const dir = mkdtempSync(join(tmpdir(), 'finish-dist-'));
  const files = {
    'deal-calculator_bg.wasm': 'wasm',
    'deal-calculator.js': "export default 'deal-calculator_bg.wasm';",
    ...release,
    'boot.js': "import init from './deal-calculator.js'; init('deal-calculator_bg.wasm');",
    'app.css': 'body{}',
    // As Trunk's minifier writes it: attribute values without quotes.
    'index.html': '<link href=app.css rel=stylesheet><link href=deal-calculator.js rel=modulepreload>'
      + '<link href=deal-calculator_bg.wasm rel=preload><script src=boot.js type=module></script>'
      + '<meta content=preview.png property=og:image><meta content=1200 property=og:image:width>',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const profile = release ? 'release' : 'debug';
  const env = { ...process.env, TRUNK_STAGING_DIR: dir, TRUNK_PROFILE: profile, DEAL_PUBLIC_URL: publicUrl };
  try {
    execFileSync(process.execPath, [script], { env, stdio: 'pipe' });
    return { html: readFileSync(join(dir, 'index.html'), 'utf8'), dir };
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

/** A module shaped as wasm-bindgen writes one: a hashed import from the glue's module, exports the glue reads. */
function standIn(glue) {
  const dir = mkdtempSync(join(tmpdir(), 'stand-in-'));
  writeFileSync(join(dir, 'm.wat'), `(module
    (import "./deal-calculator_bg.js" "__wbg_log_0123456789abcdef" (func $log (param i32)))
    (memory (export "memory") 1)
    (func (export "answer_to_everything") (result i32) (call $log (i32.const 42)) (i32.const 42)))`);
  const wasmAs = fileURLToPath(new URL('../node_modules/binaryen/bin/wasm-as', import.meta.url));
  execFileSync(process.execPath, [wasmAs, join(dir, 'm.wat'), '-o', join(dir, 'm.wasm')]);
  return { 'deal-calculator_bg.wasm': readFileSync(join(dir, 'm.wasm')), 'deal-calculator.js': glue };
}

const GLUE = `let wasm;
export function answer_to_everything() { return wasm.answer_to_everything(); }
export function memoryPages() { return wasm.memory.buffer.byteLength / 65536; }
const other = { memory: "not the module's" };
export function otherMemory() { return other.memory; }
export function imports(log) {
  return { "./deal-calculator_bg.js": { __wbg_log_0123456789abcdef: (value) => log(value) } };
}
export function attach(instance) { wasm = instance.exports; }
export default 'deal-calculator_bg.wasm';`;

test('a release build shortens the names the WebAssembly and its glue share, and the two still link', async () => {
  const { dir, error } = finish('', standIn(GLUE));
  expect(error).toBeUndefined();
  const [glue] = readdirSync(dir).filter((name) => /^deal-calculator-[0-9a-f]{16}\.js$/.test(name));
  const [wasm] = readdirSync(dir).filter((name) => name.endsWith('.wasm'));
  const text = readFileSync(join(dir, glue), 'utf8');
  expect(text).not.toContain('__wbg_log_0123456789abcdef');
  expect(text).not.toContain('deal-calculator_bg.js');
  expect(text).not.toContain('.answer_to_everything');
  // Linked and run: the renamed import is the glue's function, the renamed exports are what the glue reads.
  writeFileSync(join(dir, 'glue.mjs'), text);
  const module = await import(pathToFileURL(join(dir, 'glue.mjs')).href);
  const logged = [];
  const { instance } = await WebAssembly.instantiate(readFileSync(join(dir, wasm)), module.imports((value) => logged.push(value)));
  module.attach(instance);
  expect(module.answer_to_everything()).toBe(42);
  expect(logged).toEqual([42]);
  expect(module.memoryPages()).toBe(1);
  // A property of another object that shares an export's name is left alone.
  expect(module.otherMemory()).toBe("not the module's");
  expect(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(join(dir, wasm)))).every(({ name }) => name.length <= 2)).toBe(true);
});

test('a glue that does not name an import of its WebAssembly stops the build', () => {
  // A glue from another build: renaming what it does hold would ship a module that cannot link, so the build
  // stops and says which name is missing.
  const { html, error } = finish('', standIn(GLUE.replace('__wbg_log_0123456789abcdef:', '__wbg_log_fedcba9876543210:')));
  expect(html).toBeUndefined();
  expect(error).toMatch(/finish-dist: the glue names .*__wbg_log_0123456789abcdef.* 0 times, not 1/);
});

test('a glue that reads an export its WebAssembly does not have stops the build', () => {
  const { html, error } = finish('', standIn(GLUE.replace('return wasm.answer_to_everything()', 'return wasm.answer_to_nothing()')));
  expect(html).toBeUndefined();
  expect(error).toMatch(/finish-dist: the glue reads wasm\.answer_to_nothing, which the module does not export/);
});
