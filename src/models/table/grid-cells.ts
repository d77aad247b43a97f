import type { Cell } from './grid-keys'

/**
 * What the grids (the models', the evaluations') share of their cells in the DOM: which cell an
 * event happened in, a cell's selector, and a row's key as the grid scrolls.
 */

/**
 * The rows to render, each with its key, in a fixed order. The rows of the overscanned range take
 * keys 0 to `slots - 1` by their position modulo `slots` (at least as many slots as the range
 * holds, so no two share one): scrolling hands the same components, in the same place in the
 * DOM, other entries to show. Moving or re-creating rows instead costs a style recalculation of
 * each one, every frame. A row outside the range (the focusable one, kept when it scrolls away)
 * has a key of its own and comes last. Assistive technology reads the rows in their visual order
 * through `ariaOwns`.
 */
export function slottedRows<T extends { index: number }>(
  items: readonly T[],
  range: { first: number; last: number },
  capacity: number,
): { rows: Array<{ item: T; key: string }>; ariaOwns: string } {
  const slots = Math.max(capacity, range.last - range.first + 1)
  const slotOf = (index: number) =>
    index >= range.first && index <= range.last ? index % slots : slots + index
  const rows = items
    .map((item) => {
      const slot = slotOf(item.index)
      return { item, slot, key: slot < slots ? String(slot) : `away-${item.index}` }
    })
    .toSorted((a, b) => a.slot - b.slot)
  return {
    rows,
    ariaOwns: items.map((item) => rowIdOf(item.index)).join(' '),
  }
}

/** A rendered row's element id, by its place among the rows shown. */
export function rowIdOf(index: number): string {
  return `models-row-${index}`
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
