import { Button } from '@/components/button'
import { columnIdOf } from '@/models/columns/column-registry'
import { modelColumns, nameColumnId } from '@/models/columns/model-columns'
import { hyperparameterPrefix } from '@/models/columns/hyperparameter-columns'
import type { ColumnMenuProps } from './column-menu'

const baseColumns = modelColumns.map((definition) => ({
  id: columnIdOf(definition),
  label: definition.meta?.label ?? columnIdOf(definition),
}))

/** The column menu's content: loaded when the menu first opens. */
export function ColumnChoices({
  visible,
  hyperparameterKeys: keysOf,
  varyingKeys,
  onChange,
  onReset,
}: ColumnMenuProps) {
  const hyperparameterKeys = keysOf()
  const shown = new Set(visible)

  function toggle(id: string) {
    onChange(shown.has(id) ? visible.filter((other) => other !== id) : [...visible, id])
  }

  function addVarying() {
    const add = varyingKeys()
      .map((key) => `${hyperparameterPrefix}${key}`)
      .filter((id) => !shown.has(id))
    onChange([...visible, ...add])
  }

  return (
    <>
      <fieldset>
        <legend className="px-2 py-1 text-xs font-semibold text-muted-foreground uppercase">
          Columns
        </legend>
        {baseColumns.map(({ id, label }) => (
          <Checkbox
            key={id}
            label={label}
            checked={id === nameColumnId || shown.has(id)}
            disabled={id === nameColumnId}
            onChange={() => toggle(id)}
          />
        ))}
      </fieldset>
      {hyperparameterKeys.length ? (
        <fieldset className="mt-2 border-t border-border pt-2">
          <legend className="px-2 py-1 text-xs font-semibold text-muted-foreground uppercase">
            Hyperparameters
          </legend>
          <Button
            variant="ghost"
            onClick={addVarying}
            className="w-full justify-start text-accent-text"
          >
            Add varying hyperparameters
          </Button>
          {hyperparameterKeys.map((key) => (
            <Checkbox
              key={key}
              label={key}
              mono
              checked={shown.has(`${hyperparameterPrefix}${key}`)}
              onChange={() => toggle(`${hyperparameterPrefix}${key}`)}
            />
          ))}
        </fieldset>
      ) : null}
      <Button variant="ghost" onClick={onReset} className="mt-2 w-full justify-start">
        Reset columns
      </Button>
    </>
  )
}

function Checkbox({
  label,
  checked,
  disabled = false,
  mono = false,
  onChange,
}: {
  label: string
  checked: boolean
  disabled?: boolean
  mono?: boolean
  onChange: () => void
}) {
  return (
    <label className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 hover:bg-muted has-disabled:cursor-default has-disabled:text-muted-foreground">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={onChange}
        className="size-4 accent-(--accent)"
      />
      <span className={`truncate ${mono ? 'font-mono text-xs' : ''}`}>{label}</span>
    </label>
  )
}
