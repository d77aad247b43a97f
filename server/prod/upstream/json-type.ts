import { STATUS_CODES } from 'node:http'

/** `application/json`, or a `+json` type such as `application/problem+json`; any parameters. */
const jsonType = /^application\/(?:[a-z0-9!#$&^_.-]+\+)?json$/
const mediaTypeShape = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/

/** The type without its parameters, lower-cased; empty when there is none. */
function essenceOf(contentType: string | undefined): string {
  const [essence = ''] = (contentType ?? '').split(';', 1)
  return essence.trim().toLowerCase()
}

export function isJsonType(contentType: string | undefined): contentType is string {
  return jsonType.test(essenceOf(contentType))
}

/**
 * What came instead of JSON, in the words the app uses for it (`HTTP 502 Bad Gateway: an HTML
 * page.`): the status and the media type, never a byte of the body.
 */
export function describeNotJson(status: number, contentType: string | undefined): string {
  const reason = STATUS_CODES[status]
  const said = `HTTP ${status}${reason ? ` ${reason}` : ''}`
  const type = essenceOf(contentType)
  if (type === 'text/html' || type === 'application/xhtml+xml') return `${said}: an HTML page.`
  if (!type) return `${said}: a response without a content type, not JSON.`
  if (!mediaTypeShape.test(type)) return `${said}: a response of an invalid type, not JSON.`
  return `${said}: a response of type ${type}, not JSON.`
}
