import type { Model } from '@/api/model-schema'
import { CopyButton } from '@/components/copy-button'
import { formatValue } from '@/lib/format'
import { jsonText } from '@/lib/json-text'

/** Keys shown as query/document pairs with their weights rather than as four separate rows. */
const sides = [
  { title: 'Query side', keys: 'leftKeys', weights: 'leftWeights' },
  { title: 'Document side', keys: 'rightKeys', weights: 'rightWeights' },
] as const

/** The training parameters as a readable table, the raw JSON, and a copy of it. */
export function HyperparameterView({ model }: { model: Model }) {
  const values = model.hyperparameters
  const unreadableText =
    model.hyperparametersText !== undefined && Object.keys(values).length === 0
      ? model.hyperparametersText
      : undefined
  if (unreadableText !== undefined) {
    return (
      <div className="flex flex-col gap-2">
        <p className="text-sm text-muted-foreground">
          The service sent these as text that is not JSON:
        </p>
        <pre className="max-h-64 overflow-auto rounded-md bg-muted p-2 font-mono text-xs whitespace-pre-wrap">
          {unreadableText}
        </pre>
        <CopyButton text={unreadableText} what="the hyperparameters as text" />
      </div>
    )
  }

  const json = jsonText(values, 2)
  const paired = sides.filter((side) => Array.isArray(values[side.keys]))
  const pairedKeys = new Set<string>(paired.flatMap((side) => [side.keys, side.weights]))
  const rest = Object.entries(values).filter(([key]) => !pairedKeys.has(key))

  return (
    <div className="flex flex-col gap-3">
      {model.hyperparametersText !== undefined ? (
        <p className="text-xs text-muted-foreground">The service sent these as a JSON string.</p>
      ) : null}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Hyperparameters</caption>
        <tbody>
          {paired.map((side) => (
            <tr key={side.keys} className="border-b border-border">
              <th
                scope="row"
                className="w-40 py-1.5 pr-3 align-top font-medium text-muted-foreground"
              >
                {side.title}
                <span className="block font-mono text-xs font-normal text-muted-foreground">
                  {side.keys} × {side.weights}
                </span>
              </th>
              <td className="py-1.5">
                <WeightedKeys keys={values[side.keys]} weights={values[side.weights]} />
              </td>
            </tr>
          ))}
          {rest.map(([key, value]) => (
            <tr key={key} className="border-b border-border">
              <th
                scope="row"
                className="w-40 py-1.5 pr-3 align-top font-mono text-xs font-medium break-all text-muted-foreground"
              >
                {key}
              </th>
              <td className="py-1.5">
                <Value value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-start gap-2">
        <CopyButton text={json} what="the hyperparameters as JSON">
          Copy as JSON
        </CopyButton>
      </div>
      <details className="rounded-md border border-border">
        <summary className="cursor-pointer px-2 py-1 text-sm text-muted-foreground">
          Raw JSON
        </summary>
        <pre className="max-h-80 overflow-auto bg-muted p-2 font-mono text-xs">{json}</pre>
      </details>
    </div>
  )
}

function WeightedKeys({ keys, weights }: { keys: unknown; weights: unknown }) {
  const names = Array.isArray(keys) ? keys : []
  const numbers = Array.isArray(weights) ? weights : []
  return (
    <ul className="flex flex-wrap gap-1.5">
      {names.map((name, position) => (
        <li
          // oxlint-disable-next-line react/no-array-index-key -- a key name may repeat; position pairs it with its weight
          key={`${formatValue(name)}-${position}`}
          className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs"
        >
          {formatValue(name)}
          <span className="text-muted-foreground">
            {' '}
            × {numbers[position] === undefined ? '?' : formatValue(numbers[position])}
          </span>
        </li>
      ))}
    </ul>
  )
}

/** Levels of nested objects and arrays drawn as nested lists; the raw JSON shows the rest. */
const drawnDepth = 8

/** Any JSON value, readable: numbers kept recognisable, arrays inline, objects nested. */
export function Value({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (typeof value === 'number') {
    const text = formatValue(value)
    const exact = value.toLocaleString('en', { maximumSignificantDigits: 21, useGrouping: false })
    return (
      <span className="font-mono text-xs" title={exact === text ? undefined : exact}>
        {text}
      </span>
    )
  }
  if (typeof value === 'string') {
    return value ? (
      <span className="font-mono text-xs break-all">{value}</span>
    ) : (
      <span className="font-mono text-xs text-muted-foreground">(empty text)</span>
    )
  }
  if (value === null || typeof value === 'boolean') {
    return <span className="font-mono text-xs text-waiting-text">{String(value)}</span>
  }
  if (typeof value === 'object' && depth >= drawnDepth) {
    return (
      <span className="font-mono text-xs text-muted-foreground">
        {Array.isArray(value) ? '[…]' : '{…}'} nested deeper than {drawnDepth} levels: see the raw
        JSON
      </span>
    )
  }
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      return <span className="font-mono text-xs break-all">{formatValue(value)}</span>
    }
    return (
      <ol className="flex list-decimal flex-col gap-1 pl-5">
        {value.map((item, position) => (
          // oxlint-disable-next-line react/no-array-index-key -- array items have only a position
          <li key={position}>
            <Value value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    )
  }
  if (typeof value === 'object') {
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 border-l-2 border-border pl-2">
        {Object.entries(value).map(([key, item]) => (
          <div key={key} className="contents">
            <dt className="font-mono text-xs text-muted-foreground">{key}</dt>
            <dd>
              <Value value={item} depth={depth + 1} />
            </dd>
          </div>
        ))}
      </dl>
    )
  }
  return <span className="text-muted-foreground">(not set)</span>
}
