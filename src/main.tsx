import './index.css'

import { QueryClientProvider } from '@tanstack/react-query'
import { NuqsAdapter } from 'nuqs/adapters/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { createQueryClient } from '@/api/query-client'
import { App } from '@/app/app'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <NuqsAdapter>
      <QueryClientProvider client={createQueryClient()}>
        <App />
      </QueryClientProvider>
    </NuqsAdapter>
  </StrictMode>,
)
