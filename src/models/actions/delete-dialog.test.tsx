import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { fixtureModels } from '@/testing/factories'
import { renderApp } from '@/testing/render'

import { DeleteDialog, type DeleteFinished } from './delete-dialog'

// jsdom has <dialog> but not its modal methods.
if (!('showModal' in HTMLDialogElement.prototype)) {
  Object.assign(HTMLDialogElement.prototype, {
    showModal(this: HTMLDialogElement) {
      this.open = true
    },
    close(this: HTMLDialogElement) {
      this.open = false
    },
  })
}

const credentials = { sessionId: 's', apiKey: demoKey }

describe('DeleteDialog', () => {
  it('asks for the typed word, then deletes through the server and shows each outcome', async () => {
    const { upstreamRequests } = installEmulatorFetch()
    const models = fixtureModels().slice(0, 3)
    const onFinished = vi.fn<(result: DeleteFinished) => void>()
    const { user } = renderApp(
      <DeleteDialog
        models={models}
        single={false}
        credentials={credentials}
        onProgress={() => {}}
        onFinished={onFinished}
        onClose={() => {}}
      />,
    )
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 3 models?' })
    const confirm = within(dialog).getByRole('button', { name: 'Delete 3 models' })
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText('Type delete to confirm'), 'delet')
    expect(confirm).toBeDisabled()
    await user.type(within(dialog).getByLabelText('Type delete to confirm'), 'e')
    expect(upstreamRequests).toEqual([])
    await user.click(confirm)
    await waitFor(() => expect(onFinished).toHaveBeenCalled())
    expect(onFinished).toHaveBeenCalledWith({
      failed: [],
      deleted: models.map((model) => model.modelId),
    })
    expect(within(dialog).getAllByText('deleted', { exact: true })).toHaveLength(3)
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeEnabled()
  })

  it('confirms one model by its name', async () => {
    installEmulatorFetch()
    const [model] = fixtureModels()
    const { user } = renderApp(
      <DeleteDialog
        models={[model!]}
        single
        credentials={credentials}
        onProgress={() => {}}
        onFinished={() => {}}
        onClose={() => {}}
      />,
    )
    const field = screen.getByLabelText('Type the model name to confirm')
    const confirm = screen.getByRole('button', { name: 'Delete model' })
    await user.type(field, 'delete')
    expect(confirm).toBeDisabled()
    await user.clear(field)
    await user.type(field, model!.modelName)
    expect(confirm).toBeEnabled()
  })
})
