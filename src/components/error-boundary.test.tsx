import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { ErrorBoundary } from './error-boundary'

function Throws({ error }: { error: Error }): never {
  throw error
}

// React reports an error its boundary caught; here the boundary's own words are what is tested.
const caught = { onCaughtError: vi.fn<() => void>() }

describe('ErrorBoundary', () => {
  it('says which part failed and why, and Try again renders it afresh', async () => {
    // Fails until the test says otherwise, as a render does before the data is refreshed.
    let failing = true
    function Flaky() {
      if (failing) throw new Error('an odd field')
      return <p>The panel</p>
    }
    render(
      <ErrorBoundary what="This model's panel">
        <Flaky />
      </ErrorBoundary>,
      caught,
    )
    expect(screen.getByRole('alert')).toHaveTextContent(
      "This model's panel could not be shown: an odd field",
    )
    failing = false
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }))
    expect(screen.getByText('The panel')).toBeInTheDocument()
  })

  it.each([
    'Failed to fetch dynamically imported module: https://example.test/assets/model-panel-x.js',
    'error loading dynamically imported module: https://example.test/assets/model-panel-x.js',
    'Importing a module script failed.',
  ])('offers a reload, not Try again, when the code could not be fetched (%s)', (message) => {
    render(
      <ErrorBoundary what="This model's panel">
        <Throws error={new TypeError(message)} />
      </ErrorBoundary>,
      caught,
    )
    const alert = screen.getByRole('alert')
    expect(alert).toHaveTextContent(
      "This model's panel could not be loaded: the dashboard may have been updated since this page was opened, or the connection dropped.",
    )
    expect(alert).not.toHaveTextContent('example.test')
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument()
  })
})
