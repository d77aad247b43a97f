import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'

import { createQueryClient } from '../api/query-client'

/** Renders inside a fresh query client configured as in the app. */
export function renderWithQueries(ui: ReactElement) {
  const queryClient = createQueryClient()
  const user = userEvent.setup()
  return {
    user,
    queryClient,
    ...render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>),
  }
}
