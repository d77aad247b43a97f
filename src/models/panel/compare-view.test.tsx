import { screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Model } from '@/api/model-schema'
import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { fixtureModels, makeModel } from '@/testing/factories'
import { installFakeCanvas } from '@/testing/fake-canvas'
import { renderApp } from '@/testing/render'

import { CompareView } from './compare-view'

// jsdom has <dialog> but neither its modal methods nor a form that closes it: both as browsers do.
beforeAll(() => {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.open = true
    },
    close(this: HTMLDialogElement) {
      if (!this.open) return
      this.open = false
      this.dispatchEvent(new Event('close'))
    },
  })
  document.addEventListener('submit', (event) => {
    const form = event.target
    if (!(form instanceof HTMLFormElement) || form.method !== 'dialog') return
    event.preventDefault()
    form.closest('dialog')?.close()
  })
})

const credentials = { sessionId: 'compare', apiKey: demoKey }
const models = fixtureModels()
const named = (...names: string[]) =>
  names.map((name) => models.find((model) => model.modelName === name)!)

/**
 * The compare view of `compared`, its loss curves read from the emulator's logs through the
 * server, in process; it resolves once every log has been read or refused.
 */
async function renderCompare(compared: Model[]) {
  installEmulatorFetch()
  installFakeCanvas()
  const onOpen = vi.fn<(modelId: string) => void>()
  const onClose = vi.fn<() => void>()
  const { user } = renderApp(
    <CompareView models={compared} credentials={credentials} onOpen={onOpen} onClose={onClose} />,
  )
  const dialog = screen.getByRole('dialog', { name: `Comparing ${compared.length} models` })
  const loss = within(dialog).getByRole('region', { name: 'Loss curves' })
  await waitFor(() => expect(loss).not.toHaveTextContent('reading its log'))
  const table = within(dialog).getByRole('table', { name: /side by side/ })
  /** A field's row by the name at its start, and its cells (one per model, in order). */
  const row = (field: string) => within(table).getByRole('row', { name: new RegExp(`^${field}`) })
  const cells = (field: string) =>
    within(row(field))
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
  return { user, onOpen, onClose, dialog, loss, table, row, cells }
}

describe('the compare view', () => {
  it('puts the models side by side, one column each, and marks the rows that differ', async () => {
    const compared = named('gs-apparel-v3', 'gs-apparel-v4', 'fashion-clip-ecom-titles')
    const { dialog, table, row, cells } = await renderCompare(compared)
    expect(dialog).toHaveAttribute('open')
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Field', 'gs-apparel-v3', 'gs-apparel-v4', 'fashion-clip-ecom-titles'])

    // A hyperparameter that differs, one all three share, and a column of the table.
    expect(cells('epochs')).toEqual(['5', '3', '10'])
    expect(within(row('epochs')).getByText('differs')).toBeInTheDocument()
    expect(cells('precision')).toEqual(['amp', 'amp', 'amp'])
    expect(within(row('precision')).queryByText('differs')).not.toBeInTheDocument()
    expect(cells('Base model')).toEqual(compared.map((model) => model.baseModel))

    const rows = within(table).getAllByRole('row').length - 1
    const differing = within(table).getAllByText('differs').length
    expect(within(dialog).getByText(`${differing} of ${rows} rows differ`)).toBeInTheDocument()
  })

  it('shows only the rows that differ when asked, and all of them again', async () => {
    const { user, dialog, table, row } = await renderCompare(
      named('gs-apparel-v3', 'gs-apparel-v4'),
    )
    const only = within(dialog).getByRole('checkbox', { name: 'Only differences' })
    expect(only).not.toBeChecked()
    await user.click(only)
    expect(within(table).queryByRole('row', { name: /^precision/ })).not.toBeInTheDocument()
    expect(row('epochs')).toBeInTheDocument()
    expect(within(table).getAllByRole('row').slice(1)).toHaveLength(
      within(table).getAllByText('differs').length,
    )
    await user.click(only)
    expect(row('precision')).toBeInTheDocument()
  })

  it('of two models alike in all but their id, shows the id alone when asked for differences', async () => {
    const twin = { hyperparameters: { epochs: 5 }, modelName: 'twin', checkpoints: ['epoch_1'] }
    const { user, dialog, table, row } = await renderCompare([makeModel(twin), makeModel(twin)])
    const rows = within(table).getAllByRole('row').length - 1
    expect(within(dialog).getByText(`1 of ${rows} rows differ`)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('checkbox', { name: 'Only differences' }))
    expect(within(table).getAllByRole('row').slice(1)).toEqual([row('ID')])
  })

  it('marks a hyperparameter one model lacks with a dash, as a difference', async () => {
    const { row, cells } = await renderCompare([
      makeModel({ hyperparameters: { epochs: 5, lr: 0.1 } }),
      makeModel({ hyperparameters: { epochs: 5 } }),
    ])
    expect(cells('lr')).toEqual(['0.1', '—'])
    expect(within(row('lr')).getByText('differs')).toBeInTheDocument()
    expect(within(row('epochs')).queryByText('differs')).not.toBeInTheDocument()
  })

  it('draws each model’s loss by epoch from its log, and names a model it cannot draw with why', async () => {
    const stranger = makeModel({ modelName: 'not-in-this-account' })
    const { loss } = await renderCompare([...named('gs-apparel-v3', 'gs-apparel-v4'), stranger])
    const chart = within(loss).getByRole('figure', { name: 'Loss by epoch, from each log' })
    expect(within(chart).getByRole('list', { name: 'Legend' })).toHaveTextContent(
      /gs-apparel-v3.*gs-apparel-v4/,
    )
    expect(loss).toHaveTextContent(
      /Not drawn: not-in-this-account, its log could not be read \(.+\)/,
    )
    expect(loss).not.toHaveTextContent(/Not drawn: gs-apparel/)
  })

  it('opens a model from its column, and closes with Close', async () => {
    const compared = named('gs-apparel-v3', 'fashion-clip-ecom-titles')
    const { user, dialog, onOpen, onClose } = await renderCompare(compared)
    await user.click(within(dialog).getByRole('button', { name: 'fashion-clip-ecom-titles' }))
    expect(onOpen).toHaveBeenCalledWith(compared[1]!.modelId)
    expect(onClose).not.toHaveBeenCalled()

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(dialog).not.toHaveAttribute('open')
  })
})
