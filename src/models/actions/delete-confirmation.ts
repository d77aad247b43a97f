import type { Model } from '@/api/model-schema'

/** What one-line text field cannot hold, or a reader cannot see to type: breaks, tabs, controls. */
const untypeable = /[\p{Cc}\u2028\u2029]/u

/**
 * What a reader types to confirm deleting one model: its name, as it is; or its id, when the
 * name cannot be typed into a one-line field (none, only spaces, a line break or a tab).
 * `edges` says where a name has spaces around it, since they must be typed too and cannot be
 * seen.
 */
export type Edges = 'none' | 'start' | 'end' | 'both'

export type DeleteConfirmation =
  { by: 'name'; text: string; edges: Edges } | { by: 'id'; text: string }

export function deleteConfirmation(
  model: Pick<Model, 'modelId' | 'modelName'>,
): DeleteConfirmation {
  const name = model.modelName
  if (!name.trim() || untypeable.test(name)) return { by: 'id', text: model.modelId }
  const start = name !== name.trimStart()
  const end = name !== name.trimEnd()
  return {
    by: 'name',
    text: name,
    edges: start && end ? 'both' : start ? 'start' : end ? 'end' : 'none',
  }
}

/**
 * Whether `typed` confirms: the text as it is. Spaces a keyboard adds around it (a phone's
 * after a word) are let go only when the text has none of its own there, so a name with spaces
 * around it is confirmed by typing them.
 */
export function confirms(typed: string, expected: string): boolean {
  if (!expected) return false
  return typed === expected || (expected === expected.trim() && typed.trim() === expected)
}
