import type { Cell } from './grid-keys'

/**
 * What the grids (the models', the evaluations') share of their cells in the DOM: which cell an
 * event happened in, a cell's selector, and a row's key as the grid scrolls.
 */

/** More rows than any window shows at once, overscan included. */
const slots = 96

/**
 * A rendered row's key: its position modulo `slots`, so that the rows of a scrolled range are the
 * same components showing other entries. A row outside the range (the focusable one, kept when
 * it scrolls away) has a key of its own, so it never takes a row in view's.
 */
export function slotOf(
  index: number,
  range: { startIndex: number; endIndex: number } | null,
): string {
  const inRange = range !== null && index >= range.startIndex - 8 && index <= range.endIndex + 8
  return inRange ? String(index % slots) : `away-${index}`
}

/**
 * The grid cell an event happened in: its row's `data-index` (-1 for the header) and its own
 * `data-col`. The column is fixed per cell and the row's index is one attribute, so a row that
 * shows another entry as the grid scrolls changes one attribute, not one per cell.
 */
export function cellOf(target: EventTarget): Cell | undefined {
  if (!(target instanceof Element)) return undefined
  const cell = target.closest('[data-col]')
  const row = cell?.closest('[data-index]')
  const at = {
    row: Number(row?.getAttribute('data-index')),
    col: Number(cell?.getAttribute('data-col')),
  }
  return cell && row && !Number.isNaN(at.row) && !Number.isNaN(at.col) ? at : undefined
}

export function cellSelector({ row, col }: Cell): string {
  return `[data-index="${row}"] [data-col="${col}"]`
}

/** A drag that selected text ends in a click: it stays a selection, and opens nothing. */
export function selectingText(): boolean {
  const selection = window.getSelection()
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== ''
}
