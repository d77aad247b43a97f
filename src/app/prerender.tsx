import { renderToString } from 'react-dom/server'

import { createQueryClient } from '@/api/query-client'
import { Root } from './root'

/**
 * The key screen as markup, rendered at build time by scripts/prerender.ts into dist/index.html,
 * so that a first visit paints it before any script has arrived; main.tsx then hydrates it.
 * Rendered where there is no sessionStorage, hence no key: the key screen, nothing else.
 */
export function renderFirstScreen(): string {
  return renderToString(<Root queryClient={createQueryClient()} />)
}
