import { isStringArray } from '@/lib/guards'
import { jsonText } from '@/lib/json-text'

import { isRecord } from './envelope'

// Reading one entry of a service answer field by field (models, evaluations, datasets): a field
// in an unexpected shape is shown as text and listed, never a reason to hide the entry.
//
// The warnings of the entry being read live in this module, not in an object per entry: most
// entries have none, and at 100,000 models an array each would be garbage for nothing. Reading
// is synchronous, so one entry is read at a time: `readEntry()`, the fields, `finishEntry()`.

/** One field that came in an unexpected shape: what came (as text), and what was expected. */
export type FieldWarning = { field: string; came: string; expected: string }

/** The state every entry (model, evaluation, dataset) reports, in the service's words. */
type EntryStatus = {
  status: string
  secondaryStatus: string | undefined
  failureReason: string | undefined
}

/** What reading keeps of every entry besides its own fields. */
type EntryLeftovers = {
  /** Fields the service sent that this dashboard does not know yet: shown, not dropped. */
  extra: Readonly<Record<string, unknown>>
  /** Fields that came in a shape this dashboard did not expect. Usually none. */
  warnings: readonly FieldWarning[]
}

/** An entry as read: its own `Fields`, the state every entry reports, and what reading kept. */
export type EntryWith<Fields> = Fields & EntryStatus & EntryLeftovers

/** Most entries have no unknown field and no warning: they share these. */
const noExtra: Readonly<Record<string, unknown>> = Object.freeze({})
const noWarnings: readonly FieldWarning[] = Object.freeze([])

let warnings: FieldWarning[] | undefined

/** What came, as shown in the panel: long values are cut (the raw JSON has them whole). */
const cameLength = 500

/**
 * One entry of a service answer, read by `read` with its identity (`idField`); undefined when it
 * is not an object or has none. `read` reads the fields in order and ends with `finishEntry()`.
 */
export function readEntry<Entry>(
  value: unknown,
  idField: string,
  read: (value: Record<string, unknown>, id: string) => Entry,
): Entry | undefined {
  if (!isRecord(value)) return undefined
  warnings = undefined
  const id = identity(value[idField], idField)
  return id === undefined ? undefined : read(value, id)
}

/** The warnings of the entry just read (a shared empty list when there are none). */
export function finishEntry(): readonly FieldWarning[] {
  const read = warnings ?? noWarnings
  warnings = undefined
  return read
}

export function warn(field: string, came: unknown, expected: string): void {
  const shown = came === undefined ? '(missing)' : typeof came === 'string' ? came : jsonText(came)
  ;(warnings ??= []).push({
    field,
    came: shown.length > cameLength ? `${shown.slice(0, cameLength)}…` : shown,
    expected,
  })
}

/**
 * A text field. `required` ones are documented as always there: their absence is a warning.
 * Anything else is shown as text, or as the `message`/`name` inside an object when it has one.
 */
export function text(value: unknown, field: string, required: true): string
export function text(value: unknown, field: string, required: false): string | undefined
export function text(value: unknown, field: string, required: boolean): string | undefined {
  if (typeof value === 'string') return value
  if (value == null) {
    if (required) warn(field, value, 'a text')
    return required ? '' : undefined
  }
  warn(field, value, 'a text')
  if (isRecord(value)) {
    if (typeof value.message === 'string') return value.message
    if (typeof value.name === 'string') return value.name
  }
  return jsonText(value)
}

/** The status, trimmed; an empty one says nothing of the entry and is listed as such. */
export function statusOf(value: unknown): string {
  const status = text(value, 'status', true).trim()
  if (status === '' && typeof value === 'string') warn('status', value, 'a status')
  return status
}

/** The identity of an entry: a non-empty text, or a number shown as text. */
export function identity(value: unknown, field: string): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number' && Number.isFinite(value)) {
    warn(field, value, 'a text')
    return String(value)
  }
  return undefined
}

/**
 * An open object such as hyperparameters; the docs example sends a JSON string, or a sentence,
 * instead. What cannot be read as an object is listed, and `textOf` keeps it to be shown.
 */
export function openObject(
  value: unknown,
  field: string,
  expected: string,
): Record<string, unknown> {
  if (value == null) return {}
  if (isRecord(value)) return value
  if (typeof value === 'string') {
    try {
      const parsed: unknown = JSON.parse(value)
      if (isRecord(parsed)) return parsed
    } catch {
      // Not JSON: kept as text by `textOf`.
    }
  }
  warn(field, value, expected)
  return {}
}

/** The text the service sent for an object field that came as a string or another non-object. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  return value == null || isRecord(value) ? undefined : jsonText(value)
}

/** A list of names (checkpoints, columns): one name alone, or objects with a `name`, are read too. */
export function textList(value: unknown, field: string, expected: string): string[] {
  if (value == null) return []
  if (!Array.isArray(value)) {
    warn(field, value, expected)
    return typeof value === 'string' ? [value] : []
  }
  if (isStringArray(value)) return value
  warn(field, value, expected)
  return value.map((item: unknown) =>
    typeof item === 'string'
      ? item
      : isRecord(item) && typeof item.name === 'string'
        ? item.name
        : jsonText(item),
  )
}

/** The fields this dashboard does not know yet: shown, not dropped. */
export function extraFields(
  value: Record<string, unknown>,
  known: ReadonlySet<string>,
): Readonly<Record<string, unknown>> {
  // No array per entry unless it has unknown fields (JSON objects have no inherited keys).
  let extraKeys: string[] | undefined
  for (const key in value) if (!known.has(key)) (extraKeys ??= []).push(key)
  // fromEntries defines own properties: a "__proto__" key stays data, never a prototype.
  return extraKeys ? Object.fromEntries(extraKeys.map((key) => [key, value[key]])) : noExtra
}
