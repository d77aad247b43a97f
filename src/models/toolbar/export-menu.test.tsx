import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { ExportMenu } from './export-menu'

async function exportCsv(onExport: () => Promise<void>) {
  render(<ExportMenu count={3} onExport={onExport} />)
  await userEvent.click(screen.getByRole('button', { name: 'Export' }))
  await userEvent.click(screen.getByRole('button', { name: 'CSV, visible columns' }))
}

describe('ExportMenu', () => {
  it('exports the models shown, and says nothing when it works', async () => {
    const onExport = vi.fn<() => Promise<void>>().mockResolvedValue()
    await exportCsv(onExport)
    expect(onExport).toHaveBeenCalledWith('csv')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('offers a reload when the export’s code is gone since the page was opened', async () => {
    await exportCsv(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/x.js')),
    )
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The export could not be loaded: the dashboard may have been updated since this page was opened',
    )
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
  })

  it('says why any other export failed', async () => {
    await exportCsv(() => Promise.reject(new RangeError('Invalid string length')))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The export failed: Invalid string length',
    )
  })
})
