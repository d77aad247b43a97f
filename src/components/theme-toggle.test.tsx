import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'

import { isTheme, readPreference } from '@/lib/preferences'

import { ThemeToggle } from './theme-toggle'

afterEach(() => {
  window.localStorage.clear()
  document.documentElement.className = ''
  delete document.documentElement.dataset.themeChoice
})

describe('ThemeToggle', () => {
  it('offers light, dark and the system’s, each saying what it does, and remembers a choice', async () => {
    const user = userEvent.setup()
    render(<ThemeToggle />)
    const group = screen.getByRole('group', { name: 'Theme' })
    expect(group).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked()

    await user.click(screen.getByRole('radio', { name: 'Dark' }))
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked()
    expect(document.documentElement).toHaveClass('dark')
    expect(document.documentElement.dataset.themeChoice).toBe('dark')
    expect(readPreference('theme', isTheme)).toBe('dark')

    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('radio', { name: 'System' })).toBeChecked()
    expect(document.documentElement).not.toHaveClass('dark')
    expect(readPreference('theme', isTheme)).toBeUndefined()
  })
})
