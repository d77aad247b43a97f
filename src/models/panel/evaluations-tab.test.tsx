import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { NoticesProvider } from '@/components/notices'
import {
  accountDatasets,
  accountEvaluations,
  demoKey,
  installEmulatorFetch,
  queueFaults,
} from '@/testing/emulator-fetch'
import { fixtureModels } from '@/testing/factories'
import { installFakeCanvas } from '@/testing/fake-canvas'
import { renderApp } from '@/testing/render'

import { EvaluationsTab } from './evaluations-tab'

const credentials = { sessionId: 'evaluations', apiKey: demoKey }
const models = fixtureModels()
// Evaluated epoch by epoch beside its base model, metrics that rise to epoch 3 and then fall.
const apparel = models.find((model) => model.modelName === 'gs-apparel-v3')!
// Ready, with checkpoints, and never evaluated.
const notEvaluated = models.find(
  (model) =>
    model.status.toLowerCase() === 'ready' &&
    model.checkpoints.length > 1 &&
    !accountEvaluations.some((record) => record.model?.startsWith(`${model.modelId}/`)),
)!

function renderTab(model = apparel, readOnly = false, faults = false) {
  const fetched = installEmulatorFetch({ faults })
  installFakeCanvas()
  const rendered = renderApp(
    <NoticesProvider>
      <EvaluationsTab model={model} credentials={credentials} readOnly={readOnly} />
    </NoticesProvider>,
  )
  return { ...rendered, ...fetched }
}

describe('the Evaluations tab', () => {
  it('marks the best checkpoint and compares every one with the base model', async () => {
    renderTab()
    const verdict = await screen.findByRole(
      'region',
      { name: 'Best checkpoint' },
      { timeout: 5000 },
    )
    await waitFor(() => expect(verdict).toHaveTextContent(/Best by NDCG@10 on .+: epoch_3/), {
      timeout: 5000,
    })
    expect(verdict).toHaveTextContent(`against the base model ${apparel.baseModel}`)
    expect(verdict).toHaveTextContent('Better than the base model from epoch_1 on.')

    const table = within(screen.getByRole('region', { name: 'Metrics by checkpoint' })).getByRole(
      'table',
    )
    const rows = within(table).getAllByRole('row')
    const checkpoints = rows.slice(1, -1).map((row) => within(row).getByRole('rowheader'))
    expect(checkpoints.map((cell) => /epoch_\d+/.exec(cell.textContent ?? '')?.[0])).toEqual([
      'epoch_5',
      'epoch_4',
      'epoch_3',
      'epoch_2',
      'epoch_1',
    ])
    expect(within(checkpoints[2]!).getByText('best')).toBeInTheDocument()
    // Each number with its signed difference from the base model's, said in words too.
    expect(within(rows[3]!).getAllByText(/^\+\d\.\d{4}/)[0]).toHaveTextContent('(better)')
    expect(within(rows.at(-1)!).getByRole('rowheader')).toHaveTextContent(apparel.baseModel)
    expect(screen.getByRole('figure', { name: /^NDCG@10 by epoch on / })).toBeInTheDocument()
  })

  it('chooses the best by another metric, and keeps that choice', async () => {
    const { user, unmount } = renderTab()
    const metric = await screen.findByRole('combobox', { name: 'Best by' })
    const other = within(metric)
      .getAllByRole('option')
      .find((option) => option.textContent !== 'NDCG@10')!
    await user.selectOptions(metric, other)
    expect(
      await screen.findByText(new RegExp(`^Best by ${other.textContent} on`)),
    ).toBeInTheDocument()
    // Kept: the panel opened again chooses by it.
    unmount()
    renderTab()
    expect(await screen.findByRole('combobox', { name: 'Best by' })).toHaveValue(
      (other as HTMLOptionElement).value,
    )
  })

  it('starts one evaluation of the checkpoint chosen, with one POST, only once confirmed', async () => {
    const { user, upstreamCalls } = renderTab(notEvaluated)
    const newest = notEvaluated.checkpoints.at(-1)!
    await user.click(await screen.findByRole('button', { name: `Evaluate ${newest}…` }))
    const dialog = await screen.findByRole('alertdialog', { name: `Evaluate ${newest}?` })
    const dataset = await within(dialog).findByRole('combobox', { name: 'Evaluation dataset' })
    expect(upstreamCalls.filter((call) => call.method === 'POST')).toEqual([])

    // A dataset with the columns the model was trained on is offered first.
    const offered = accountDatasets.find(
      (each) => each.datasetId === (dataset as HTMLSelectElement).value,
    )!
    expect(Object.keys(offered.dataSchema)).toEqual(
      expect.arrayContaining(notEvaluated.hyperparameters.rightKeys as string[]),
    )
    // Its base model has no evaluation there: evaluating it too is offered, and ticked; untick it.
    const alsoBase = within(dialog).getByRole('checkbox', { name: /Also evaluate the base/ })
    expect(alsoBase).toBeChecked()
    expect(within(dialog).getByRole('button', { name: 'Start 2 evaluations' })).toBeEnabled()
    await user.click(alsoBase)
    await user.click(within(dialog).getByRole('button', { name: `Evaluate ${newest}` }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    const posts = upstreamCalls.filter((call) => call.method === 'POST')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.path).toBe('/evaluation')
    expect(JSON.parse(posts[0]!.body!)).toMatchObject({
      model: `${notEvaluated.modelId}/${newest}`,
      datasetId: (dataset as HTMLSelectElement).value,
    })
    // The new evaluation is asked for again and followed.
    expect(await screen.findByText(/Evaluating; followed until it finishes/)).toBeInTheDocument()
  })

  it('offers no evaluation in a read-only dashboard', async () => {
    renderTab(notEvaluated, true)
    expect(
      await screen.findByText('This dashboard is read-only: starting evaluations is turned off.'),
    ).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Evaluate/ })).not.toBeInTheDocument()
  })

  it('starts the checkpoint, then reports the base model refused, in the notice region too', async () => {
    const { user, upstreamCalls } = renderTab(notEvaluated, false, true)
    const newest = notEvaluated.checkpoints.at(-1)!
    await user.click(await screen.findByRole('button', { name: `Evaluate ${newest}…` }))
    const dialog = await screen.findByRole('alertdialog', { name: `Evaluate ${newest}?` })
    await within(dialog).findByRole('combobox', { name: 'Evaluation dataset' })
    // The first POST is answered, the second refused.
    await queueFaults('startEvaluation', [
      { kind: 'json', body: { evaluationId: 'e0000000-0000-4000-8000-000000000099' } },
      { kind: 'status', status: 400, message: 'Quota of evaluations reached' },
    ])
    await user.click(within(dialog).getByRole('button', { name: 'Start 2 evaluations' }))
    const notices = screen.getByRole('region', { name: 'Notices' })
    await waitFor(() => expect(notices).toHaveTextContent('Started an evaluation'))
    expect(notices).toHaveTextContent(
      `The evaluation of the base model ${notEvaluated.baseModel} was not started`,
    )
    expect(notices).toHaveTextContent('Quota of evaluations reached')
    // The dialog stays, with Close only: confirming again would start the first one twice.
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument()
    expect(within(dialog).queryByRole('button', { name: /^(Start|Evaluate)/ })).toBeNull()
    expect(
      upstreamCalls.filter((call) => call.method === 'POST' && call.path === '/evaluation'),
    ).toHaveLength(2)
  })
})
