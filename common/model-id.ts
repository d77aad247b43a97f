/**
 * A Marqtune model id is a UUID. The app (lineage, failure grouping) and the servers (the routes
 * they forward or answer) recognise it with this one pattern.
 */
export const uuidSource = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

export const uuidPattern = new RegExp(`^${uuidSource}$`, 'i')
