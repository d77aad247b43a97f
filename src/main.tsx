import './index.css'

import { createRoot, hydrateRoot } from 'react-dom/client'

import { modelQueries } from '@/api/model-queries'
import { createQueryClient } from '@/api/query-client'
import { loadModelsView } from '@/app/dashboard'
import { Root } from '@/app/root'
import { preload } from '@/lib/preload'
import { keyStore } from '@/session/key-store'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const queryClient = createQueryClient()
const { session } = keyStore.getState()
const root = <Root queryClient={queryClient} />
// The build put the key screen's markup in the page (scripts/prerender.ts); the dev server does not.
if (container.hasAttribute('data-prerendered') && !session) {
  hydrateRoot(container, root)
} else {
  // A kept key: the dashboard, rendered afresh (public/theme.js kept the key screen hidden).
  container.replaceChildren()
  createRoot(container).render(root)
}
container.removeAttribute('data-prerendered')
// What comes next is asked for now, while React takes over the page: the models view's code,
// which a key needs before its rows can show, and with a kept key the model list too
// (docs/decisions/0010-first-paint-with-the-html.md).
if (session) void queryClient.prefetchQuery(modelQueries.list(session))
preload(loadModelsView)
