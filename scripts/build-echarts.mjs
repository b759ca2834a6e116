// Bundles scripts/echarts-entry.js into vendor/echarts.js with esbuild, unless the
// output is already newer than its inputs. Trunk runs this before each build
// (Trunk.toml pre_build hook) and then hashes the file like any other asset.
import { build } from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'scripts/echarts-entry.js');
const out = join(root, 'vendor/echarts.js');
const inputs = [entry, join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
if (existsSync(out) && inputs.every((p) => mtime(p) <= mtime(out))) {
  process.exit(0);
}

const started = Date.now();
await build({
  entryPoints: [entry],
  outfile: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`[echarts] built vendor/echarts.js (${Math.round(statSync(out).size / 1024)} KB) in ${Date.now() - started} ms`);
