/** Where one model of a delete run stands. */
export type DeleteState =
  | { state: 'queued' }
  | { state: 'deleting' }
  | { state: 'deleted' }
  | { state: 'already-deleted' }
  | { state: 'failed'; message: string }
  | { state: 'cancelled' }

/** At most this many deletes in flight: a bulk delete must not look like a flood. */
export const deleteConcurrency = 4

export const isDone = (outcome: DeleteState) =>
  outcome.state === 'deleted' || outcome.state === 'already-deleted'

/**
 * Deletes `ids` (each once, however often it is listed), `concurrency` at a time, telling
 * `onChange` each step of each model. Aborting `signal` stops the ones not yet sent: they are
 * `cancelled` at once, not when the requests in flight come back (a slow service takes
 * seconds). Those in flight finish, since the service may already have acted on them. Resolves
 * once every model has an outcome.
 */
export async function runDeletes(
  listed: readonly string[],
  deleteOne: (id: string) => Promise<'deleted' | 'already-deleted'>,
  {
    onChange,
    signal,
    concurrency = deleteConcurrency,
  }: {
    onChange: (id: string, outcome: DeleteState) => void
    signal?: AbortSignal
    concurrency?: number
  },
): Promise<Map<string, DeleteState>> {
  const outcomes = new Map<string, DeleteState>()
  const set = (id: string, outcome: DeleteState) => {
    outcomes.set(id, outcome)
    onChange(id, outcome)
  }
  const ids = [...new Set(listed)]
  for (const id of ids) set(id, { state: 'queued' })
  let next = 0
  const cancelUnsent = () => {
    while (next < ids.length) set(ids[next++]!, { state: 'cancelled' })
  }
  if (signal?.aborted) cancelUnsent()
  signal?.addEventListener('abort', cancelUnsent, { once: true })
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++]!
      set(id, { state: 'deleting' })
      try {
        set(id, { state: await deleteOne(id) })
      } catch (error) {
        set(id, {
          state: 'failed',
          message: error instanceof Error ? error.message : 'The delete failed.',
        })
      }
    }
  }
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  } finally {
    signal?.removeEventListener('abort', cancelUnsent)
  }
  return outcomes
}

/** After a run, what stays selected: the models that were not deleted, so a retry acts on them. */
export function stillSelected(outcomes: ReadonlyMap<string, DeleteState>): string[] {
  return [...outcomes].flatMap(([id, outcome]) => (isDone(outcome) ? [] : [id]))
}
