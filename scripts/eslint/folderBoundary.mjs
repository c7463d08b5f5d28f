// A local lint rule: code outside a folder that has an index.ts imports that folder, never a file inside it.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.mjs'];

/** The file a relative specifier names, or undefined when it names something else (a folder, css, raw text). */
function resolveFile(fromDir, specifier) {
  // `?raw` reads a file's text, not its module API: a folder's index cannot offer it.
  if (/\?raw$/.test(specifier)) return undefined;
  const bare = specifier.replace(/\?.*$/, '');
  const absolute = path.resolve(fromDir, bare);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) return path.join(absolute, 'index.ts');
  if (existsSync(absolute)) return absolute;
  for (const ext of EXTENSIONS) if (existsSync(absolute + ext)) return absolute + ext;
  return undefined;
}

const hasIndex = (dir) => EXTENSIONS.some((ext) => existsSync(path.join(dir, `index${ext}`)));

/** The first folder with an index.ts that the import enters without going through that index, if any. */
export function bypassedFolder(importer, target) {
  const importerDir = path.dirname(importer);
  const relative = path.relative(importerDir, path.dirname(target));
  const parts = relative.split(path.sep).filter((part) => part !== '..' && part !== '');
  const common = path.resolve(
    importerDir,
    relative
      .split(path.sep)
      .filter((part) => part === '..')
      .join(path.sep) || '.',
  );
  const isIndex = /^index\.[mc]?[jt]sx?$/.test(path.basename(target));
  let dir = common;
  for (const [i, part] of parts.entries()) {
    dir = path.join(dir, part);
    const last = i === parts.length - 1;
    if (hasIndex(dir) && !(last && isIndex)) return dir;
  }
  return undefined;
}

// Test kits and fixtures are test-only support, imported by tests in other folders directly.
const TEST_SUPPORT = /(\.testkit|Fixture)\.[mc]?[jt]sx?$/;

export const folderBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'Import a folder through its index.ts from outside it.' },
    schema: [],
    messages: { bypass: "'{{specifier}}' reaches past {{folder}}/index.ts: import from the folder instead." },
  },
  create(context) {
    const filename = context.filename;
    const check = (node, source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolveFile(path.dirname(filename), source.value);
      if (!target || TEST_SUPPORT.test(target)) return;
      const folder = bypassedFolder(filename, target);
      if (folder)
        context.report({
          node: source,
          messageId: 'bypass',
          data: { specifier: source.value, folder: path.relative(process.cwd(), folder) },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
