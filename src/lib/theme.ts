import { useEffect, useState } from 'react'

import { useHydrated } from './use-hydrated'
import { isTheme, readPreference, writePreference, type Theme } from './preferences'
import { useMediaQuery } from './use-media-query'

/** What the reader picked: a theme, or whatever the operating system uses. */
export type ThemeChoice = Theme | 'system'

/**
 * The theme: the operating system's until the reader picks one, which is then remembered.
 * public/theme.js applies the same rule before the first paint, and marks <html> with the
 * choice (`data-theme-choice`), so the theme control shows it before the app runs.
 */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [chosen, setChosen] = useState(() => readPreference('theme', isTheme))
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)')
  // While the build's markup hydrates, the choice it was rendered with; public/theme.js has
  // already set the real one on <html>, and it is left alone until it is known here too.
  const hydrated = useHydrated()
  const choice: ThemeChoice = hydrated ? (chosen ?? 'system') : 'system'
  const dark = choice === 'dark' || (choice === 'system' && systemDark)

  useEffect(() => {
    if (!hydrated) return
    const root = document.documentElement
    root.classList.toggle('dark', dark)
    root.dataset.themeChoice = choice
  }, [hydrated, dark, choice])

  return [
    choice,
    (next: ThemeChoice) => {
      const stored = next === 'system' ? undefined : next
      setChosen(stored)
      writePreference('theme', stored)
    },
  ]
}
