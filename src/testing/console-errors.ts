import { afterEach, beforeEach, expect, vi } from 'vitest'

// A stray console.error (React warnings included) fails the test that caused it. Registered
// before any other setup, so its check runs after their clean-up (after-hooks run in reverse):
// whatever an unmount logs is caught too.
let consoleErrors: unknown[][] = []
beforeEach(() => {
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args)
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  expect(consoleErrors, 'console.error calls').toEqual([])
})
