import { render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { ApiError } from '@/api/api-error'
import { RequestStatus } from './request-status'

afterEach(() => vi.useRealTimers())

describe('RequestStatus', () => {
  it('counts down to the next retry and says which one it is', async () => {
    vi.useFakeTimers()
    const failureReason = new ApiError('busy', 'slow down', 429, 12_000)
    const { container } = render(
      <p>
        <RequestStatus progress={{ fetchStatus: 'fetching', failureCount: 2, failureReason }} />
      </p>,
    )
    expect(container).toHaveTextContent('slow down. Retrying 2/3 in 12 s…')
    await vi.advanceTimersByTimeAsync(5_000)
    expect(container).toHaveTextContent('Retrying 2/3 in 7 s…')
  })

  it('says the browser is offline while the request waits for the network', () => {
    render(
      <p>
        <RequestStatus progress={{ fetchStatus: 'paused', failureCount: 0, failureReason: null }} />
      </p>,
    )
    expect(screen.getByText(/You are offline/)).toBeInTheDocument()
  })

  it('says nothing while a request simply runs', () => {
    const { container } = render(
      <p>
        <RequestStatus
          progress={{ fetchStatus: 'fetching', failureCount: 0, failureReason: null }}
        />
      </p>,
    )
    expect(container).toHaveTextContent('')
  })
})
