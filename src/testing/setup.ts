import '@testing-library/jest-dom/vitest'

import { cleanup } from '@testing-library/react'
import { afterEach, beforeEach, vi } from 'vitest'

import { reloadWatched } from '@/models/watching/watched-models'

// The watched models are module state mirroring sessionStorage, with what the browser last said
// about notifications: each test starts on a new page, with the globals a test stubbed restored
// (console-errors.ts) and storage cleared (below), not with what an earlier test left.
beforeEach(() => {
  reloadWatched()
})

afterEach(() => {
  cleanup()
  sessionStorage.clear()
  // The next test file may share this jsdom and its timers (vitest.config.ts): it starts with
  // no saved preferences, as a fresh browser profile would, and with real timers even when a
  // test failed before it could restore them.
  window.localStorage.clear()
  vi.useRealTimers()
})

// jsdom lays nothing out, so every element would measure 0×0 and the virtual table would render
// no rows; give elements a desktop-sized box instead.
Object.defineProperties(HTMLElement.prototype, {
  clientWidth: { configurable: true, get: () => 1280 },
  clientHeight: { configurable: true, get: () => 1600 },
})

// jsdom has no Popover API: a button with popovertarget toggles its popover, hidePopover() closes
// it, and either fires the `toggle` event the app listens to, as browsers do (placement and light
// dismiss are left to the e2e journeys). jsdom's own style sheet hides every closed [popover].
function togglePopover(popover: HTMLElement) {
  const open = popover.hasAttribute('data-test-popover-open')
  popover.toggleAttribute('data-test-popover-open', !open)
  const toggle = new Event('toggle')
  Object.assign(toggle, { oldState: open ? 'open' : 'closed', newState: open ? 'closed' : 'open' })
  popover.dispatchEvent(toggle)
}
function togglePopoverOfButton(event: Event) {
  const button = event.target instanceof Element ? event.target.closest('[popovertarget]') : null
  const popover = button && document.getElementById(button.getAttribute('popovertarget') ?? '')
  if (popover instanceof HTMLElement) togglePopover(popover)
}
HTMLElement.prototype.hidePopover = function hidePopover(this: HTMLElement) {
  if (this.hasAttribute('data-test-popover-open')) togglePopover(this)
}
HTMLElement.prototype.showPopover = function showPopover(this: HTMLElement) {
  if (!this.hasAttribute('data-test-popover-open')) togglePopover(this)
}
// Nothing scrolls in jsdom: bringing an element into view is a no-op.
Element.prototype.scrollIntoView = function scrollIntoView() {}
// Test files share one jsdom per worker (vitest.config.ts says why) and this file runs before
// each of them: what it adds to the document is added once, or a second click listener would
// toggle every popover back shut.
if (!document.getElementById('test-popover-style')) {
  document.addEventListener('click', togglePopoverOfButton)
  const popoverStyle = document.createElement('style')
  popoverStyle.id = 'test-popover-style'
  popoverStyle.textContent =
    '[popover][data-test-popover-open][data-test-popover-open] { display: block !important; }'
  document.head.append(popoverStyle)
}

// jsdom has no matchMedia: every media query is false (a light, wide, fine-pointer screen).
window.matchMedia = (query: string): MediaQueryList =>
  Object.assign(new EventTarget(), {
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
  })

// jsdom's <dialog> has no showModal or close: open it by its attribute, and close it as browsers
// do, firing `close` (focus trapping and the backdrop are left to the e2e journeys).
function showModal(this: HTMLDialogElement) {
  this.open = true
}
function closeDialog(this: HTMLDialogElement) {
  if (!this.open) return
  this.open = false
  this.dispatchEvent(new Event('close'))
}
if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = showModal
  HTMLDialogElement.prototype.close = closeDialog
}
