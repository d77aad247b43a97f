import { ApiError } from './api-error'
import { entryIn, isRecord } from './envelope'
import type { FieldWarning } from './field-reader'

/** How a describe answer holds its entry, and how the entry is read. */
export type DescribedEntry<Entry> = {
  field: string
  idField: string
  read: (value: unknown) => Entry | undefined
  what: string
}

/**
 * A describe answer (`GET /evaluation/{id}`, `GET /datasets/{id}`), bare, in the envelope or under
 * `field`, read by `read`. One that leaves out its own id (or sends a blank one) is still the
 * entry asked for, so it is read with that id and flagged rather than lost; an answer holding no
 * entry at all is an error naming `what` it should have held.
 */
export function readDescribed<Entry extends { warnings: readonly FieldWarning[] }>(
  json: unknown,
  { field, idField, asked, read, what }: DescribedEntry<Entry> & { asked: string },
): Entry {
  const entry = entryIn(json, field, idField)
  const direct = read(entry)
  if (direct) return direct
  const sent = isRecord(entry) ? entry[idField] : undefined
  const blank = sent == null || (typeof sent === 'string' && !sent.trim())
  const filled = isRecord(entry) && blank ? read({ ...entry, [idField]: asked }) : undefined
  if (!filled) {
    throw new ApiError('unexpected', `The server sent ${what} this dashboard cannot read.`)
  }
  const missing: FieldWarning = {
    field: idField,
    came: sent === undefined ? '(missing)' : JSON.stringify(sent),
    expected: `the id asked for (${asked})`,
  }
  return { ...filled, warnings: [...filled.warnings, missing] }
}
