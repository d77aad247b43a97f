import { describe, expect, it } from 'vitest'

import { clampCell, moveFor, type GridShape } from './grid-keys'

const grid: GridShape = { rows: 100, cols: 6, header: true, page: 10 }
const cards: GridShape = { rows: 100, cols: 1, header: false, page: 5 }

describe('moveFor', () => {
  it('moves between rows and columns, and never past an edge', () => {
    expect(moveFor('next', { row: 3, col: 2 }, grid)).toEqual({ row: 4, col: 2 })
    expect(moveFor('previous', { row: 3, col: 2 }, grid)).toEqual({ row: 2, col: 2 })
    expect(moveFor('next', { row: 99, col: 2 }, grid)).toEqual({ row: 99, col: 2 })
    expect(moveFor('right', { row: 3, col: 5 }, grid)).toEqual({ row: 3, col: 5 })
    expect(moveFor('left', { row: 3, col: 0 }, grid)).toEqual({ row: 3, col: 0 })
  })

  it('goes up from the first row to the headers, and from the headers out to the search box', () => {
    expect(moveFor('previous', { row: 0, col: 1 }, grid)).toEqual({ row: -1, col: 1 })
    expect(moveFor('previous', { row: -1, col: 1 }, grid)).toBe('leave-top')
    expect(moveFor('previous', { row: 0, col: 0 }, cards)).toBe('leave-top')
  })

  it('pages and jumps between models, never onto the headers', () => {
    expect(moveFor('page-down', { row: 95, col: 1 }, grid)).toEqual({ row: 99, col: 1 })
    expect(moveFor('page-up', { row: 4, col: 1 }, grid)).toEqual({ row: 0, col: 1 })
    expect(moveFor('page-down', { row: -1, col: 3 }, grid)).toEqual({ row: 9, col: 3 })
    expect(moveFor('first', { row: 50, col: 3 }, grid)).toEqual({ row: 0, col: 3 })
    expect(moveFor('last', { row: 50, col: 3 }, grid)).toEqual({ row: 99, col: 3 })
  })

  it('Home and End go along the row in the grid, along the list in the cards', () => {
    expect(moveFor('row-start', { row: 7, col: 4 }, grid)).toEqual({ row: 7, col: 0 })
    expect(moveFor('row-end', { row: 7, col: 1 }, grid)).toEqual({ row: 7, col: 5 })
    expect(moveFor('row-start', { row: 7, col: 0 }, cards)).toEqual({ row: 0, col: 0 })
    expect(moveFor('row-end', { row: 7, col: 0 }, cards)).toEqual({ row: 99, col: 0 })
  })

  it('leaves every other key to the page', () => {
    expect(moveFor('open', { row: 1, col: 1 }, grid)).toBeUndefined()
    expect(moveFor(undefined, { row: 1, col: 1 }, grid)).toBeUndefined()
  })
})

describe('clampCell', () => {
  it('keeps the focusable cell on a row and column that exist as the rows change', () => {
    expect(clampCell({ row: 40, col: 9 }, { rows: 10, cols: 6, header: true })).toEqual({
      row: 9,
      col: 5,
    })
    expect(clampCell({ row: 4, col: 1 }, { rows: 0, cols: 6, header: true })).toEqual({
      row: -1,
      col: 1,
    })
  })
})
