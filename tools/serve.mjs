// A small static server for dist/: the one `./dev serve` and the end-to-end tests use. It sends the strict
// Content-Security-Policy the README gives hosts (so every test runs under it), serves .wasm with its MIME type,
// can mount the site under a sub-path, and allows cross-origin reads so a sandboxed iframe (opaque origin) can
// still load the app's module script.
//   node tools/serve.mjs --dir dist --port 8080 [--base /tools/deal/] [--no-csp] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(option('--dir', 'dist'));
const port = Number(option('--port', '8080'));
const host = option('--host', '127.0.0.1');
const base = option('--base', '/');
const csp = !args.includes('--no-csp');

export const POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// Room for the 100 KB links the hostile-input tests send (Node's default refuses request lines over 16 KB).
createServer({ maxHeaderSize: 1 << 20 }, async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base)) {
    response.writeHead(404).end('not found');
    return;
  }
  path = '/' + path.slice(base.length);
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(root, path));
  if (!file.startsWith(root)) {
    response.writeHead(403).end('forbidden');
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    const headers = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'Access-Control-Allow-Origin': '*',
    };
    if (csp && extname(file) === '.html') headers['Content-Security-Policy'] = POLICY;
    response.writeHead(200, headers).end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}).listen(port, host, () => {
  console.log(`serving ${root} at http://${host}:${port}${base}${csp ? ' (with CSP)' : ''}`);
});
