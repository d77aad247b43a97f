import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

import { fetchModel, type Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { outcomeText } from '@/models/domain/outcome'
import { isInProgress, phaseOf } from '@/models/domain/status'

import { showDesktopNotification } from './desktop-notification'
import { notificationsRefused } from './watched-models'

/** While the tab is hidden, each watched model is asked about at most this often. */
export const hiddenPollMs = 15_000
/** Requests at once while hidden: a few, never the whole list. */
const concurrency = 3

export type Outcome = { modelId: string; modelName: string; text: string; ok: boolean }

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener)
  return () => document.removeEventListener('visibilitychange', listener)
}

export function usePageHidden(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'hidden')
}

/**
 * Tells the reader when a watched model finishes: a desktop notification (when allowed and the
 * browser shows them from a page), a count
 * in the tab title until the tab is looked at, and the outcomes for an in-page notice. While the
 * tab is hidden the list is not refreshed, so only the watched models are polled, one by one.
 */
export function useWatching({
  byId,
  watched,
  setWatched,
  credentials,
  onOpen,
}: {
  /** The account by id, built on first use (only once something is watched). */
  byId: () => ReadonlyMap<string, Model>
  watched: readonly string[]
  setWatched: (ids: readonly string[]) => void
  credentials: Credentials
  onOpen: (modelId: string) => void
}) {
  const hidden = usePageHidden()
  const [polled, setPolled] = useState<ReadonlyMap<string, Model>>(new Map())
  const [outcomes, setOutcomes] = useState<Outcome[]>([])
  const [unseen, setUnseen] = useState(0)
  const onOpenRef = useRef(onOpen)
  useEffect(() => {
    onOpenRef.current = onOpen
  })

  // A watched model that has reached an end: told once, then no longer watched.
  useEffect(() => {
    const finished: Model[] = []
    for (const id of watched) {
      const model = polled.get(id) ?? byId().get(id)
      if (model && !isInProgress(phaseOf(model))) finished.push(model)
    }
    if (!finished.length) return
    setWatched(watched.filter((id) => !finished.some((model) => model.modelId === id)))
    const told = finished.map((model) => ({
      modelId: model.modelId,
      modelName: model.modelName,
      text: outcomeText(model),
      ok: phaseOf(model) === 'ready',
    }))
    // A finish is an event found in data that arrived: told once, here, beside the notification.
    // oxlint-disable-next-line react/set-state-in-effect -- see above
    setOutcomes((shown) => [...told, ...shown])
    if (document.visibilityState === 'hidden') setUnseen((count) => count + told.length)
    if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
      for (const outcome of told) {
        const shown = showDesktopNotification(`${outcome.modelName}: ${outcome.text}`, {
          body: 'Open it in the Marqtune Models dashboard.',
          tag: outcome.modelId,
          onClick: () => {
            window.focus()
            onOpenRef.current(outcome.modelId)
          },
        })
        // Refused by this browser: the notice (already told) says so, and no more are tried.
        if (!shown) {
          notificationsRefused()
          break
        }
      }
    }
  }, [watched, polled, byId, setWatched])

  // Looking at the tab again counts as seeing what finished.
  useEffect(
    () =>
      subscribeVisibility(() => {
        if (document.visibilityState === 'visible') setUnseen(0)
      }),
    [],
  )

  const watchedKey = watched.join(',')
  useEffect(() => {
    if (!hidden || !watchedKey) return undefined
    const ids = watchedKey.split(',')
    const controller = new AbortController()
    let running = false
    const poll = async () => {
      if (running) return
      running = true
      const queue = [...ids]
      const worker = async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          try {
            const model = await fetchModel(credentials.apiKey, id, controller.signal)
            if (model) setPolled((known) => new Map(known).set(model.modelId, model))
          } catch {
            // A failed poll is tried again at the next turn.
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
      running = false
    }
    const timer = setInterval(() => void poll(), hiddenPollMs)
    return () => {
      clearInterval(timer)
      controller.abort()
    }
  }, [hidden, watchedKey, credentials.apiKey])

  const latest = outcomes[0]
  return {
    outcomes,
    dismiss: () => setOutcomes([]),
    titlePrefix: unseen && latest ? `(${unseen}) ${latest.ok ? '✓' : '✕'} ` : '',
  }
}
