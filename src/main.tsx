import './index.css'

import { createRoot, hydrateRoot } from 'react-dom/client'

import { createQueryClient } from '@/api/query-client'
import { Root } from '@/app/root'
import { keyStore } from '@/session/key-store'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

const root = <Root queryClient={createQueryClient()} />
// The build put the key screen's markup in the page (scripts/prerender.ts); the dev server does not.
if (container.hasAttribute('data-prerendered') && !keyStore.getState().session) {
  hydrateRoot(container, root)
} else {
  // A kept key: the dashboard, rendered afresh (public/theme.js kept the key screen hidden).
  container.replaceChildren()
  createRoot(container).render(root)
}
container.removeAttribute('data-prerendered')
