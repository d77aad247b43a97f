import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { makeModel, fixtureModels } from '@/testing/factories'
import { renderApp } from '@/testing/render'
import { ModelsScreen } from '@/models/models-screen'

const credentials = { sessionId: 'test', apiKey: demoKey }

function summaryNames(): string[] {
  const bar = screen.getByRole('navigation', { name: 'Models by status' })
  return within(bar)
    .getAllByRole('button')
    .map((button) => button.getAttribute('aria-label') ?? '')
}

describe('AccountSummary', () => {
  it('names one segment per phase with models, in order, with their counts', () => {
    installEmulatorFetch()
    const models = [
      makeModel({ status: 'ready' }),
      makeModel({ status: 'ready' }),
      makeModel({ status: 'failed' }),
      makeModel({ status: 'Archived' }),
    ]
    renderApp(<ModelsScreen models={models} credentials={credentials} />)
    expect(summaryNames()).toEqual(['Ready: 2 models', 'Failed: 1 model', 'Other: 1 model'])
  })

  it('filters to a phase, shows the quick filters’ counts under the other filters, and toggles back', async () => {
    installEmulatorFetch()
    const models = fixtureModels()
    const { user } = renderApp(<ModelsScreen models={models} credentials={credentials} />)
    expect(summaryNames()).toEqual([
      'Ready: 13 models',
      'Running: 3 models',
      'Waiting: 3 models',
      'Failed: 4 models',
      'Stopped: 3 models',
      'Other: 1 model',
    ])
    expect(screen.getByRole('button', { name: 'Failed' })).toHaveTextContent('Failed4')

    // Ready rather than Failed: the failed view also loads the triage strip, another test's job.
    const ready = screen.getByRole('button', { name: 'Ready: 13 models' })
    await user.click(ready)
    expect(ready).toHaveAttribute('aria-pressed', 'true')
    expect(within(screen.getByRole('grid')).getAllByRole('rowheader')).toHaveLength(13)
    // The quick filter is the same phase facet: it shows as chosen too.
    expect(screen.getByRole('button', { name: 'Ready' })).toHaveAttribute('aria-pressed', 'true')
    // Counts are under the other filters (search, facets), not the phase itself: what a click gives.
    expect(screen.getByRole('button', { name: 'In progress' })).toHaveTextContent('In progress6')

    await user.click(ready)
    expect(ready).toHaveAttribute('aria-pressed', 'false')
    expect(within(screen.getByRole('grid')).getAllByRole('rowheader')).toHaveLength(models.length)
  })
})
