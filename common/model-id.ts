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
