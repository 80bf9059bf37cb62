// GraphiQL, served from the embedded bundle as its own entry (graphiql.html), so that analysts on an intranet can
// explore the API with no request leaving the server. It sends the caller's session cookie, or any header pasted
// into its headers editor (for example {"Authorization": "Bearer wm_…"}).
import 'graphiql/setup-workers/vite'
import 'graphiql/style.css'
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'
import { GraphiQL } from 'graphiql'
import { examples } from './examples'

interface FetcherParams {
  query: string
  operationName?: string | null
  variables?: Record<string, unknown> | null
}

async function fetcher(params: FetcherParams, opts?: { headers?: Record<string, unknown> }) {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/graphql-response+json, application/json',
  }
  for (const [k, v] of Object.entries(opts?.headers ?? {})) headers[k] = String(v)
  const res = await fetch('/graphql', { method: 'POST', credentials: 'same-origin', headers, body: JSON.stringify(params) })
  return res.json()
}

const el = document.getElementById('graphiql')
if (el) {
  createRoot(el).render(
    createElement(GraphiQL, {
      fetcher,
      defaultTabs: examples,
      defaultEditorToolsVisibility: 'variables',
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  )
}
