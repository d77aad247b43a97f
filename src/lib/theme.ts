import { useEffect, useState } from 'react'

import { isTheme, readPreference, writePreference, type Theme } from './preferences'
import { useMediaQuery } from './use-media-query'

/**
 * The theme: the operating system's until the user picks one, which is then remembered.
 * public/theme.js applies the same rule before the first paint.
 */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [chosen, setChosen] = useState(() => readPreference('theme', isTheme))
  const systemDark = useMediaQuery('(prefers-color-scheme: dark)')
  const theme = chosen ?? (systemDark ? 'dark' : 'light')

  useEffect(() => {
    document.documentElement.classList.toggle('dark', theme === 'dark')
  }, [theme])

  return [
    theme,
    (next: Theme) => {
      setChosen(next)
      writePreference('theme', next)
    },
  ]
}
