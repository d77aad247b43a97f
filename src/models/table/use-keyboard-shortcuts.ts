import { useEffect, useRef, type RefObject } from 'react'

import { shortcutOf } from './shortcuts'

function isEditable(element: Element): boolean {
  return element.matches('input:not([type="checkbox"]), textarea, select, [contenteditable="true"]')
}

/**
 * The page's own keys (shortcuts.ts): `/` search, `?` this list, Esc to close or clear, and
 * Down (or j) from the search box or the page into the grid, whose own keys the grid handles.
 * Keys typed in a field other than the search box, or in a dialog or popover, are left alone.
 */
export function useKeyboardShortcuts(options: {
  searchRef: RefObject<HTMLInputElement | null>
  /** Puts the keyboard on the grid's focusable cell; false when there is no row. */
  focusGrid: () => boolean
  openShortcuts: () => void
  escape: () => void
}) {
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  const { searchRef } = options

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target
      if (event.defaultPrevented || !(target instanceof Element)) return
      // The grid's own keys were handled (and prevented) before they came up here.
      if (target.closest('dialog, [popover]')) return
      const current = latest.current
      const inSearch = target === searchRef.current
      if (isEditable(target) && !inSearch) return
      let handled = true
      switch (shortcutOf(event)) {
        case 'search':
          if (inSearch) return
          searchRef.current?.focus()
          searchRef.current?.select()
          break
        case 'help':
          if (inSearch) return
          current.openShortcuts()
          break
        case 'next':
          if (inSearch && event.key === 'j') return
          handled = current.focusGrid()
          break
        case 'escape':
          current.escape()
          break
        default:
          handled = false
      }
      if (handled) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [searchRef])
}
