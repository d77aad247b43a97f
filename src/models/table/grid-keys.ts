import type { ShortcutId } from './shortcuts'

/**
 * Where a key moves the grid's one focusable cell (the ARIA grid pattern): rows are 0 to
 * `rows - 1`, the header row is -1 (absent in the phone's cards), columns 0 to `cols - 1`.
 * Pure, so every move is tested without a browser (grid-keys.test.ts).
 */
export type Cell = { row: number; col: number }

export type GridShape = {
  rows: number
  cols: number
  /** The header row can take focus. */
  header: boolean
  /** Rows a page moves: those in view. */
  page: number
}

/** A move to a cell, a step out of the top (to the search box), or nothing a move does. */
export type Move = Cell | 'leave-top' | undefined

/** Where `shortcut` (shortcuts.ts) moves the focusable cell from `at`. */
export function moveFor(shortcut: ShortcutId | undefined, at: Cell, grid: GridShape): Move {
  const top = grid.header ? -1 : 0
  const last = grid.rows - 1
  const row = (target: number) => ({ row: Math.max(top, Math.min(target, last)), col: at.col })
  const col = (target: number) => ({
    row: at.row,
    col: Math.max(0, Math.min(target, grid.cols - 1)),
  })
  // A page, the first and the last move between models, never onto the header.
  const body = (target: number) => row(Math.max(0, target))
  switch (shortcut) {
    case 'next':
      return row(at.row + 1)
    case 'previous':
      return at.row === top ? 'leave-top' : row(at.row - 1)
    case 'left':
      return col(at.col - 1)
    case 'right':
      return col(at.col + 1)
    case 'row-start':
      return grid.cols > 1 ? col(0) : body(0)
    case 'row-end':
      return grid.cols > 1 ? col(grid.cols - 1) : body(last)
    case 'first':
      return body(0)
    case 'last':
      return body(last)
    case 'page-down':
      return body(at.row + grid.page)
    case 'page-up':
      return body(at.row - grid.page)
    default:
      return undefined
  }
}

/** The cell kept within the grid when rows or columns come and go. */
export function clampCell(at: Cell, grid: Pick<GridShape, 'rows' | 'cols' | 'header'>): Cell {
  const top = grid.header ? -1 : 0
  return {
    row: grid.rows === 0 ? top : Math.max(top, Math.min(at.row, grid.rows - 1)),
    col: Math.max(0, Math.min(at.col, grid.cols - 1)),
  }
}
