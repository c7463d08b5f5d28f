import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The page may load and reach only this site: no remote script, style, image, font or connection
// (a schema description's Markdown image in a Monaco hover stays unfetched) and no eval.
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and Monaco set style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

// The engine worker's own policy (a worker loaded from a URL takes it from its response, not from
// the page): it loads its own modules, evaluates user code in SES compartments, and reaches nothing.
const ENGINE_WORKER_POLICY = ["default-src 'none'", "script-src 'self' 'unsafe-eval'"].join('; ');

/** Modules with no side effects beyond their exports (hardenRealm's `import 'ses'` is a package's, kept). */
const PURE_LAYERS = /\/src\/(lib|schema|flow|engine|kinds|run|protocol|client|state)\/[^/]+(\/[^/]+)*\.ts$/;

const ENGINE_WORKER = /\/assets\/engine\.worker-[\w-]+\.js$/;

/** The page's policy as a <meta> in the built index.html, and both policies as headers from `vite preview`. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'tidemark-content-security-policy',
    transformIndexHtml: {
      order: 'post',
      // Only the build: the dev server injects inline scripts for hot reload.
      handler: (html, context) =>
        context.server
          ? html
          : html.replace(
              '<head>',
              `<head>\n    <meta http-equiv="Content-Security-Policy" content="${PAGE_POLICY}" />`,
            ),
    },
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        response.setHeader('Content-Security-Policy', ENGINE_WORKER.test(path) ? ENGINE_WORKER_POLICY : PAGE_POLICY);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    // Every browser that runs module workers supports modulepreload; the polyfill is dead weight.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The pure layers build their values (zod schemas, tables) at top level and nothing else: a module
      // whose exports go unused is dropped, so the UI can import a folder's index without its schema library.
      treeshake: { moduleSideEffects: [{ test: PURE_LAYERS, sideEffects: false }] },
    },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
