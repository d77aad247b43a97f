import {
  autoUpdate,
  computePosition,
  flip,
  offset,
  shift,
  size,
  type Placement,
} from '@floating-ui/dom'
import { useEffect, type RefObject } from 'react'

/** Kept from the window's edges. */
const edge = 8

/**
 * Keeps an open popover or menu beside its button and inside the window (Floating UI,
 * docs/decisions/0007): below it, or above when there is more room there; slid along to stay
 * in view; no taller or wider than the room left, its own content scrolling; following the
 * button as the page scrolls or resizes.
 */
export function useFloating(
  anchor: RefObject<HTMLElement | null>,
  floating: RefObject<HTMLElement | null>,
  open: boolean,
  placement: Placement = 'bottom-start',
) {
  useEffect(() => {
    const reference = anchor.current
    const element = floating.current
    if (!open || !reference || !element) return undefined
    const stop = autoUpdate(reference, element, () => {
      void computePosition(reference, element, {
        strategy: 'fixed',
        placement,
        middleware: [
          offset(4),
          flip({ padding: edge }),
          shift({ padding: edge }),
          size({
            padding: edge,
            apply: ({ availableHeight, availableWidth }) => {
              element.style.maxHeight = `${Math.max(120, availableHeight)}px`
              element.style.maxWidth = `${Math.max(200, availableWidth)}px`
            },
          }),
        ],
      }).then(({ x, y }) => {
        element.style.left = `${x}px`
        element.style.top = `${y}px`
        // Hidden until it is where it belongs (index.css), so it never flashes at a corner.
        element.dataset.placed = ''
      })
    })
    return () => {
      stop()
      delete element.dataset.placed
    }
  }, [anchor, floating, open, placement])
}
