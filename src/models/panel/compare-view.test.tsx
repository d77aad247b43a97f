import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import type { Model } from '@/api/model-schema'
import { fixtureModels, makeModel } from '@/testing/factories'

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

const models = fixtureModels()
const named = (...names: string[]) =>
  names.map((name) => models.find((model) => model.modelName === name)!)

function renderCompare(compared: Model[]) {
  const onOpen = vi.fn<(modelId: string) => void>()
  const onClose = vi.fn<() => void>()
  const user = userEvent.setup()
  render(<CompareView models={compared} onOpen={onOpen} onClose={onClose} />)
  const dialog = screen.getByRole('dialog', { name: `Comparing ${compared.length} models` })
  /** A field's row by the name at its start, and its cells (one per model, in order). */
  const row = (field: string) => within(dialog).getByRole('row', { name: new RegExp(`^${field}`) })
  const cells = (field: string) =>
    within(row(field))
      .getAllByRole('cell')
      .map((cell) => cell.textContent)
  return { user, onOpen, onClose, dialog, row, cells }
}

describe('the compare view', () => {
  it('puts the models side by side, one column each, and marks the rows that differ', () => {
    const compared = named('gs-apparel-v3', 'gs-apparel-v4', 'fashion-clip-ecom-titles')
    const { dialog, row, cells } = renderCompare(compared)
    expect(dialog).toHaveAttribute('open')
    expect(
      within(dialog)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Field', 'gs-apparel-v3', 'gs-apparel-v4', 'fashion-clip-ecom-titles'])

    // A hyperparameter that differs, one all three share, and a column of the table.
    expect(cells('epochs')).toEqual(['5', '3', '10'])
    expect(within(row('epochs')).getByText('differs')).toBeInTheDocument()
    expect(cells('precision')).toEqual(['amp', 'amp', 'amp'])
    expect(within(row('precision')).queryByText('differs')).not.toBeInTheDocument()
    expect(cells('Base model')).toEqual(compared.map((model) => model.baseModel))

    const rows = within(dialog).getAllByRole('row').length - 1
    const differing = within(dialog).getAllByText('differs').length
    expect(within(dialog).getByText(`${differing} of ${rows} rows differ`)).toBeInTheDocument()
  })

  it('shows only the rows that differ when asked, and all of them again', async () => {
    const { user, dialog, row } = renderCompare(named('gs-apparel-v3', 'gs-apparel-v4'))
    const only = within(dialog).getByRole('checkbox', { name: 'Only differences' })
    expect(only).not.toBeChecked()
    await user.click(only)
    expect(within(dialog).queryByRole('row', { name: /^precision/ })).not.toBeInTheDocument()
    expect(row('epochs')).toBeInTheDocument()
    expect(within(dialog).getAllByRole('row').slice(1)).toHaveLength(
      within(dialog).getAllByText('differs').length,
    )
    await user.click(only)
    expect(row('precision')).toBeInTheDocument()
  })

  it('of two models alike in all but their id, shows the id alone when asked for differences', async () => {
    const twin = { hyperparameters: { epochs: 5 }, modelName: 'twin', checkpoints: ['epoch_1'] }
    const { user, dialog, row } = renderCompare([makeModel(twin), makeModel(twin)])
    const rows = within(dialog).getAllByRole('row').length - 1
    expect(within(dialog).getByText(`1 of ${rows} rows differ`)).toBeInTheDocument()
    await user.click(within(dialog).getByRole('checkbox', { name: 'Only differences' }))
    expect(within(dialog).getAllByRole('row').slice(1)).toEqual([row('ID')])
  })

  it('marks a hyperparameter one model lacks with a dash, as a difference', () => {
    const { row, cells } = renderCompare([
      makeModel({ hyperparameters: { epochs: 5, lr: 0.1 } }),
      makeModel({ hyperparameters: { epochs: 5 } }),
    ])
    expect(cells('lr')).toEqual(['0.1', '—'])
    expect(within(row('lr')).getByText('differs')).toBeInTheDocument()
    expect(within(row('epochs')).queryByText('differs')).not.toBeInTheDocument()
  })

  it('opens a model from its column, and closes with Close', async () => {
    const compared = named('gs-apparel-v3', 'fashion-clip-ecom-titles')
    const { user, dialog, onOpen, onClose } = renderCompare(compared)
    await user.click(within(dialog).getByRole('button', { name: 'fashion-clip-ecom-titles' }))
    expect(onOpen).toHaveBeenCalledWith(compared[1]!.modelId)
    expect(onClose).not.toHaveBeenCalled()

    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(dialog).not.toHaveAttribute('open')
  })
})
