import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The benchmark page: its own build (bench/dist), so the app's bundle stays what users load.
// Run from the repository root: `vite build -c bench/vite.config.ts`, `vite preview -c bench/vite.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    modulePreload: { polyfill: false },
  },
  preview: { port: 4191, strictPort: true, host: '127.0.0.1' },
});
