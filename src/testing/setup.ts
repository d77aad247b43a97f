import '@testing-library/jest-dom/vitest'

import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, expect, vi } from 'vitest'

// A stray console.error (React warnings included) fails the test that caused it.
let consoleErrors: unknown[][] = []
beforeEach(() => {
  consoleErrors = []
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args)
  })
})

afterEach(() => {
  cleanup()
  sessionStorage.clear()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  expect(consoleErrors, 'console.error calls').toEqual([])
})

// jsdom lays nothing out, so every element would measure 0×0 and the virtual table would render
// no rows; give elements a desktop-sized box instead.
Object.defineProperties(HTMLElement.prototype, {
  clientWidth: { configurable: true, get: () => 1280 },
  clientHeight: { configurable: true, get: () => 1600 },
})

// jsdom has no Popover API and hides every [popover]; show them, so component tests can use the
// menus' contents (opening and closing is the browser's job, covered by the e2e journeys).
const popoverStyle = document.createElement('style')
popoverStyle.textContent =
  'dialog[popover][popover]:not(:popover-open) { display: block !important; }'
document.head.append(popoverStyle)
