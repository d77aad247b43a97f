import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'

import { exportFailure } from './export-failure'

describe('exportFailure', () => {
  it('offers a reload when the export’s code is gone since the page was opened', () => {
    const notice = exportFailure(
      new TypeError('Failed to fetch dynamically imported module: /assets/x.js'),
    )
    expect(notice).toMatchObject({ title: 'The export could not be loaded', persistent: true })
    render(<>{notice.actions}</>)
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
  })

  it('says why any other export failed', () => {
    expect(exportFailure(new RangeError('Invalid string length'))).toMatchObject({
      title: 'The export failed',
      text: 'Invalid string length',
    })
  })
})
