import { expect } from 'vitest'

/**
 * What every answer of the server carries, whatever the upstream did: the /api CSP and the other
 * security headers, a request id, a JSON body naming it, and a log line naming it too.
 */
export async function expectGuarantees(
  response: Response,
  status: number,
  logLines: readonly string[],
): Promise<{ message: string }> {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
  expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  expect(response.headers.get('x-frame-options')).toBe('DENY')
  const requestId = response.headers.get('x-request-id')
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
  const body: unknown = await response.json()
  expect(body).toEqual({ message: expect.any(String), requestId })
  if (!hasMessage(body)) throw new Error('no message in the body')
  await expect
    .poll(() => logLines.find((line) => line.includes(`id=${requestId}`)))
    .toMatch(new RegExp(`^GET \\S+ ${status} \\d+ms bytes=\\d+ complete id=`))
  return body
}

function hasMessage(body: unknown): body is { message: string } {
  return (
    typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
  )
}
