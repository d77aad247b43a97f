import { describe, expect, it, vi } from 'vitest'

import { checkKey, createKeyStore, createSession } from './key-store'

describe('the key store', () => {
  it('keeps the key in the given storage and restores it on the next load', () => {
    const store = createKeyStore(sessionStorage)
    store.keep(createSession('key-1'))
    expect(sessionStorage.length).toBe(1)
    expect(Object.values(sessionStorage)).toEqual(['key-1'])

    const reloaded = createKeyStore(sessionStorage)
    expect(reloaded.getState().session?.apiKey).toBe('key-1')
  })

  it('mints a new session id on every load, never derived from the key', () => {
    const store = createKeyStore(sessionStorage)
    const session = createSession('key-1')
    store.keep(session)
    const reloaded = createKeyStore(sessionStorage).getState().session
    expect(reloaded?.sessionId).not.toBe(session.sessionId)
    expect(reloaded?.sessionId).not.toContain('key-1')
  })

  it('forgets the key, with the reason when there is one, and tells subscribers', () => {
    const store = createKeyStore(sessionStorage)
    const listener = vi.fn<() => void>()
    store.subscribe(listener)
    store.keep(createSession('key-1'))
    store.forget('Unauthorized.')

    expect(sessionStorage.length).toBe(0)
    expect(store.getState()).toEqual({ session: null, notice: 'Unauthorized.' })
    expect(listener).toHaveBeenCalledTimes(2)
    expect(createKeyStore(sessionStorage).getState().session).toBeNull()
  })

  it('still works for this page when storage is refused', () => {
    const broken = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      setItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
      removeItem: () => {
        throw new DOMException('denied', 'SecurityError')
      },
    } as unknown as Storage
    const store = createKeyStore(broken)
    store.keep(createSession('key-1'))
    expect(store.getState().session?.apiKey).toBe('key-1')
  })

  it('never touches localStorage', () => {
    const store = createKeyStore(sessionStorage)
    store.keep(createSession('key-1'))
    expect(window.localStorage.length).toBe(0)
  })
})

describe('checkKey', () => {
  it('trims what a paste brings along', () => {
    expect(checkKey('  abc-123\n')).toEqual({ apiKey: 'abc-123' })
  })

  it.each([
    ['', 'Enter your'],
    ['two words', 'no spaces'],
    ['line\nbreak', 'no spaces'],
    ['clé', 'accented'],
    ['x'.repeat(4097), '4 KB'],
  ])('refuses %j before any request', (input, problem) => {
    const result = checkKey(input)
    expect('problem' in result && result.problem).toContain(problem)
  })
})
