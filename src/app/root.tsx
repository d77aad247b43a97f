import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { NuqsAdapter } from 'nuqs/adapters/react'
import { StrictMode } from 'react'

import { App } from './app'

/** The whole tree: main.tsx renders it, and src/app/prerender.tsx renders the same at build time. */
export function Root({ queryClient }: { queryClient: QueryClient }) {
  return (
    <StrictMode>
      <NuqsAdapter>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </NuqsAdapter>
    </StrictMode>
  )
}
