/** How far a large download has got: bytes while they arrive, then the reading of them. */
export type LoadProgress =
  | { stage: 'receiving'; received: number; total: number | undefined }
  | { stage: 'reading'; received: number }

type Listener = () => void

/**
 * The model list's progress, by session id: the query reports it, the key screen and the
 * loading view show it. Cleared when the load ends.
 */
function createProgressStore() {
  const progress = new Map<string, LoadProgress>()
  const listeners = new Set<Listener>()
  return {
    get: (sessionId: string) => progress.get(sessionId),
    set: (sessionId: string, value: LoadProgress | undefined) => {
      if (value) progress.set(sessionId, value)
      else progress.delete(sessionId)
      for (const listener of listeners) listener()
    },
    subscribe: (listener: Listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}

export const listProgress = createProgressStore()
