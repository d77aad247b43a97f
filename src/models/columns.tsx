import { createColumnHelper } from '@tanstack/react-table'

import type { Model } from '../api/model-schema'
import { Badge } from '../components/badge'
import { formatDuration, shortId } from '../lib/format'
import { statusPhase, statusPhases } from './status'
import type { modelTableFeatures } from './table-features'

const column = createColumnHelper<typeof modelTableFeatures, Model>()

export const modelColumns = column.columns([
  column.accessor('modelName', {
    header: 'Name',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => <span className="font-medium text-slate-900">{getValue()}</span>,
  }),
  column.accessor('modelId', {
    header: 'ID',
    sortFn: 'alphanumeric',
    cell: ({ getValue }) => (
      <span title={getValue()} className="font-mono text-xs text-slate-600">
        {shortId(getValue())}
      </span>
    ),
  }),
  column.accessor((model) => statusPhases[statusPhase(model.status, model.secondaryStatus)].rank, {
    id: 'status',
    header: 'Status',
    sortFn: 'basic',
    cell: ({ row: { original: model } }) => <StatusCell model={model} />,
  }),
  column.accessor('baseModel', {
    header: 'Base model',
    sortFn: 'alphanumeric',
    cell: ({ row: { original: model } }) => (
      <span className="block max-w-80 truncate" title={model.baseModel}>
        {model.baseModel}
        {model.baseCheckpoint ? (
          <span className="block text-xs text-slate-500">{model.baseCheckpoint}</span>
        ) : null}
      </span>
    ),
  }),
  column.accessor('instanceType', { header: 'Instance type', sortFn: 'alphanumeric' }),
  column.accessor('maxTrainingTime', {
    header: 'Max training time',
    sortFn: 'basic',
    sortUndefined: 'last',
    cell: ({ getValue }) => {
      const seconds = getValue()
      return seconds === undefined ? (
        <span className="text-slate-500" title="Not set: the service's default limit is 24 h">
          default
        </span>
      ) : (
        <span title={`${seconds.toLocaleString('en')} s`}>{formatDuration(seconds)}</span>
      )
    },
  }),
  column.accessor((model) => model.checkpoints.length, {
    id: 'checkpoints',
    header: 'Checkpoints',
    sortFn: 'basic',
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
])

function StatusCell({ model }: { model: Model }) {
  const phase = statusPhases[statusPhase(model.status, model.secondaryStatus)]
  const showSecondary =
    model.secondaryStatus && model.secondaryStatus.toLowerCase() !== model.status.toLowerCase()
  return (
    <span className="flex flex-col items-start gap-0.5">
      <Badge tone={phase.tone}>
        <span aria-hidden="true">{phase.icon}</span>
        {model.status}
      </Badge>
      {showSecondary ? (
        <span className="text-xs text-slate-500">{model.secondaryStatus}</span>
      ) : null}
    </span>
  )
}
