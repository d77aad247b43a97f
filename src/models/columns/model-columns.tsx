import { createColumnHelper } from '@tanstack/react-table'

import type { Model } from '@/api/model-schema'
import { Highlight } from '@/components/highlight'
import { formatCount, formatDuration, shortId } from '@/lib/format'
import { failureGroupOf } from '@/models/domain/failure-groups'
import {
  baseModelText,
  cameAs,
  newestCheckpoint,
  newestCheckpointLabel,
  noTimeLimit,
  timeLimitText,
} from '@/models/domain/model-fields'
import { phaseOf, phaseRank, statusText } from '@/models/domain/status'
import { StatusBadge } from './status-badge'
import type { modelTableFeatures } from './column-meta'

export const column = createColumnHelper<typeof modelTableFeatures, Model>()

export const nameColumnId = 'modelName'
export const failureColumnId = 'failureReason'

export const modelColumns = column.columns([
  column.accessor('modelName', {
    enableHiding: false,
    // The name cell is rendered by the row itself: it is the row's button.
    meta: {
      label: 'Name',
      text: (model) => model.modelName,
      width: 300,
      narrowWidth: 140,
      sortKey: (model) => model.modelName,
      defaultVisible: true,
    },
  }),
  column.accessor('status', {
    cell: ({ row: { original: model } }) => <StatusBadge model={model} progress />,
    meta: {
      label: 'Status',
      highlight: true,
      text: statusText,
      width: 210,
      narrowWidth: 160,
      sortKey: (model) => phaseRank[phaseOf(model)],
      facet: { valueOf: (model) => model.status },
      defaultVisible: true,
    },
  }),
  column.accessor('modelId', {
    cell: ({ getValue }) => (
      <span title={getValue()} className="font-mono text-xs text-slate-600">
        <Highlight text={shortId(getValue())} />
      </span>
    ),
    meta: {
      label: 'ID',
      highlight: true,
      text: (model) => model.modelId,
      mono: true,
      width: 110,
      sortKey: (model) => model.modelId,
      defaultVisible: true,
    },
  }),
  column.accessor('baseModel', {
    cell: ({ row: { original: model } }) => (
      <span className="block truncate" title={baseModelText(model)}>
        <Highlight text={model.baseModel} />
        {model.baseCheckpoint ? (
          <span className="text-slate-500">
            {' · '}
            <Highlight text={model.baseCheckpoint} />
          </span>
        ) : null}
      </span>
    ),
    meta: {
      label: 'Base model',
      highlight: true,
      text: baseModelText,
      mono: true,
      width: 340,
      sortKey: (model) => model.baseModel,
      facet: { valueOf: (model) => model.baseModel },
      defaultVisible: true,
    },
  }),
  column.accessor('instanceType', {
    cell: ({ getValue }) => <Highlight text={getValue()} />,
    meta: {
      label: 'Instance type',
      highlight: true,
      text: (model) => model.instanceType,
      width: 180,
      sortKey: (model) => model.instanceType,
      facet: { valueOf: (model) => model.instanceType },
      defaultVisible: true,
    },
  }),
  column.accessor('maxTrainingTime', {
    cell: ({ row: { original: model }, getValue }) => {
      const seconds = getValue()
      if (seconds !== undefined) {
        return <span title={`${formatCount(seconds)} s`}>{formatDuration(seconds)}</span>
      }
      const came = cameAs(model, 'maxTrainingTime')
      return came === undefined ? (
        <span className="text-slate-600">{noTimeLimit}</span>
      ) : (
        <span className="text-amber-800" title="Not a number of seconds: shown as it came">
          {came}
        </span>
      )
    },
    meta: {
      label: 'Max training time',
      text: (model) =>
        model.maxTrainingTime === undefined
          ? (cameAs(model, 'maxTrainingTime') ?? '')
          : String(model.maxTrainingTime),
      readable: timeLimitText,
      width: 185,
      sortKey: (model) => model.maxTrainingTime,
      align: 'end',
      defaultVisible: true,
    },
  }),
  column.accessor((model) => model.checkpoints.length, {
    id: 'checkpoints',
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
    meta: {
      label: 'Checkpoints',
      text: (model) => String(model.checkpoints.length),
      width: 130,
      sortKey: (model) => model.checkpoints.length,
      align: 'end',
      defaultVisible: true,
    },
  }),
  column.accessor((model) => newestCheckpoint(model) ?? '', {
    // The id is in shared links (?cols=…): it keeps its first name.
    id: 'latestCheckpoint',
    cell: ({ getValue }) => <Highlight text={getValue()} />,
    meta: {
      label: newestCheckpointLabel,
      highlight: true,
      text: (model) => newestCheckpoint(model) ?? '',
      mono: true,
      width: 170,
      sortKey: newestCheckpoint,
      defaultVisible: false,
    },
  }),
  column.accessor((model) => model.failureReason ?? '', {
    id: failureColumnId,
    cell: ({ getValue }) => (
      <span className="block truncate" title={getValue()}>
        <Highlight text={getValue().split('\n')[0] ?? ''} />
      </span>
    ),
    meta: {
      label: 'Failure reason',
      highlight: true,
      text: (model) => model.failureReason ?? '',
      width: 360,
      sortKey: (model) => model.failureReason,
      // Near-identical reasons of failed models make one option (failure-groups.ts).
      facet: { valueOf: failureGroupOf },
      defaultVisible: false,
    },
  }),
])
