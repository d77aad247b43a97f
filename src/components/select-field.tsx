import { useId } from 'react'

export type SelectOption = { value: string; label: string }

/**
 * A small labelled native select, the label above it: the panel's choosers (a dataset, a
 * metric, a chart's view). Native, so the keyboard and screen readers know it without help.
 */
export function SelectField({
  label,
  value,
  options,
  onChange,
  className = '',
}: {
  label: string
  value: string | undefined
  options: readonly SelectOption[]
  onChange: (value: string) => void
  /** Extra classes for the select itself (a width). */
  className?: string
}) {
  const id = useId()
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className={`rounded-md border border-input bg-surface px-2 py-1 text-sm ${className}`}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
