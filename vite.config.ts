import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from './contentSecurityPolicy';

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 8000,
    // Every browser that runs module workers supports modulepreload; the polyfill is dead weight.
    modulePreload: { polyfill: false },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
