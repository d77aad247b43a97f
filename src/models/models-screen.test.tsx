import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { demoKey, installEmulatorFetch } from '@/testing/emulator-fetch'
import { makeModel, fixtureModels } from '@/testing/factories'
import { renderApp } from '@/testing/render'
import { loadPanelBody } from '@/models/panel/panel-frame'
import { setWatched } from '@/models/watching/watched-models'
import { ModelsScreen } from './models-screen'

function names(): string[] {
  return within(screen.getByRole('grid'))
    .queryAllByRole('rowheader')
    .map((cell) => cell.textContent ?? '')
}

const credentials = { sessionId: 'test', apiKey: demoKey }

function renderTable(search = '') {
  installEmulatorFetch()
  const urls: string[] = []
  const models = fixtureModels()
  const rendered = renderApp(<ModelsScreen models={models} credentials={credentials} />, {
    search,
    onUrlUpdate: (event) => urls.push(event.queryString),
  })
  // The URL follows the view after the paint (url-state.ts): assertions on it wait.
  return { ...rendered, models, lastUrl: () => decodeURIComponent(urls.at(-1) ?? '') }
}

const failedNames = [
  'vit-l14-product-search-lr-sweep-1',
  'vit-l14-product-search-lr-sweep-2',
  'jewellery-vit-l14-long',
  '=HYPERLINK("https://evil.example/","open me")',
]

// The screen fetches the code of a model's details while idle (on-demand.tsx), so a reader's
// first open shows them in the same frame; here it is in before the first test, as it would be
// long before a reader's first click, rather than only after an earlier test's idle time.
beforeAll(() => loadPanelBody())

describe('ModelsScreen', () => {
  it('keeps the service’s order until a column is sorted', () => {
    const { models } = renderTable()
    expect(names()).toEqual(models.map((model) => model.modelName))
  })

  it('sorts by a header click, reverses on the next, and records it in the URL', async () => {
    const { user, lastUrl } = renderTable()
    const header = screen.getByRole('columnheader', { name: /^name/i })

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'ascending')
    expect(names().indexOf('model-2')).toBeLessThan(names().indexOf('model-10'))
    await waitFor(() => expect(lastUrl()).toBe('?sort=modelName'))

    await user.click(within(header).getByRole('button'))
    expect(header).toHaveAttribute('aria-sort', 'descending')
    expect(names().indexOf('model-10')).toBeLessThan(names().indexOf('model-2'))
    await waitFor(() => expect(lastUrl()).toBe('?sort=-modelName'))
  })

  it('adds a second sort with Shift+click and shows each column’s priority', async () => {
    const { user, lastUrl } = renderTable()
    await user.click(screen.getByRole('button', { name: 'Instance type' }))
    await user.keyboard('{Shift>}')
    await user.click(screen.getByRole('button', { name: 'Name' }))
    await user.keyboard('{/Shift}')

    await waitFor(() => expect(lastUrl()).toBe('?sort=instanceType,modelName'))
    expect(
      screen.getByRole('button', { name: /Instance type, sort priority 1/ }),
    ).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /Name, sort priority 2/ })).toBeInTheDocument()
    expect(names().slice(0, 3)).toEqual([
      '<b>bold</b> & "quoted" \'model\'',
      '=HYPERLINK("https://evil.example/","open me")',
      'archive-import-2024-q4',
    ])
  })

  it('filters to the failed models with the status facet, whatever their spelling', async () => {
    const { user, lastUrl } = renderTable()
    await user.click(screen.getByRole('button', { name: 'Status filter' }))
    const panel = screen.getByRole('dialog', { name: 'Filter by status' })
    const failed = await within(panel).findByRole('checkbox', { name: /failed \/ Failed/ })
    expect(failed.closest('label')).toHaveTextContent('4')

    await user.click(failed)
    expect(names()).toEqual(failedNames)
    await waitFor(() => expect(lastUrl()).toBe('?status=failed'))
    expect(screen.getByRole('status')).toHaveTextContent('4 of 27 models')
    expect(screen.getByRole('button', { name: 'Failed' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('asks for the failed models by their phase with one click: the same rows', async () => {
    const { user, lastUrl } = renderTable()
    const failed = screen.getByRole('button', { name: 'Failed' })
    await user.click(failed)
    expect(failed).toHaveAttribute('aria-pressed', 'true')
    expect(names()).toEqual(failedNames)
    await waitFor(() => expect(lastUrl()).toBe('?phase=failed'))
  })

  it('groups the failed models by what went wrong; one click shows a group', async () => {
    const { user, lastUrl } = renderTable()
    expect(screen.queryByRole('region', { name: /Why models failed/ })).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Failed' }))

    const triage = screen.getByRole('region', { name: 'Why models failed: 3 reasons' })
    const groups = within(triage).getAllByRole('button')
    expect(groups.map((group) => group.textContent)).toEqual([
      'CUDA out of memory. Tried to allocate # GiB (GPU #; # GiB total capacity).2',
      'Training exceeded maxTrainingTime (# s) and was terminated.1',
      'Training task failed: dataset column "image" could not be loaded.1',
    ])
    await user.click(groups[0]!)
    expect(groups[0]).toHaveAttribute('aria-pressed', 'true')
    expect(names()).toEqual([
      'vit-l14-product-search-lr-sweep-2',
      '=HYPERLINK("https://evil.example/","open me")',
    ])
    await waitFor(() => expect(lastUrl()).toContain('failureReason=cuda+out+of+memory'))
  })

  it('answers "what is in progress?" with one click', async () => {
    const { user } = renderTable()
    await user.click(screen.getByRole('button', { name: 'In progress' }))
    expect(names()).toEqual([
      'multilingual-retail-xlmr',
      'furniture-vit-b16-v1',
      'furniture-vit-b16-v2',
      'shoes-vit-b32-hard-negatives',
      'vit-l14-product-search-distil',
      'gs-apparel-v5-candidate',
    ])
  })

  it('counts a model whose own status is unlisted but whose secondary status runs as in progress', async () => {
    const models = [
      makeModel({ modelName: 'odd-but-running', status: 'Busy', secondaryStatus: 'running' }),
      makeModel({ modelName: 'done', status: 'ready' }),
    ]
    const { user } = renderApp(<ModelsScreen models={models} credentials={credentials} />)
    await user.click(screen.getByRole('button', { name: 'In progress' }))
    expect(names()).toEqual(['odd-but-running'])
  })

  it('searches everywhere, highlights the matches, and offers to clear when nothing matches', async () => {
    const { user } = renderTable()
    const search = screen.getByRole('searchbox', { name: 'Search models' })

    await user.type(search, 'epoch_40')
    expect(names()).toEqual(['vit-l14-product-search'])
    await user.clear(search)
    await user.type(search, 'apparel')
    expect(screen.getByRole('status')).toHaveTextContent('3 of 27 models')
    expect(screen.getAllByText('apparel', { selector: 'mark' }).length).toBe(3)

    await user.type(search, ' nothing-like-this')
    expect(screen.getByText('No models match')).toBeInTheDocument()
    await user.click(screen.getAllByRole('button', { name: 'Clear all filters' }).at(-1)!)
    expect(screen.getByRole('status')).toHaveTextContent('27 models')
    expect(search).toHaveValue('')
  })

  it('shows the view a URL describes', () => {
    renderTable('?q=vit&status=failed&sort=-modelName')
    expect(names()).toEqual(failedNames.toSorted().toReversed())
    expect(screen.getByRole('searchbox', { name: 'Search models' })).toHaveValue('vit')
  })

  it('ignores a sort or columns a URL names that do not exist', () => {
    const { models } = renderTable('?sort=nope&cols=bogus,modelId')
    expect(names()).toEqual(models.map((model) => model.modelName))
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      '',
      'Name',
      'ID',
    ])
  })

  it('shows a filter value no model has as a chip that matches nothing, and removes it', async () => {
    const { user, models, lastUrl } = renderTable('?status=exploded&status=failed')
    expect(names()).toEqual(failedNames)
    expect(screen.getByText(/Status: exploded/)).toHaveTextContent('(matches no model)')
    await user.click(screen.getByRole('button', { name: 'Remove the filter Status: exploded' }))
    await waitFor(() => expect(lastUrl()).toBe('?status=failed'))
    await user.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]!)
    expect(names()).toEqual(models.map((model) => model.modelName))
  })

  it('keeps a phase link’s meaning: in-progress and an old ?phase=running', async () => {
    const { unmount } = renderTable('?phase=in-progress')
    expect(screen.getByRole('button', { name: 'In progress' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    expect(names()).toHaveLength(6)
    unmount()
    renderTable('?phase=running')
    expect(names()).toEqual([
      'multilingual-retail-xlmr',
      'vit-l14-product-search-distil',
      'gs-apparel-v5-candidate',
    ])
    expect(screen.getByRole('button', { name: 'Running: 3 models' })).toHaveAttribute(
      'aria-pressed',
      'true',
    )
  })

  it('hides a column and adds a hyperparameter as one, remembering the choice in the URL', async () => {
    const { user, lastUrl } = renderTable()
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    const menu = screen.getByRole('dialog', { name: 'Columns' })
    await user.click(await within(menu).findByRole('checkbox', { name: 'ID' }))
    await user.click(within(menu).getByRole('checkbox', { name: 'lr' }))

    expect(screen.queryByRole('columnheader', { name: 'ID' })).not.toBeInTheDocument()
    expect(screen.getByRole('columnheader', { name: 'lr' })).toBeInTheDocument()
    await waitFor(() =>
      expect(lastUrl()).toContain('cols=modelName,status,baseModel,instanceType,checkpoints,hp.lr'),
    )
    const row = screen.getByRole('rowheader', { name: 'gs-apparel-v3' }).closest('[role="row"]')!
    expect(row).toHaveTextContent('2e-5')
  })

  it('adds the hyperparameters that differ among the models shown', async () => {
    const { user } = renderTable('?q=furniture')
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    // The choices' code loads when the menu first opens.
    await user.click(await screen.findByRole('button', { name: 'Add varying hyperparameters' }))
    const headers = screen.getAllByRole('columnheader').map((header) => header.textContent)
    expect(headers.slice(-1)).toEqual(['lr'])
  })

  it('moves through rows with the keyboard and opens one with Enter', async () => {
    const { user, lastUrl } = renderTable()
    await user.keyboard('/')
    expect(screen.getByRole('searchbox', { name: 'Search models' })).toHaveFocus()
    await user.keyboard('gs-apparel')
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('rowheader', { name: 'gs-apparel-v3' })).toHaveFocus()
    await user.keyboard('j')
    expect(screen.getByRole('rowheader', { name: 'gs-apparel-v4' })).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(lastUrl()).toContain('model=6e96dc35-4b56-4440-89bd-cb93cd966925'))
    expect(
      screen.getByRole('rowheader', { name: 'gs-apparel-v4' }).closest('[role="row"]'),
    ).toHaveAttribute('aria-current', 'true')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(lastUrl()).not.toContain('model='))
    await user.keyboard('{Escape}')
    expect(screen.getByRole('searchbox', { name: 'Search models' })).toHaveValue('')
  })

  it('opens a model from a click anywhere on its row, but not from a selection or its checkbox', async () => {
    const { user, lastUrl } = renderTable()
    const row = screen
      .getByRole('rowheader', { name: 'gs-apparel-v4' })
      .closest<HTMLElement>('[role="row"]')!
    const baseModel = within(row).getAllByRole('gridcell')[3]!

    await user.click(within(row).getByRole('checkbox', { name: /gs-apparel-v4$/ }))
    await waitFor(() => expect(lastUrl()).not.toContain('model='))

    // A drag that selects text ends in a click on a row whose text is selected: it stays a
    // selection. (user-event's click would collapse the selection first, as a press does.)
    window.getSelection()!.selectAllChildren(baseModel)
    fireEvent.click(baseModel)
    await waitFor(() => expect(lastUrl()).not.toContain('model='))

    window.getSelection()!.removeAllRanges()
    await user.click(baseModel)
    await waitFor(() => expect(lastUrl()).toContain('model=6e96dc35-4b56-4440-89bd-cb93cd966925'))
  })

  it('keeps the table when a browser API throws in watching: that part alone says so', async () => {
    const finished = fixtureModels().find((model) => model.status.toLowerCase() === 'ready')!
    setWatched([finished.modelId])
    // A browser that throws where it should answer: reading the permission, say.
    vi.stubGlobal(
      'Notification',
      Object.defineProperty({}, 'permission', {
        get: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError')
        },
      }),
    )
    installEmulatorFetch()
    const caught = vi.fn<(error: unknown) => void>()
    renderApp(<ModelsScreen models={fixtureModels()} credentials={credentials} />, {
      onCaughtError: caught,
    })
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        /^The watched models could not be shown: .*The operation is insecure\./,
      ),
    )
    expect(caught).toHaveBeenCalledTimes(1)
    expect(names()).toContain(finished.modelName)
    expect(screen.getByRole('searchbox', { name: 'Search models' })).toBeInTheDocument()
  })

  it('has its own state for an empty account', () => {
    renderApp(<ModelsScreen models={[]} credentials={credentials} />)
    expect(screen.getByText('This account has no models yet')).toBeInTheDocument()
    expect(screen.queryByRole('grid')).not.toBeInTheDocument()
  })
})
