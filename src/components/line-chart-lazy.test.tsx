import { render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

import { installFakeCanvas } from '@/testing/fake-canvas'

beforeEach(() => {
  installFakeCanvas()
})

const series = [{ label: 'loss', points: [{ x: 1, y: 0.9 }] }]

describe('the lazily loaded LineChart', () => {
  it('holds the same place while its code loads, then draws', async () => {
    // Test files share a module cache (vitest.config.ts): another file may have loaded the
    // chart's code already, so this one starts from modules not yet loaded, as a new page does.
    vi.resetModules()
    const { LineChart } = await import('./line-chart-lazy')
    render(<LineChart title="Loss by epoch" series={series} xLabel="epoch" height={180} />)
    const loading = screen.getByText('Loading chart…')
    expect(screen.getByRole('figure', { name: 'Loss by epoch' })).toContainElement(loading)
    expect(loading.parentElement).toHaveStyle({ height: '180px' })
    const slider = await screen.findByRole('slider', { name: 'Loss by epoch: move along epoch' })
    expect(screen.queryByText('Loading chart…')).toBeNull()
    expect(slider.closest('figure > div')).toHaveStyle({ height: '180px' })
  })
})
