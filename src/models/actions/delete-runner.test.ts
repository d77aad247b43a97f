import { describe, expect, it } from 'vitest'

import { runDeletes, stillSelected, type DeleteState } from './delete-runner'

const ids = Array.from({ length: 10 }, (_, index) => `m${index}`)

/** A delete that waits until the test lets it answer. */
function controlled() {
  const pending = new Map<string, (value: 'deleted' | 'already-deleted' | Error) => void>()
  let inFlight = 0
  let most = 0
  const deleteOne = (id: string) =>
    new Promise<'deleted' | 'already-deleted'>((resolve, reject) => {
      inFlight++
      most = Math.max(most, inFlight)
      pending.set(id, (value) => {
        inFlight--
        pending.delete(id)
        if (value instanceof Error) reject(value)
        else resolve(value)
      })
    })
  return { deleteOne, pending, most: () => most }
}

const tick = () => new Promise((resolve) => setTimeout(resolve))

describe('runDeletes', () => {
  it('keeps at most 4 in flight and reports each outcome', async () => {
    const { deleteOne, pending, most } = controlled()
    const seen: Array<[string, DeleteState['state']]> = []
    const run = runDeletes(ids, deleteOne, { onChange: (id, o) => seen.push([id, o.state]) })
    while (pending.size || seen.filter(([, state]) => state === 'deleting').length < ids.length) {
      await tick()
      const [first] = pending.keys()
      if (first)
        pending.get(first)!(
          first === 'm3'
            ? new Error('model not found')
            : first === 'm5'
              ? 'already-deleted'
              : 'deleted',
        )
    }
    const outcomes = await run
    expect(most()).toBe(4)
    expect(outcomes.get('m0')).toEqual({ state: 'deleted' })
    expect(outcomes.get('m3')).toEqual({ state: 'failed', message: 'model not found' })
    expect(outcomes.get('m5')).toEqual({ state: 'already-deleted' })
    expect(stillSelected(outcomes)).toEqual(['m3'])
    expect(seen.slice(0, ids.length).every(([, state]) => state === 'queued')).toBe(true)
  })

  it('cancel stops those not yet sent, and lets those in flight finish', async () => {
    const { deleteOne, pending } = controlled()
    const controller = new AbortController()
    const run = runDeletes(ids, deleteOne, { onChange: () => {}, signal: controller.signal })
    await tick()
    expect([...pending.keys()]).toEqual(['m0', 'm1', 'm2', 'm3'])
    controller.abort()
    for (const resolve of pending.values()) resolve('deleted')
    const outcomes = await run
    expect([...outcomes.values()].filter((o) => o.state === 'deleted')).toHaveLength(4)
    expect([...outcomes.values()].filter((o) => o.state === 'cancelled')).toHaveLength(6)
    expect(stillSelected(outcomes)).toEqual(ids.slice(4))
  })

  it('marks those not yet sent cancelled at once, not when those in flight come back', async () => {
    const { deleteOne, pending } = controlled()
    const controller = new AbortController()
    const latest = new Map<string, DeleteState['state']>()
    const run = runDeletes(ids, deleteOne, {
      onChange: (id, outcome) => latest.set(id, outcome.state),
      signal: controller.signal,
    })
    await tick()
    controller.abort()
    // The four in flight have not answered yet: the six others already say so.
    expect(pending.size).toBe(4)
    expect(ids.filter((id) => latest.get(id) === 'cancelled')).toEqual(ids.slice(4))
    expect(ids.filter((id) => latest.get(id) === 'deleting')).toEqual(ids.slice(0, 4))
    for (const resolve of pending.values()) resolve('deleted')
    const outcomes = await run
    expect(ids.map((id) => outcomes.get(id)!.state)).toEqual([
      ...Array<string>(4).fill('deleted'),
      ...Array<string>(6).fill('cancelled'),
    ])
  })

  it('sends one delete per model, however often its id was handed in', async () => {
    const sent: string[] = []
    const outcomes = await runDeletes(
      ['m1', 'm2', 'm1', 'm1'],
      async (id) => {
        sent.push(id)
        return 'deleted'
      },
      { onChange: () => {} },
    )
    expect(sent).toEqual(['m1', 'm2'])
    expect([...outcomes.keys()]).toEqual(['m1', 'm2'])
  })
})
