import { act, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { hydrateRoot, type Root as ReactRoot } from 'react-dom/client'
import { afterEach, describe, expect, it } from 'vitest'

import { createQueryClient } from '@/api/query-client'
import { keyStore } from '@/session/key-store'
import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { renderFirstScreen } from './prerender'
import { Root } from './root'

let mounted: { root: ReactRoot; container: HTMLElement } | undefined
afterEach(() => {
  act(() => mounted?.root.unmount())
  mounted?.container.remove()
  mounted = undefined
  keyStore.forget()
})

/** What the build puts in index.html, then what main.tsx does with it. */
function prerenderedPage() {
  const container = document.createElement('div')
  container.innerHTML = renderFirstScreen()
  document.body.append(container)
  return container
}

function hydrate(container: HTMLElement) {
  act(() => {
    mounted = {
      root: hydrateRoot(container, <Root queryClient={createQueryClient()} />),
      container,
    }
  })
}

describe('the prerendered key screen', () => {
  it('hydrates without a mismatch (any console.error fails the test) and then connects', async () => {
    installEmulatorFetch()
    const container = prerenderedPage()
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled()

    hydrate(container)
    const user = userEvent.setup()
    await user.type(screen.getByLabelText('API key'), demoKey)
    await user.click(screen.getByRole('button', { name: 'Connect' }))

    expect(await screen.findByRole('grid')).toBeInTheDocument()
  })

  it('keeps a key typed before the script ran', async () => {
    installEmulatorFetch()
    const container = prerenderedPage()
    const input = screen.getByLabelText<HTMLInputElement>('API key')
    input.value = demoKey

    hydrate(container)
    await userEvent.setup().click(screen.getByRole('button', { name: 'Connect' }))

    expect(await screen.findByRole('grid')).toBeInTheDocument()
    expect(keyStore.getState().session?.apiKey).toBe(demoKey)
  })
})

describe('public/theme.js', () => {
  const source = readFileSync('public/theme.js', 'utf8')
  const run = () => runInNewContext(source, { window, document }) as unknown
  afterEach(() => document.documentElement.removeAttribute('data-kept-key'))

  it('marks the page before the first paint when the key store keeps a key, by the same name', () => {
    run()
    expect(document.documentElement).not.toHaveAttribute('data-kept-key')

    keyStore.keep({ sessionId: 'kept', apiKey: demoKey })
    run()
    expect(document.documentElement).toHaveAttribute('data-kept-key')
  })
})
