import { act, screen, within } from '@testing-library/react'
import { useCallback } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { Model } from '@/api/model-schema'
import { NoticesProvider } from '@/components/notices'
import { demoKey, installEmulatorFetch, queueFaults } from '@/testing/emulator-fetch'
import { fixtureModels } from '@/testing/factories'
import { renderApp } from '@/testing/render'

import { hiddenPollMs } from './use-watching'
import { WatchToggle } from './watch-toggle'
import { reloadWatched } from './watched-models'
import { Watching } from './watching'

const credentials = { sessionId: 'watching', apiKey: demoKey }
const models = fixtureModels()
const byName = (name: string) => models.find((model) => model.modelName === name)!
// Uploading its 4 checkpoints: one step of the emulator's clock from ready.
const uploading = byName('shoes-vit-b32-hard-negatives')
// At epoch 1 of 5: still training long after the other has finished.
const training = byName('gs-apparel-v5-candidate')
const outcome = `${uploading.modelName}: ready, 4 checkpoints`
const finished = (model: Model): Model => ({ ...model, status: 'ready', secondaryStatus: 'ready' })

/** window.Notification with this permission, recording what is shown. */
function stubNotifications(permission: NotificationPermission, { refuse = false } = {}) {
  const shown: Array<{ title: string; tag: string | undefined; click: () => void }> = []
  const requestPermission = vi.fn<() => Promise<NotificationPermission>>(() =>
    Promise.resolve(permission),
  )
  class StubNotification extends EventTarget {
    static permission = permission
    static requestPermission = requestPermission
    constructor(title: string, options: NotificationOptions = {}) {
      super()
      if (refuse) throw new TypeError("Failed to construct 'Notification': Illegal constructor.")
      shown.push({ title, tag: options.tag, click: () => this.dispatchEvent(new Event('click')) })
    }
    close() {}
  }
  vi.stubGlobal('Notification', StubNotification)
  // The page as it loads in such a browser: what it knows of the permission is read from it.
  reloadWatched()
  return { shown, requestPermission }
}

/** The tab hidden or shown, as the browser tells the page. */
function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'visibilityState', {
    configurable: true,
    get: () => (hidden ? 'hidden' : 'visible'),
  })
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'))
  })
}

afterEach(() => {
  // The tab's visibility is the page's, not the test's (the watched ids: testing/setup.ts).
  Reflect.deleteProperty(document, 'visibilityState')
  vi.useRealTimers()
})

/** Watching as the screen has it, beside a toggle for `watch`, over the account's `list`. */
function Screen({
  list,
  watch,
  onOpen,
  onTitlePrefix,
}: {
  list: readonly Model[]
  watch: readonly Model[]
  onOpen: (modelId: string) => void
  onTitlePrefix: (prefix: string) => void
}) {
  const byId = useCallback(() => new Map(list.map((model) => [model.modelId, model])), [list])
  return (
    <NoticesProvider>
      <WatchToggle ids={watch.map((model) => model.modelId)} label="Notify me when it finishes" />
      <Watching
        byId={byId}
        credentials={credentials}
        onOpen={onOpen}
        onTitlePrefix={onTitlePrefix}
      />
    </NoticesProvider>
  )
}

function renderWatching(watch: readonly Model[], list: readonly Model[] = models) {
  const onOpen = vi.fn<(modelId: string) => void>()
  const titles: string[] = []
  const onTitlePrefix = (prefix: string) => {
    titles.push(prefix)
  }
  const rendered = renderApp(
    <Screen list={list} watch={watch} onOpen={onOpen} onTitlePrefix={onTitlePrefix} />,
  )
  return {
    ...rendered,
    onOpen,
    title: () => titles.at(-1),
    toggle: () => screen.getByRole('button', { name: 'Notify me when it finishes' }),
    notices: () => screen.getByRole('region', { name: 'Notices' }),
    relist: (next: readonly Model[]) =>
      rendered.rerender(
        <Screen list={next} watch={watch} onOpen={onOpen} onTitlePrefix={onTitlePrefix} />,
      ),
  }
}

const stored = () => sessionStorage.getItem('marqtune-watched-models')

describe('watching a model', () => {
  it('asks for permission on the first press only, and a second press stops watching', async () => {
    const { requestPermission } = stubNotifications('default')
    const { user, toggle } = renderWatching([uploading])
    expect(toggle()).toHaveAttribute('aria-pressed', 'false')
    expect(requestPermission).not.toHaveBeenCalled()

    await user.click(toggle())
    expect(toggle()).toHaveAttribute('aria-pressed', 'true')
    expect(stored()).toBe(JSON.stringify([uploading.modelId]))
    expect(requestPermission).toHaveBeenCalledTimes(1)

    await user.click(toggle())
    expect(toggle()).toHaveAttribute('aria-pressed', 'false')
    expect(stored()).toBeNull()
    expect(requestPermission).toHaveBeenCalledTimes(1)
  })

  it('tells once when the list shows it finished: a desktop notification, a notice with Open, and it is watched no more', async () => {
    installEmulatorFetch()
    const { shown } = stubNotifications('granted')
    const focus = vi.spyOn(window, 'focus').mockImplementation(() => {})
    const { user, toggle, notices, relist, onOpen, title } = renderWatching([uploading])
    await user.click(toggle())
    expect(within(notices()).queryByText(outcome)).not.toBeInTheDocument()

    const next = models.map((model) => (model === uploading ? finished(model) : model))
    relist(next)
    expect(await within(notices()).findByText(outcome)).toBeInTheDocument()
    expect(notices()).toHaveTextContent('A model you asked to be told about has finished.')
    expect(shown.map(({ title: said, tag }) => [said, tag])).toEqual([[outcome, uploading.modelId]])
    expect(toggle()).toHaveAttribute('aria-pressed', 'false')
    expect(stored()).toBeNull()
    // The tab is in view: nothing to count in its title.
    expect(title()).toBe('')

    // Told once: the same list again, or a newer one, says nothing more.
    relist([...next])
    expect(shown).toHaveLength(1)
    expect(within(notices()).getAllByText(outcome)).toHaveLength(1)

    act(() => shown[0]!.click())
    expect(focus).toHaveBeenCalled()
    expect(onOpen).toHaveBeenLastCalledWith(uploading.modelId)
    onOpen.mockClear()
    await user.click(within(notices()).getByRole('button', { name: `Open ${uploading.modelName}` }))
    expect(onOpen).toHaveBeenCalledWith(uploading.modelId)
  })

  it('while the tab is hidden asks about the watched models alone, every 15 s, and counts what finished in the title until the tab is seen', async () => {
    // The emulator runs in this process on the same fake clock: its uploading model is ready
    // after one step of 10 s, the training one five steps later.
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { upstreamRequests } = installEmulatorFetch({ simulate: true, epochMs: 10_000 })
    const { shown } = stubNotifications('granted')
    const watch = [uploading, training]
    const { toggle, notices, title } = renderWatching(watch)
    act(() => toggle().click())
    expect(toggle()).toHaveAttribute('aria-pressed', 'true')
    const askedFor = (model: Model) =>
      upstreamRequests.filter((path) => path === `/models/${model.modelId}`).length

    setHidden(true)
    await act(() => vi.advanceTimersByTimeAsync(hiddenPollMs - 1_000))
    expect(upstreamRequests).toEqual([])
    await act(() => vi.advanceTimersByTimeAsync(1_000))
    expect(upstreamRequests).toEqual(watch.map((model) => `/models/${model.modelId}`))
    expect(shown.map((notification) => notification.title)).toEqual([outcome])
    expect(title()).toBe('(1) ✓ ')

    // The finished one is told once and asked about no more; the other at each turn.
    await act(() => vi.advanceTimersByTimeAsync(hiddenPollMs))
    expect([askedFor(uploading), askedFor(training)]).toEqual([1, 2])
    expect(upstreamRequests).toHaveLength(3)
    expect(shown).toHaveLength(1)

    // Seen: the count goes, and with the tab in view the list's refresh takes over again.
    setHidden(false)
    expect(title()).toBe('')
    expect(notices()).toHaveTextContent(outcome)
    await act(() => vi.advanceTimersByTimeAsync(2 * hiddenPollMs))
    expect(upstreamRequests).toHaveLength(3)
  })

  it('asks again at the next turn after a failed request', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const { upstreamRequests } = installEmulatorFetch({
      simulate: true,
      epochMs: 10_000,
      faults: true,
    })
    await queueFaults('describeModel', [{ kind: 'status', status: 503, body: 'json' }])
    stubNotifications('granted')
    const { toggle, notices, title } = renderWatching([uploading])
    act(() => toggle().click())
    setHidden(true)
    const asked = () => upstreamRequests.filter((path) => path.startsWith('/models'))

    await act(() => vi.advanceTimersByTimeAsync(hiddenPollMs))
    expect(asked()).toEqual([`/models/${uploading.modelId}`])
    expect(title()).toBe('')
    await act(() => vi.advanceTimersByTimeAsync(hiddenPollMs))
    expect(asked()).toHaveLength(2)
    expect(title()).toBe('(1) ✓ ')
    expect(notices()).toHaveTextContent(outcome)
  })

  it('with notifications denied, says so once and tells on the page alone', async () => {
    installEmulatorFetch()
    const { shown } = stubNotifications('denied')
    const { user, toggle, notices, relist } = renderWatching([uploading])
    await user.click(toggle())
    expect(
      await within(notices()).findByText(/Desktop notifications are not allowed in this browser/),
    ).toBeInTheDocument()

    relist(models.map((model) => (model === uploading ? finished(model) : model)))
    expect(await within(notices()).findByText(outcome)).toBeInTheDocument()
    expect(within(notices()).getAllByText(/not allowed/)).toHaveLength(1)
    expect(shown).toEqual([])
  })

  // A refusal lasts for the page (the module's), as it does in the browser; each test has its own
  // page (testing/setup.ts).
  it('where the browser refuses to construct a notification, the page tells instead and says why', async () => {
    installEmulatorFetch()
    const { shown } = stubNotifications('granted', { refuse: true })
    const { user, toggle, notices, relist } = renderWatching([uploading])
    await user.click(toggle())
    expect(notices()).not.toHaveTextContent(/does not show desktop notifications/)

    relist(models.map((model) => (model === uploading ? finished(model) : model)))
    expect(await within(notices()).findByText(outcome)).toBeInTheDocument()
    expect(
      await within(notices()).findByText(
        /This browser does not show desktop notifications from this page/,
      ),
    ).toBeInTheDocument()
    expect(shown).toEqual([])
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })
})
