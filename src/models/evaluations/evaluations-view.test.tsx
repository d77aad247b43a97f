import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { demoKey, installEmulatorFetch, queueFaults } from '@/testing/emulator-fetch'
import { fixtureModels } from '@/testing/factories'
import { renderApp } from '@/testing/render'

import { EvaluationsView } from './evaluations-view'

const credentials = { sessionId: 'test', apiKey: demoKey }

async function renderView(
  search = '?view=evaluations',
  faults?: { route: string; faults: unknown[] },
) {
  const emulator = installEmulatorFetch({ faults: true })
  if (faults) await queueFaults(faults.route, faults.faults)
  const urls: string[] = []
  const rendered = renderApp(
    <EvaluationsView models={fixtureModels()} credentials={credentials} />,
    {
      search,
      onUrlUpdate: (event) => urls.push(event.queryString),
    },
  )
  return { ...rendered, ...emulator, lastUrl: () => decodeURIComponent(urls.at(-1) ?? '') }
}

function table() {
  return screen.getByRole('table', { name: /every evaluation of the account/i })
}

function bodyRows() {
  return within(table()).getAllByRole('row').slice(1)
}

function rowOf(id: string): HTMLElement {
  const row = table().querySelector<HTMLElement>(`[data-evaluation-id^="${id}"]`)
  if (!row) throw new Error(`no row for ${id}`)
  return row
}

function column(name: string): string[] {
  const headers = within(table()).getAllByRole('columnheader')
  const index = headers.findIndex((header) => header.textContent?.startsWith(name))
  return bodyRows().map((row) => within(row).getAllByRole('cell')[index]!.textContent ?? '')
}

// Twenty-odd evaluations each described through the real server and emulator: seconds in jsdom.
describe('EvaluationsView', { timeout: 30_000 }, () => {
  it('says it is loading, then lists every evaluation with its dataset, model and numbers', async () => {
    await renderView()
    expect(screen.getByText('Loading evaluations…')).toBeInTheDocument()
    await waitFor(() => expect(bodyRows()).toHaveLength(22))
    expect(screen.getByText('22 evaluations')).toBeInTheDocument()

    // Metrics come from describe (the list leaves them out), and from the log when only there.
    await waitFor(() =>
      expect(within(rowOf('c30876ac')).getAllByText(/^0\.\d{4}$/)).toHaveLength(3),
    )
    await waitFor(
      () => expect(within(rowOf('5042b756')).getAllByText('(from the log)')).toHaveLength(3),
      { timeout: 10_000 },
    )

    const apparel = rowOf('c30876ac')
    expect(within(apparel).getByText('gs-apparel-eval-25k')).toBeInTheDocument()
    expect(within(apparel).getByRole('button', { name: 'gs-apparel-v3' })).toBeInTheDocument()
    expect(within(apparel).getByText(/^epoch_\d$/)).toBeInTheDocument()

    const base = rowOf('8d956073')
    expect(within(base).getByText('Marqo/ViT-B-32.laion2b_s34b_b79k')).toBeInTheDocument()
    expect(within(base).getByText('base model')).toBeInTheDocument()
  })

  it('shows the unlinked and the failed ones, with the failure reason, and the running one', async () => {
    await renderView()
    await waitFor(() => expect(bodyRows()).toHaveLength(22))
    expect(within(rowOf('c3f3432f')).getByText('unlinked')).toBeInTheDocument()
    // Its dataset is not named either: said so, never hidden.
    expect(within(rowOf('c3f3432f')).getByText('(dataset not named)')).toBeInTheDocument()

    const failed = rowOf('34bcf6c9')
    expect(within(failed).getByText('failed')).toBeInTheDocument()
    expect(within(failed).getByText(/checkpoint epoch_1 could not be loaded/)).toBeInTheDocument()
    expect(within(rowOf('f61b5a9c')).getAllByText(/still on its way/i)).toHaveLength(3)
  })

  it('sorts by a metric, best first, then the other way, then newest first, in the URL', async () => {
    const { user, lastUrl } = await renderView()
    await waitFor(() => expect(bodyRows()).toHaveLength(22))
    await waitFor(() => expect(screen.queryByText(/reading the numbers/)).not.toBeInTheDocument(), {
      timeout: 10_000,
    })
    const header = screen.getByRole('columnheader', { name: 'NDCG@10' })

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    const values = column('NDCG@10')
      .map((text) => Number.parseFloat(text))
      .filter((value) => !Number.isNaN(value))
    expect(values.length).toBeGreaterThan(15)
    expect(values).toEqual(values.toSorted((a, b) => b - a))
    await waitFor(() => expect(lastUrl()).toContain('esort=-ndcg@10'))

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    await user.click(within(header).getByRole('button'))
    expect(header).not.toHaveAttribute('aria-sort')
  })

  it('searches and filters by status, and says when nothing matches', async () => {
    const { user, lastUrl } = await renderView()
    await waitFor(() => expect(bodyRows()).toHaveLength(22))

    await user.type(screen.getByRole('searchbox', { name: 'Search evaluations' }), 'fashion')
    await waitFor(() => expect(bodyRows()).toHaveLength(6))
    expect(screen.getByText('6 of 22 evaluations')).toBeInTheDocument()
    await waitFor(() => expect(document.title).toBe('6 of 22 evaluations · Marqtune Models'))
    await waitFor(() => expect(lastUrl()).toContain('eq=fashion'))

    await user.click(screen.getByRole('button', { name: 'Clear all filters' }))
    await user.click(screen.getByRole('button', { name: 'Failed: 1 evaluation' }))
    await waitFor(() => expect(bodyRows()).toHaveLength(1))
    await waitFor(() => expect(lastUrl()).toContain('ephase=failed'))

    await user.type(
      screen.getByRole('searchbox', { name: 'Search evaluations' }),
      'nothing-like-it',
    )
    expect(await screen.findByText('No evaluations match')).toBeInTheDocument()
  })

  it('opens the model’s panel on the models screen from its link', async () => {
    const { user, lastUrl } = await renderView()
    await waitFor(() => expect(bodyRows()).toHaveLength(22))
    await user.click(within(rowOf('c30876ac')).getByRole('button', { name: 'gs-apparel-v3' }))
    await waitFor(() =>
      expect(lastUrl()).toBe('?model=3725abdd-80f2-4030-8a8d-276519b4f678&tab=evaluations'),
    )
  })

  it('says why the list could not be loaded, with Retry', async () => {
    const { user } = await renderView('?view=evaluations', {
      route: 'listEvaluations',
      faults: [{ kind: 'status', status: 404, message: 'No such route here' }],
    })
    expect(await screen.findByRole('alert')).toHaveTextContent(/evaluations could not be loaded/)
    await user.click(screen.getByRole('button', { name: 'Retry' }))
    await waitFor(() => expect(bodyRows()).toHaveLength(22))
  })

  it('says when the account has no evaluations yet', async () => {
    await renderView('?view=evaluations', {
      route: 'listEvaluations',
      faults: [{ kind: 'json', body: [] }],
    })
    expect(await screen.findByText('This account has no evaluations yet')).toBeInTheDocument()
    expect(screen.getByText('0 evaluations')).toBeInTheDocument()
  })

  it('shows odd entries as they came: flagged fields, unknown ids, and says what it could not read', async () => {
    const stranger = '99999999-2222-4333-8444-555555555555'
    await renderView('?view=evaluations', {
      route: 'listEvaluations',
      faults: [
        {
          kind: 'json',
          body: [
            {
              evaluationId: 'odd-one',
              status: 'Failed',
              secondaryStatus: 42,
              model: `${stranger}/epoch_7`,
              datasetId: 'no-such-dataset',
              failureReason: 'out of memory',
            },
            { status: 'Ready' },
          ],
        },
      ],
    })
    await waitFor(() => expect(bodyRows()).toHaveLength(1))
    const row = rowOf('odd-one')
    expect(within(row).getByText('Read with warnings')).toBeInTheDocument()
    expect(within(row).getByText(stranger)).toBeInTheDocument()
    expect(within(row).getByText('not in this account')).toBeInTheDocument()
    expect(within(row).getByText('epoch_7')).toBeInTheDocument()
    expect(within(row).getByText('no-such-dataset')).toBeInTheDocument()
    expect(screen.getByText(/1 entry of the list not readable as evaluations/)).toBeInTheDocument()
  })

  it('keeps the rows shown when a refresh fails, and says so', async () => {
    const { user } = await renderView()
    await waitFor(() => expect(bodyRows()).toHaveLength(22))
    await queueFaults('listEvaluations', [
      { kind: 'status', status: 404, message: 'No such route here' },
    ])
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/Refreshing failed/)
    expect(bodyRows()).toHaveLength(22)
  })
})
