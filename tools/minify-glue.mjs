// Trunk post-build hook: minifies the JavaScript glue wasm-bindgen writes (Trunk leaves it as is), which saves
// readers about 1.7 KiB brotli. Release builds only; terser comes from the npm devDependencies.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

if (process.env.TRUNK_PROFILE === 'release') {
  const file = join(process.env.TRUNK_STAGING_DIR, 'deal-calculator.js');
  const source = await readFile(file, 'utf8');
  const { code } = await minify(source, { module: true, compress: true, mangle: true });
  await writeFile(file, code);
}
