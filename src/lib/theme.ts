import { useEffect, useState } from 'react'

import { useHydrated } from './use-hydrated'
import { isTheme, readPreference, writePreference, type Theme } from './preferences'
import { useMediaQuery } from './use-media-query'

/**
 * The theme: the operating system's until the user picks one, which is then remembered.
 * public/theme.js applies the same rule before the first paint.
 */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [chosen, setChosen] = useState(() => readPreference('theme', isTheme))
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)')
  // While the build's markup hydrates, the theme it was rendered with; public/theme.js has
  // already set the real one on <html>, and it is left alone until it is known here too.
  const hydrated = useHydrated()
  const theme = hydrated ? (chosen ?? (systemDark ? 'dark' : 'light')) : 'light'

  useEffect(() => {
    if (hydrated) document.documentElement.classList.toggle('dark', theme === 'dark')
  }, [hydrated, theme])

  return [
    theme,
    (next: Theme) => {
      setChosen(next)
      writePreference('theme', next)
    },
  ]
}
