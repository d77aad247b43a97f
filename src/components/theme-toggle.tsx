import { useTheme } from '@/lib/theme'

/** One button: dark theme on or off. Remembered; until then the system decides. */
export function ThemeToggle() {
  const [theme, setTheme] = useTheme()
  const dark = theme === 'dark'
  return (
    <button
      type="button"
      aria-pressed={dark}
      onClick={() => setTheme(dark ? 'light' : 'dark')}
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      className="inline-flex min-h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 ring-1 ring-slate-300 ring-inset hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
    >
      {/* Drawn from <html class="dark">, which public/theme.js sets before the first paint, so
          the build's markup shows the right one before the app runs. */}
      <span aria-hidden="true" className="dark:hidden">
        ☀
      </span>
      <span aria-hidden="true" className="hidden dark:inline">
        ☾
      </span>
      <span className="max-sm:sr-only">Dark theme</span>
    </button>
  )
}
