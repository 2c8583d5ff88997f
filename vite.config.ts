import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('./ui', import.meta.url))
const apiPort = process.env.API_PORT ?? '3000'

// The web app: built into dist/ui (served by the API server in production, see api/routes/web.ts);
// in development the Vite server passes /api on to the API.
export default defineConfig({
  root,
  build: {
    outDir: fileURLToPath(new URL('./dist/ui', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: Number(process.env.UI_PORT ?? 5173),
    strictPort: false,
    // The UI imports the shared zod schemas from ../schema.
    fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] },
    // The API's own paths only: the UI's modules under ui/api/ (e.g. /api/client.ts) are Vite's.
    proxy: {
      '^/api/(v1|docs|openapi)': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false },
    },
  },
})
