// Trunk post-build hook: finishes dist/ where Trunk cannot, because the page loads through boot.js (no inline
// loader script, so it runs under a strict Content-Security-Policy) and Trunk does not rewrite what boot.js names.
// - Minifies the JavaScript glue wasm-bindgen writes, and boot.js with its comments (release builds): about
//   1.7 KiB and 0.4 KiB brotli less for readers.
// - Shortens the names the WebAssembly and its glue share (release builds): about 4 KiB brotli less.
// - Names the app's files by their content (deal-calculator-<hash>.js, …), so a host can cache them for good
//   and a reader never runs one release's glue with another's WebAssembly. index.html and embed.js keep their
//   names: articles and links point at them.
// - Drops the `<link data-trunk rel="rust">` Trunk leaves in index.html, which browsers ignore.
// - With DEAL_PUBLIC_URL set (the address the site is published at, e.g. https://news.example/tools/deal/),
//   writes the link preview's picture as an absolute address, as the Open Graph protocol asks; without it the
//   address stays relative. No og:url: a shared scenario link must stay the address a preview opens.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const dir = process.env.TRUNK_STAGING_DIR;
const path = (name) => join(dir, name);

if (process.env.TRUNK_PROFILE === 'release') {
  const terse = async (code) => (await minify(code, { module: true, compress: true, mangle: true })).code;
  const source = await readFile(path('deal-calculator.js'), 'utf8');
  await writeFile(path('deal-calculator.js'), await terse(await shortenBoundary(source)));
  await writeFile(path('boot.js'), await terse(await readFile(path('boot.js'), 'utf8')));
}

/**
 * The names the WebAssembly and its glue share, made short. wasm-bindgen names each import after what it binds
 * plus 16 hex digits of hash (`__wbg_setAttribute_f75317b2b5cabfb4`), and the glue calls the module's exports by
 * their full names (`__wbindgen_malloc`, closure shims); each name the glue uses is written in both files, where
 * neither terser nor wasm-opt's optimisations may touch it alone. wasm-opt renames them all (the pass Emscripten
 * uses) and prints which became which; the glue, as wasm-bindgen wrote it (before terser, while the module's
 * exports are still read as `wasm.name`), follows that map. Any name the glue does not hold where expected stops
 * the build rather than shipping a module that cannot link.
 */
async function shortenBoundary(glue) {
  const file = path('deal-calculator_bg.wasm');
  const wasmOpt = fileURLToPath(new URL('../node_modules/binaryen/bin/wasm-opt', import.meta.url));
  // The stack-IR flags make wasm-opt write the code as compactly as the optimising run that made it.
  const map = JSON.parse(execFileSync(process.execPath, [wasmOpt, file, '--minify-imports-and-exports-and-modules',
    '--generate-stack-ir', '--optimize-stack-ir', '--optimize-level=2', '--shrink-level=2', '-o', file], { encoding: 'utf8' }));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(await readFile(file)));
  const fail = (what) => { throw new Error(`finish-dist: the glue ${what}`); };
  const literal = (name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const replaceAll = (text, pattern, to, count) => {
    const found = text.match(pattern)?.length ?? 0;
    if (count !== undefined && found !== count) fail(`names ${pattern} ${found} times, not ${count}`);
    return text.replace(pattern, () => to);
  };
  // One import module, named once, as the key of the object the glue hands the WebAssembly.
  const from = new Set(map.imports.map(([module]) => module));
  const to = new Set(imports.map(({ module }) => module));
  if (from.size !== 1 || to.size !== 1) fail(`expects one import module, not ${[...from]} → ${[...to]}`);
  glue = replaceAll(glue, new RegExp(`${literal(JSON.stringify([...from][0]))}(?=:)`, 'g'), JSON.stringify([...to][0]), 1);
  // Each import is one key of that object.
  for (const [, name, short] of map.imports) {
    glue = replaceAll(glue, new RegExp(`(?<![\\w$."'])${literal(name)}(?=:)`, 'g'), short, 1);
  }
  // The module's exports are read as properties of `wasm`, and only there; the glue's own exports keep their names.
  for (const [name, short] of map.exports) {
    glue = replaceAll(glue, new RegExp(`(?<![\\w$.])wasm\\.${literal(name)}(?![\\w$])`, 'g'), `wasm.${short}`);
  }
  const shorts = new Set(map.exports.map(([, short]) => short));
  for (const [, name] of glue.matchAll(/(?<![\w$.])wasm\.([\w$]+)/g)) {
    if (!shorts.has(name)) fail(`reads wasm.${name}, which the module does not export`);
  }
  return glue;
}

/** Replaces each name in a file; a name the file should hold but does not is an error, not a stale page. */
async function renameIn(file, names, { required = true } = {}) {
  let text = await readFile(path(file), 'utf8');
  for (const [from, to] of names) {
    if (!text.includes(from)) {
      if (required) throw new Error(`finish-dist: ${file} does not name ${from}`);
      continue;
    }
    text = text.split(from).join(to);
  }
  await writeFile(path(file), text);
}

/** Renames a file after its content. Called once the names inside it are final, so its hash covers them. */
async function hashed(file) {
  const digest = createHash('sha256').update(await readFile(path(file))).digest('hex').slice(0, 16);
  const dot = file.lastIndexOf('.');
  const named = `${file.slice(0, dot)}-${digest}${file.slice(dot)}`;
  await rename(path(file), path(named));
  return named;
}

const wasm = await hashed('deal-calculator_bg.wasm');
// The glue's own default path is unused (boot.js passes one) but kept true.
await renameIn('deal-calculator.js', [['deal-calculator_bg.wasm', wasm]], { required: false });
const glue = await hashed('deal-calculator.js');
await renameIn('boot.js', [['deal-calculator_bg.wasm', wasm], ['./deal-calculator.js', `./${glue}`]]);
const boot = await hashed('boot.js');
const css = await hashed('app.css');
await renameIn('index.html', [['deal-calculator_bg.wasm', wasm], ['deal-calculator.js', glue], ['boot.js', boot], ['app.css', css]]);
let html = (await readFile(path('index.html'), 'utf8')).replace(/<link[^>]*\bdata-trunk\b[^>]*>/g, '');
const publicUrl = process.env.DEAL_PUBLIC_URL;
if (publicUrl) {
  const site = new URL(publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`);
  if (!['http:', 'https:'].includes(site.protocol)) throw new Error(`finish-dist: DEAL_PUBLIC_URL must be http(s): ${publicUrl}`);
  // Trunk's minifier may have dropped the attribute's quotes.
  const picture = /content="?preview\.png"?(?=[\s>])/;
  if (!picture.test(html)) throw new Error('finish-dist: index.html names no preview.png');
  // A function, so a `$` in the address is not read as a replacement pattern.
  html = html.replace(picture, () => `content="${new URL('preview.png', site).href}"`);
}
await writeFile(path('index.html'), html);
