import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'

import { Tabs } from './tabs'

function Example() {
  const [tab, setTab] = useState<'a' | 'b' | 'c'>('a')
  return (
    <Tabs
      label="Details"
      tabs={[
        { id: 'a', label: 'Overview' },
        { id: 'b', label: 'Checkpoints', count: 40 },
        { id: 'c', label: 'Logs' },
      ]}
      selected={tab}
      onSelect={setTab}
    >
      <p>Content of {tab}</p>
    </Tabs>
  )
}

describe('Tabs', () => {
  it('is one tab stop; the arrows, Home and End choose, and the panel follows', async () => {
    const user = userEvent.setup()
    render(<Example />)
    await user.tab()
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    const checkpoints = screen.getByRole('tab', { name: 'Checkpoints, 40' })
    expect(checkpoints).toHaveFocus()
    expect(checkpoints).toHaveAttribute('aria-selected', 'true')
    expect(screen.getByRole('tabpanel', { name: 'Checkpoints, 40' })).toHaveTextContent(
      'Content of b',
    )
    await user.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Logs' })).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('tabpanel')).toHaveFocus()
  })
})
