import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'

import type { Model } from '@/api/model-schema'
import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { fixtureModels, makeModel } from '@/testing/factories'
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

/** The dialog for `models`, one (from its panel) or many, deleting through the server and emulator. */
function renderDialog(
  models: Model[],
  {
    single = false,
    onFinished = () => {},
  }: { single?: boolean; onFinished?: (result: DeleteFinished) => void } = {},
) {
  const { upstreamRequests } = installEmulatorFetch()
  const rendered = renderApp(
    <DeleteDialog
      models={models}
      single={single}
      credentials={credentials}
      onProgress={() => {}}
      onFinished={onFinished}
      onClose={() => {}}
    />,
  )
  return { ...rendered, upstreamRequests }
}

/** The dialog for one model of this name, from its panel. */
function renderSingle(modelName: string) {
  const model = makeModel({ modelName })
  const rendered = renderDialog([model], { single: true })
  return { ...rendered, model, confirm: screen.getByRole('button', { name: 'Delete model' }) }
}

describe('DeleteDialog', () => {
  it('asks for the typed word, then deletes through the server and shows each outcome', async () => {
    const models = fixtureModels().slice(0, 3)
    const onFinished = vi.fn<(result: DeleteFinished) => void>()
    const { user, upstreamRequests } = renderDialog(models, { onFinished })
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

  it('lists, counts and deletes a model handed in twice once', async () => {
    const [first, second] = fixtureModels()
    const { user, upstreamRequests } = renderDialog([first!, second!, first!])
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 models?' })
    expect(within(dialog).getAllByRole('listitem')).toHaveLength(2)
    await user.type(within(dialog).getByLabelText('Type delete to confirm'), 'delete')
    await user.click(within(dialog).getByRole('button', { name: 'Delete 2 models' }))
    await waitFor(() => expect(within(dialog).getByText('Done.')).toBeInTheDocument())
    expect(upstreamRequests).toEqual([`/models/${first!.modelId}`, `/models/${second!.modelId}`])
  })

  it('confirms one model by its name', async () => {
    const [model] = fixtureModels()
    const { user } = renderDialog([model!], { single: true })
    const field = screen.getByLabelText('Type the model name to confirm')
    const confirm = screen.getByRole('button', { name: 'Delete model' })
    await user.type(field, 'delete')
    expect(confirm).toBeDisabled()
    await user.clear(field)
    await user.type(field, model!.modelName)
    expect(confirm).toBeEnabled()
  })

  it.each(['trailing-space ', '  leading-spaces', ' both '])(
    'confirms %j by its name as it is, spaces included, and says where they are',
    async (name) => {
      const { user, confirm } = renderSingle(name)
      const field = screen.getByLabelText('Type the model name to confirm')
      expect(screen.getByRole('alertdialog')).toHaveTextContent(/with (a )?spaces? (at|around)/)
      await user.type(field, name.trim())
      expect(confirm).toBeDisabled()
      await user.clear(field)
      await user.type(field, name)
      expect(confirm).toBeEnabled()
    },
  )

  it('takes a name without spaces around it whatever spaces a keyboard adds', async () => {
    const { user, confirm } = renderSingle('gs-apparel')
    await user.type(screen.getByLabelText('Type the model name to confirm'), 'gs-apparel ')
    expect(confirm).toBeEnabled()
  })

  it.each([
    ['an empty name', ''],
    ['a name of spaces', '   '],
    ['a name with a line break', 'first line\nsecond line'],
    ['a name with a tab', 'a\tb'],
  ])('asks for the id of a model with %s, which no one can type', async (_case, name) => {
    const { user, confirm, model } = renderSingle(name)
    expect(screen.queryByLabelText('Type the model name to confirm')).toBeNull()
    const field = screen.getByLabelText('Type the model id to confirm')
    expect(screen.getByRole('alertdialog')).toHaveTextContent(model.modelId)
    await user.type(field, 'first line')
    expect(confirm).toBeDisabled()
    await user.clear(field)
    await user.type(field, model.modelId)
    expect(confirm).toBeEnabled()
  })
})
