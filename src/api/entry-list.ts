import { ApiError } from './api-error'
import { isRecord } from './envelope'

/** An entry of a list that is not shown as one of its kind, kept so that the user can read it. */
export type RejectedEntry<NoId extends string> = {
  /** Its position in the service's list, from 0. */
  position: number
  value: unknown
  why: 'not an object' | NoId | 'repeated id'
}

/** A service list as read: the entries shown, under `Kind` (`models`, `datasets`, ...). */
export type EntryList<Kind extends string, Entry, NoId extends string> = Record<Kind, Entry[]> & {
  /** Entries that are not of the kind, or repeat an earlier one's id; every other one is shown. */
  rejected: RejectedEntry<NoId>[]
}

/**
 * Every entry of a service list accounted for: read (`read` gives undefined for an entry without
 * an identity), or rejected with the reason. The first of two entries with the same id is shown.
 * `items` is undefined when the answer held no list: an unexpected answer, said in `kind` terms.
 */
export function readEntries<Kind extends string, Entry, NoId extends string>(
  items: readonly unknown[] | undefined,
  kind: Kind,
  read: (value: unknown) => Entry | undefined,
  idOf: (entry: Entry) => string,
  noId: NoId,
): EntryList<Kind, Entry, NoId> {
  if (!items) {
    throw new ApiError(
      'unexpected',
      `The server answered, but its response does not contain a list of ${kind}.`,
    )
  }
  const reader = entryReader(read, idOf, noId)
  reader.add(items)
  const { entries, rejected } = reader.result
  // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- a computed key is typed as any string; it is `kind`
  return { [kind]: entries, rejected } as EntryList<Kind, Entry, NoId>
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
