import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { userEvent } from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'

import { installFakeCanvas } from '@/testing/fake-canvas'

import { LineChart } from './line-chart'

const series = [
  {
    label: 'loss',
    points: [
      { x: 1, y: 0.9 },
      { x: 2, y: 0.5 },
      { x: 3, y: 0.3 },
    ],
  },
  { label: 'lr', scale: 'lr', points: [{ x: 2, y: 0.00002 }] },
]

let canvas: { strokeStyles: string[] }

beforeEach(() => {
  canvas = installFakeCanvas()
})

function chart() {
  return render(<LineChart title="Loss by step" series={series} xLabel="step" />)
}

describe('LineChart', () => {
  it('is a figure named by its title, with a summary of each line', () => {
    chart()
    const figure = screen.getByRole('figure', { name: 'Loss by step' })
    const slider = within(figure).getByRole('slider', { name: 'Loss by step: move along step' })
    expect(slider).toHaveAccessibleDescription(
      '2 lines over step 1 to 3. loss: from 0.9 to 0.3, lowest 0.3, highest 0.9. lr: from 0.00002 to 0.00002, lowest 0.00002, highest 0.00002.',
    )
    expect(figure.querySelector('.uplot canvas')).not.toBeNull()
  })

  it('draws with the theme colours (jsdom inherits no variable: the fallbacks here)', async () => {
    chart()
    // uPlot draws in a microtask after it is created.
    await act(async () => {})
    expect(canvas.strokeStyles).toEqual(expect.arrayContaining(['#4f46e5', '#059669', '#e2e8f0']))
  })

  it('moves along the points from the keyboard, saying the values', async () => {
    const user = userEvent.setup()
    chart()
    const slider = screen.getByRole('slider')
    expect(slider).toHaveAttribute('aria-valuetext', 'No point chosen')
    await user.tab()
    expect(slider).toHaveFocus()
    expect(slider).toHaveAttribute('aria-valuetext', 'step 3: loss 0.3, lr no value')
    // What the browser does when an arrow, Page or Home key moves a range (jsdom does not).
    fireEvent.change(slider, { target: { value: '1' } })
    expect(slider).toHaveAttribute('aria-valuetext', 'step 2: loss 0.5, lr 0.00002')
    expect(screen.getByText('step 2: loss 0.5, lr 0.00002')).toBeVisible()
    fireEvent.change(slider, { target: { value: '0' } })
    expect(slider).toHaveAttribute('aria-valuetext', 'step 1: loss 0.9, lr no value')
    await user.keyboard('{Escape}')
    expect(slider).toHaveAttribute('aria-valuetext', 'No point chosen')
    expect(screen.getByText('Point at the chart, or tab to it and use ← →')).toBeVisible()
  })

  it('shows the same numbers as a table on request', async () => {
    const user = userEvent.setup()
    chart()
    const toggle = screen.getByRole('button', { name: 'Show as table' })
    expect(screen.queryByRole('table')).toBeNull()
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    const table = screen.getByRole('table', { name: 'Loss by step' })
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))
    expect(rows).toEqual([
      ['step', 'loss', 'lr'],
      ['1', '0.9', ''],
      ['2', '0.5', '0.00002'],
      ['3', '0.3', ''],
    ])
    await user.click(screen.getByRole('button', { name: 'Hide table' }))
    expect(screen.queryByRole('table')).toBeNull()
  })

  it('says so when there is nothing to draw, and takes no keys', () => {
    render(<LineChart title="Loss" series={[]} xLabel="step" />)
    expect(screen.getByText('No points')).toBeVisible()
    expect(screen.getByRole('slider')).toBeDisabled()
  })

  it('takes its uPlot away when it goes', () => {
    const { container, unmount } = chart()
    expect(container.querySelectorAll('.uplot')).toHaveLength(1)
    unmount()
    expect(document.querySelectorAll('.uplot')).toHaveLength(0)
  })

  it('draws afresh with new series', () => {
    const { container, rerender } = chart()
    act(() => {
      rerender(<LineChart title="Loss by step" series={series.slice(0, 1)} xLabel="step" />)
    })
    expect(container.querySelectorAll('.uplot')).toHaveLength(1)
    expect(screen.getByRole('slider')).toHaveAccessibleDescription(/^1 line over step 1 to 3\./)
  })
})
