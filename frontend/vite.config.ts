/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The Go binary embeds dist/ and serves it with a strict CSP (script-src 'self'),
// so the build must not emit inline scripts; Vite's default module entry is an
// external file, and modulePreload polyfill is disabled because it is inline-free
// only when not injected.
export default defineConfig({
  plugins: [vue()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2020',
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    manifest: true,
    // GraphiQL is an entry of its own, fetched only by /graphiql, so that the dashboard never loads React or Monaco.
    rollupOptions: {
      input: { main: 'index.html', graphiql: 'graphiql.html' },
    },
  },
  server: {
    proxy: {
      '/graphql': process.env.WENMING_API ?? 'http://127.0.0.1:8080',
      '/readyz': process.env.WENMING_API ?? 'http://127.0.0.1:8080',
    },
  },
  test: {
    // Two projects: the unit tests in node, and the mounted form tests (test/components, happy-dom), which share one
    // module graph per worker — isolating each of them costs more than the tests themselves; their cleanup after
    // every test is registered by their setup file.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/components/**'], environment: 'node' } },
      {
        extends: true,
        test: { name: 'components', include: ['test/components/**/*.test.ts'], environment: 'happy-dom', isolate: false, setupFiles: ['test/components/setup.ts'] },
      },
    ],
  },
})
