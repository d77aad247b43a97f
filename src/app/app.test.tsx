import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { keyStore } from '@/session/key-store'
import { demoKey, installEmulatorFetch, accountModels } from '@/testing/emulator-fetch'
import { renderApp } from '@/testing/render'
import { App } from './app'
import { loadModelsView } from './dashboard'

// The app fetches the models view's code as it starts (main.tsx); here before the first test, so
// that none waits on its first import (transformed then: seconds when busy) or relies on an
// earlier test having shown the view.
beforeAll(() => loadModelsView(), 20_000)

afterEach(() => keyStore.forget())

describe('App', () => {
  it('connects with a working key and shows the models of the first answer without asking again', async () => {
    const { upstreamRequests } = installEmulatorFetch()
    const { user } = renderApp(<App />)

    await user.type(screen.getByLabelText('API key'), `  ${demoKey}  `)
    await user.click(screen.getByRole('button', { name: 'Connect' }))

    const grid = await screen.findByRole('grid')
    await waitFor(() =>
      expect(within(grid).getAllByRole('row')).toHaveLength(accountModels.length + 1),
    )
    expect(upstreamRequests).toEqual(['/models'])
    expect(keyStore.getState().session?.apiKey).toBe(demoKey)
  })

  it('stays on the key screen with the server’s message when the key is refused', async () => {
    installEmulatorFetch()
    const { user } = renderApp(<App />)

    await user.type(screen.getByLabelText('API key'), 'wrong-key')
    await user.click(screen.getByRole('button', { name: 'Connect' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('Unauthorized.')
    expect(screen.getByLabelText('API key')).toBeInTheDocument()
    expect(keyStore.getState().session).toBeNull()
  })

  it('returns to the key screen with the message when a kept key stops working', async () => {
    installEmulatorFetch({ keys: [] })
    keyStore.keep({ sessionId: 'revoked', apiKey: demoKey })
    renderApp(<App />)

    expect(await screen.findByRole('alert')).toHaveTextContent('Unauthorized.')
    expect(screen.getByLabelText('API key')).toBeInTheDocument()
    expect(sessionStorage.length).toBe(0)
  })

  it('forgets the key and the fetched models', async () => {
    installEmulatorFetch()
    keyStore.keep({ sessionId: 'one', apiKey: demoKey })
    const { user, queryClient } = renderApp(<App />)
    await screen.findByRole('grid')

    await user.click(screen.getByRole('button', { name: 'Forget key' }))

    expect(screen.getByLabelText('API key')).toBeInTheDocument()
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0)
    expect(sessionStorage.length).toBe(0)
  })

  it('says how fresh the table is, refreshes on demand, and keeps it when a refresh fails', async () => {
    const { upstreamRequests } = installEmulatorFetch()
    keyStore.keep({ sessionId: 'fresh', apiKey: demoKey })
    const { user } = renderApp(<App />)
    await screen.findByRole('grid')
    expect(screen.getByText('Updated just now')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await vi.waitFor(() => expect(upstreamRequests).toEqual(['/models', '/models']))

    vi.stubGlobal('fetch', async () =>
      Response.json(
        { statusCode: 400, body: { message: 'Invalid request method' } },
        { status: 400 },
      ),
    )
    await user.click(await screen.findByRole('button', { name: 'Refresh' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Refreshing failed')
    expect(alert).toHaveTextContent('Invalid request method')
    expect(alert).toHaveTextContent('as they were fetched at')
    expect(screen.getByRole('grid')).toBeInTheDocument()
  })
})
