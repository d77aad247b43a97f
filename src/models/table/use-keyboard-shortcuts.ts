import { useEffect, useRef, type RefObject } from 'react'

function isEditable(element: Element): boolean {
  return element.matches('input, textarea, select, [contenteditable="true"]')
}

/**
 * `/` search, `?` help, Up/Down and j/k between rows, Esc to close or clear. Keys typed in a
 * field other than the search box, or inside a dialog or popover, are left alone.
 */
export function useKeyboardShortcuts(options: {
  searchRef: RefObject<HTMLInputElement | null>
  active: number
  hasRows: boolean
  focusRow: (index: number) => void
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
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
      if (!(target instanceof Element) || target.closest('dialog, [popover]')) return
      const current = latest.current
      const inSearch = target === searchRef.current
      const onRow = target.matches('[data-row-button]')
      if (isEditable(target) && !inSearch) return
      let handled = true
      switch (event.key) {
        case '/':
          if (inSearch) return
          searchRef.current?.focus()
          searchRef.current?.select()
          break
        case '?':
          if (inSearch) return
          current.openShortcuts()
          break
        case 'ArrowDown':
        case 'j':
          if ((event.key === 'j' && inSearch) || !current.hasRows) return
          current.focusRow(onRow ? current.active + 1 : current.active)
          break
        case 'ArrowUp':
        case 'k':
          if ((event.key === 'k' && inSearch) || !current.hasRows) return
          if (onRow && current.active === 0) searchRef.current?.focus()
          else current.focusRow(onRow ? current.active - 1 : current.active)
          break
        case 'Escape':
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
