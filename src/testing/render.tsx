import { QueryClientProvider } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { NuqsTestingAdapter, type OnUrlUpdateFunction } from 'nuqs/adapters/testing'
import type { ReactElement } from 'react'

import { createQueryClient } from '@/api/query-client'

/**
 * Renders inside the app's providers: a fresh query client configured as in the app, and a URL
 * that starts at `search` and reports every update to `onUrlUpdate`. `onCaughtError` hears of
 * what an error boundary caught (React reports it with console.error otherwise, which fails the
 * test).
 */
export function renderApp(
  ui: ReactElement,
  {
    search = '',
    onUrlUpdate,
    onCaughtError,
  }: {
    search?: string
    onUrlUpdate?: OnUrlUpdateFunction
    onCaughtError?: (error: unknown) => void
  } = {},
) {
  const queryClient = createQueryClient()
  const user = userEvent.setup()
  return {
    user,
    queryClient,
    ...render(
      <NuqsTestingAdapter searchParams={search} onUrlUpdate={onUrlUpdate} hasMemory>
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </NuqsTestingAdapter>,
      onCaughtError ? { onCaughtError } : {},
    ),
  }
}
