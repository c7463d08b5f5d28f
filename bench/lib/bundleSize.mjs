// What the app fetches before Monaco is asked for: index.html's module script, its modulepreload
// links and their static imports (dynamic import() chunks are left out), gzip-sized like Vite's report.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

// `import{a}from"./x.js"`, `import x from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"` — not import("…")
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`]([^"'`\s]+\.js)["'`]/g;

const gzipKb = (bytes) => gzipSync(bytes, { level: 9 }).length / 1024;

/** `path` (site-absolute or relative to `from`) as a path inside dist. */
function resolveAsset(path, from) {
  if (path.startsWith('/')) return path.slice(1);
  return posix.normalize(posix.join(posix.dirname(from), path));
}

/** The files `entries` load statically, transitively, with their gzip sizes. */
function closure(dist, entries) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    const bytes = readFileSync(join(dist, file));
    seen.set(file, gzipKb(bytes));
    for (const [, spec] of bytes.toString('utf8').matchAll(STATIC_IMPORT)) {
      if (spec.startsWith('.') || spec.startsWith('/')) visit(resolveAsset(spec, file));
    }
  };
  entries.forEach(visit);
  const files = Object.fromEntries([...seen].map(([file, kb]) => [file, Math.round(kb * 10) / 10]));
  return { kb: [...seen.values()].reduce((a, b) => a + b, 0), files };
}

export function measureBundle(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
  ].map((src) => resolveAsset(src, 'index.html'));
  const initial = closure(dist, entries);
  const workers = readdirSync(join(dist, 'assets')).filter((f) => /^engine\.worker-.*\.js$/.test(f));
  const worker = closure(
    dist,
    workers.map((f) => `assets/${f}`),
  );
  return { initialKb: initial.kb, initialFiles: initial.files, workerKb: worker.kb, workerFiles: worker.files };
}
