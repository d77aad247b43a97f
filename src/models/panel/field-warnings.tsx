import type { FieldWarning } from '@/api/model-schema'

import { Section } from './panel-parts'

/** The fields that came in an unexpected shape: what came, and what this dashboard expected. */
export function FieldWarnings({ warnings }: { warnings: readonly FieldWarning[] }) {
  return (
    <Section title="Read with warnings">
      <p className="text-sm text-muted-foreground">
        {warnings.length === 1 ? 'One field' : `${warnings.length} fields`} of this model came in a
        shape this dashboard does not expect. {warnings.length === 1 ? 'It is' : 'They are'} shown
        as the service sent {warnings.length === 1 ? 'it' : 'them'}; nothing was left out.
      </p>
      <table className="mt-2 w-full text-left text-sm">
        <caption className="sr-only">Fields read with warnings</caption>
        <thead className="text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              What came
            </th>
            <th scope="col" className="py-1 font-medium">
              Expected
            </th>
          </tr>
        </thead>
        <tbody>
          {warnings.map((warning) => (
            <tr key={warning.field} className="border-t border-warning-text/30 align-top">
              <th scope="row" className="py-1 pr-3 font-mono text-xs font-medium">
                {warning.field}
              </th>
              <td className="py-1 pr-3 font-mono text-xs break-all">{warning.came}</td>
              <td className="py-1 text-muted-foreground">{warning.expected}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  )
}
