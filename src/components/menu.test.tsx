import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'

import { Menu } from './menu'

function renderMenu() {
  const chosen = vi.fn<(label: string) => void>()
  const item = (label: string, disabled = false) => ({
    label,
    disabled,
    onSelect: () => chosen(label),
  })
  render(
    <Menu
      label="Copy epoch_3"
      trigger="Copy"
      groups={[
        { items: [item('Name'), item('Reference'), item('Download link', true)] },
        { label: 'As Python', items: [item('Release it (Python)')] },
      ]}
    />,
  )
  return {
    chosen,
    user: userEvent.setup(),
    button: screen.getByRole('button', { name: 'Copy epoch_3' }),
  }
}

describe('Menu', () => {
  it('opens from its button on the first item; the arrows skip what cannot be chosen', async () => {
    const { user, button, chosen } = renderMenu()
    expect(button).toHaveAttribute('aria-haspopup', 'menu')
    button.focus()
    await user.keyboard('{ArrowDown}')
    const menu = await screen.findByRole('menu', { name: 'Copy epoch_3' })
    expect(button).toHaveAttribute('aria-expanded', 'true')
    await vi.waitFor(() => expect(screen.getByRole('menuitem', { name: 'Name' })).toHaveFocus())
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Release it (Python)' })).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('menuitem', { name: 'Name' })).toHaveFocus()
    expect(menu).toContainElement(screen.getByRole('group', { name: 'As Python' }))

    await user.keyboard('r')
    expect(screen.getByRole('menuitem', { name: 'Reference' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(chosen).toHaveBeenCalledWith('Reference')
    expect(button).toHaveFocus()
    expect(button).toHaveAttribute('aria-expanded', 'false')
  })

  it('opens on the last item with Up, and a click chooses', async () => {
    const { user, button, chosen } = renderMenu()
    button.focus()
    await user.keyboard('{ArrowUp}')
    await vi.waitFor(() =>
      expect(screen.getByRole('menuitem', { name: 'Release it (Python)' })).toHaveFocus(),
    )
    expect(screen.getByRole('menuitem', { name: 'Download link' })).toBeDisabled()
    await user.click(screen.getByRole('menuitem', { name: 'Name' }))
    expect(chosen).toHaveBeenCalledWith('Name')
  })
})
