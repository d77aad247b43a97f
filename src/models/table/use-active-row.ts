import { useCallback, useState } from 'react'

/**
 * The row the keyboard is on (the roving tabindex), kept within the rows shown, and requests to
 * move focus to it (the table scrolls it into view first).
 */
export function useActiveRow(rowCount: number) {
  const [activeIndex, setActive] = useState(0)
  const [focusRequest, setFocusRequest] = useState(0)
  const lastIndex = rowCount - 1
  const active = Math.max(0, Math.min(activeIndex, lastIndex))
  const focusRow = useCallback(
    (target: number) => {
      setActive(Math.max(0, Math.min(target, lastIndex)))
      setFocusRequest((count) => count + 1)
    },
    [lastIndex],
  )
  return { active, setActive, focusRequest, focusRow }
}
