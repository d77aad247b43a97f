import { useEffect, useState } from 'react'

import { readPreference, writePreference } from './preferences'

export type Theme = 'light' | 'dark'

const systemDark = () => window.matchMedia('(prefers-color-scheme: dark)').matches
const isTheme = (value: unknown): value is Theme => value === 'light' || value === 'dark'

/**
 * The theme: the operating system's until the user picks one, which is then remembered.
 * public/theme.js applies the same rule before the first paint.
 */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [chosen, setChosen] = useState(() => readPreference('theme', isTheme))
  const [system, setSystem] = useState<Theme>(() => (systemDark() ? 'dark' : 'light'))
  const theme = chosen ?? system

  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)')
    const follow = () => setSystem(query.matches ? 'dark' : 'light')
    query.addEventListener('change', follow)
    return () => query.removeEventListener('change', follow)
  }, [])

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
