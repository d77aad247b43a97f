/**
 * Which checkpoint is best by a metric, and how checkpoints are ordered: by the number in their
 * name (`epoch_3`), newest first.
 */

export type Best = {
  checkpoint: string
  value: number
  /** Later checkpoints with the same number: the earlier epoch is marked, and this says so. */
  tiedWith: readonly string[]
}

/** The number in a checkpoint's name: `epoch_3` is 3; `checkpoint-500` is 500; none, undefined. */
export function epochOf(checkpoint: string): number | undefined {
  // The last run of digits, found from the end: linear whatever the name.
  let end = checkpoint.length
  while (end > 0 && !isDigit(checkpoint.charCodeAt(end - 1))) end--
  let start = end
  while (start > 0 && isDigit(checkpoint.charCodeAt(start - 1))) start--
  return start < end ? Number(checkpoint.slice(Math.max(start, end - 9), end)) : undefined
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

type Ordered = { checkpoint: string; epoch: number | undefined }

/**
 * Newest first: the higher epoch; a name without a number after the numbered ones; else later in
 * the model's own list (`order`: each checkpoint's place in it).
 */
export function newerCheckpoint(
  a: Ordered,
  b: Ordered,
  order: ReadonlyMap<string, number>,
): number {
  if (a.epoch !== b.epoch) {
    if (a.epoch === undefined) return 1
    if (b.epoch === undefined) return -1
    return b.epoch - a.epoch
  }
  return (order.get(b.checkpoint) ?? -1) - (order.get(a.checkpoint) ?? -1)
}

/**
 * The best number among checkpoints given newest first (`value` undefined: nothing counted).
 * A tie goes to the earlier epoch: the same quality for less training.
 */
export function bestCheckpoint(
  newestFirst: readonly { checkpoint: string; value: number | undefined }[],
  better: 'higher' | 'lower',
): Best | undefined {
  let best: { checkpoint: string; value: number } | undefined
  const later: string[] = []
  for (const { checkpoint, value } of newestFirst) {
    if (value === undefined) continue
    if (best && value === best.value) {
      later.push(best.checkpoint)
      best = { checkpoint, value }
    } else if (!best || (better === 'higher' ? value > best.value : value < best.value)) {
      later.length = 0
      best = { checkpoint, value }
    }
  }
  return best && { ...best, tiedWith: later.toReversed() }
}
