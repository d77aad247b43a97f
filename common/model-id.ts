/**
 * A Marqtune model id is a UUID. The app (lineage, failure grouping, what it asks for) and the
 * servers (the routes they forward or answer) recognise it with this one pattern.
 */
export const uuidSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

export const uuidPattern = new RegExp(`^${uuidSource}$`, 'i')

/**
 * Checkpoint names are `epoch_N`: the servers forward no other name, so nothing in one can change
 * the upstream URL, and the app asks nothing for a name they would refuse.
 */
export const checkpointPattern = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * What `POST /evaluation` may name as its `model`: a checkpoint of a fine-tuned model
 * (`<modelId>/<checkpoint>`) or a base model by its name (`Marqo/ViT-B-32.laion2b_s34b_b79k`, as
 * Marqo's list of supported models spells every one: an owner, a slash, a name). Each part starts
 * with a letter or digit and holds only letters, digits, `_`, `.` and `-`; nothing else is
 * forwarded, so no text of any other shape reaches the service in a request it pays for.
 */
const modelNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\/[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/

export function isModelReference(value: string): boolean {
  if (!modelNamePattern.test(value)) return false
  const [owner = '', name = ''] = value.split('/')
  return !uuidPattern.test(owner) || checkpointPattern.test(name)
}
