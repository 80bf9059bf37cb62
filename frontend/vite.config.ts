/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'

/**
 * Preload the overview's code (its page chunk, every chunk it imports and its lazy chart panels with ECharts) from
 * index.html, so a
 * slow phone fetches it alongside the app's entry instead of after the entry has run and asked who is signed in.
 */
function preloadOverview(): Plugin {
  return {
    name: 'preload-overview',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html
        const chunks = Object.values(ctx.bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []))
        const page = chunks.find((c) => c.facadeModuleId?.endsWith('/src/pages/OverviewPage.vue'))
        if (!page) return html
        const files = new Set<string>()
        const visit = (file: string) => {
          if (files.has(file)) return
          files.add(file)
          chunks.find((c) => c.fileName === file)?.imports.forEach(visit)
        }
        visit(page.fileName)
        // The charts' code, which the page imports lazily so that its queries need not wait for it.
        page.dynamicImports.forEach(visit)
        const already = new Set([...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1]))
        // Their stylesheets are linked too: Vite's loader skips a stylesheet already in the page, so the page draws
        // without a stylesheet round trip of its own.
        const css = new Set([...files].flatMap((f) => [...(chunks.find((c) => c.fileName === f)?.viteMetadata?.importedCss ?? [])]))
        const links = [
          ...[...files].filter((f) => !already.has(f)).map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
          ...[...css].filter((f) => !html.includes(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
        ]
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`)
      },
    },
  }
}

// The Go binary embeds dist/ and serves it with a strict CSP (script-src 'self'),
// so the build must not emit inline scripts; Vite's default module entry is an
// external file, and modulePreload polyfill is disabled because it is inline-free
// only when not injected.
export default defineConfig({
  plugins: [vue(), preloadOverview()],
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
    // The field labels are one JSON file shared with the server (db/fieldlabels.json); the dev server may read it.
    fs: { allow: ['.', '../db/fieldlabels.json'] },
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
