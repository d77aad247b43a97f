import { useId } from 'react'

import { useTheme, type ThemeChoice } from '@/lib/theme'

const choices: Array<{ value: ThemeChoice; label: string; icon: string }> = [
  { value: 'light', label: 'Light', icon: '☀' },
  { value: 'dark', label: 'Dark', icon: '☾' },
  { value: 'system', label: 'System', icon: '◐' },
]

/**
 * The theme, as three choices that each say what they do: light, dark, or the system's. Native
 * radio buttons: one tab stop, the arrows choose. The chosen one is drawn from <html
 * data-theme-choice> (index.css), which public/theme.js sets before the first paint, so the
 * build's markup shows the right one before the app runs.
 */
export function ThemeToggle() {
  const [choice, choose] = useTheme()
  const name = useId()
  return (
    <fieldset className="flex rounded-md bg-muted p-0.5 ring-1 ring-input ring-inset">
      <legend className="sr-only">Theme</legend>
      {choices.map(({ value, label, icon }) => (
        <label
          key={value}
          data-theme-option={value}
          title={`${label} theme`}
          className="flex min-h-7 cursor-pointer items-center gap-1 rounded px-2 text-xs font-medium text-muted-foreground has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring max-sm:min-h-10 pointer-coarse:min-h-10"
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={choice === value}
            onChange={() => choose(value)}
            className="sr-only"
          />
          <span aria-hidden="true">{icon}</span>
          <span className="max-sm:sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  )
}
