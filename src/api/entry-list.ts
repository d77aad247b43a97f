import { ApiError } from './api-error'
import { isRecord } from './envelope'

/** An entry of a list that is not shown as one of its kind, kept so that the user can read it. */
export type RejectedEntry<NoId extends string> = {
  /** Its position in the service's list, from 0. */
  position: number
  value: unknown
  why: 'not an object' | NoId | 'repeated id'
}

/**
 * Every entry of a service list accounted for: read (`read` gives undefined for an entry without
 * an identity), or rejected with the reason. The first of two entries with the same id is shown.
 * `items` is undefined when the answer held no list: an unexpected answer, said in `what` terms.
 */
export function readEntries<Entry, NoId extends string>(
  items: readonly unknown[] | undefined,
  what: string,
  read: (value: unknown) => Entry | undefined,
  idOf: (entry: Entry) => string,
  noId: NoId,
): { entries: Entry[]; rejected: RejectedEntry<NoId>[] } {
  if (!items) {
    throw new ApiError(
      'unexpected',
      `The server answered, but its response does not contain a list of ${what}.`,
    )
  }
  const reader = entryReader(read, idOf, noId)
  reader.add(items)
  return reader.result
}

/**
 * `readEntries`, a part of the list at a time, in order (src/api/list-stream.ts reads a list as it
 * arrives): after the last `add`, `result` is what `readEntries` gives for the whole list.
 */
export function entryReader<Entry, NoId extends string>(
  read: (value: unknown) => Entry | undefined,
  idOf: (entry: Entry) => string,
  noId: NoId,
) {
  const result = { entries: [] as Entry[], rejected: [] as RejectedEntry<NoId>[] }
  const seen = new Set<string>()
  let position = 0
  return {
    add: (items: readonly unknown[]) => {
      for (const value of items) {
        const entry = read(value)
        if (!entry) {
          result.rejected.push({ position, value, why: isRecord(value) ? noId : 'not an object' })
        } else if (seen.has(idOf(entry))) {
          result.rejected.push({ position, value, why: 'repeated id' })
        } else {
          seen.add(idOf(entry))
          result.entries.push(entry)
        }
        position++
      }
    },
    result,
  }
}
