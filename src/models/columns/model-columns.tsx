import { createColumnHelper } from '@tanstack/react-table'

import type { Model } from '@/api/model-schema'
import { Highlight } from '@/components/highlight'
import { formatDuration, shortId } from '@/lib/format'
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
import { StatusParts } from './status-badge'
import type { modelTableFeatures } from './column-meta'

export const column = createColumnHelper<typeof modelTableFeatures, Model>()

export const nameColumnId = 'modelName'
export const failureColumnId = 'failureReason'

/**
 * The model columns. Shown by default are the ones that tell models apart at a glance and fit
 * 1,280 px beside each other: name, status, id, base model, instance type and checkpoints. Hidden
 * until chosen: the time limit (most tasks are started without one, so the column would say
 * "24 h default" on nearly every row; the panel shows it), the newest checkpoint (the count says
 * as much in a list, the panel names it) and the failure reason (the Failed filter groups them).
 */
export const modelColumns = column.columns([
  column.accessor('modelName', {
    meta: {
      label: 'Name',
      text: (model) => model.modelName,
      // The name takes the room the other columns leave, from this width up.
      width: 240,
      grow: true,
      sortKey: (model) => model.modelName,
      defaultVisible: true,
    },
  }),
  column.accessor('status', {
    meta: {
      label: 'Status',
      cell: (model) => <StatusParts model={model} progress />,
      parts: true,
      highlight: true,
      text: statusText,
      width: 212,
      sortKey: (model) => phaseRank[phaseOf(model)],
      facet: { valueOf: (model) => model.status },
      defaultVisible: true,
    },
  }),
  column.accessor('modelId', {
    meta: {
      label: 'ID',
      cell: (model) => <Highlight text={shortId(model.modelId)} />,
      cellClass: 'font-mono text-xs text-muted-foreground',
      highlight: true,
      text: (model) => model.modelId,
      mono: true,
      width: 104,
      sortKey: (model) => model.modelId,
      defaultVisible: true,
    },
  }),
  column.accessor('baseModel', {
    meta: {
      label: 'Base model',
      cell: (model) => (
        <>
          <Highlight text={model.baseModel} />
          {model.baseCheckpoint ? (
            <span className="text-muted-foreground">
              {' · '}
              <Highlight text={model.baseCheckpoint} />
            </span>
          ) : null}
        </>
      ),
      cellClass: 'font-mono text-xs',
      highlight: true,
      text: baseModelText,
      mono: true,
      width: 264,
      grow: true,
      sortKey: (model) => model.baseModel,
      facet: { valueOf: (model) => model.baseModel },
      defaultVisible: true,
    },
  }),
  column.accessor('instanceType', {
    meta: {
      label: 'Instance type',
      highlight: true,
      text: (model) => model.instanceType,
      width: 176,
      sortKey: (model) => model.instanceType,
      facet: { valueOf: (model) => model.instanceType },
      defaultVisible: true,
    },
  }),
  column.accessor('maxTrainingTime', {
    meta: {
      label: 'Max training time',
      cell: (model) => {
        const seconds = model.maxTrainingTime
        if (seconds !== undefined) return formatDuration(seconds)
        const came = cameAs(model, 'maxTrainingTime')
        return came === undefined ? (
          <span className="text-muted-foreground">{noTimeLimit}</span>
        ) : (
          <span className="text-warning-text" title="Not a number of seconds: shown as it came">
            {came}
          </span>
        )
      },
      text: (model) =>
        model.maxTrainingTime === undefined
          ? (cameAs(model, 'maxTrainingTime') ?? '')
          : String(model.maxTrainingTime),
      readable: timeLimitText,
      width: 184,
      sortKey: (model) => model.maxTrainingTime,
      align: 'end',
      defaultVisible: false,
    },
  }),
  column.accessor((model) => model.checkpoints.length, {
    id: 'checkpoints',
    meta: {
      label: 'Checkpoints',
      cellClass: 'tabular-nums',
      text: (model) => String(model.checkpoints.length),
      width: 120,
      sortKey: (model) => model.checkpoints.length,
      align: 'end',
      defaultVisible: true,
    },
  }),
  column.accessor((model) => newestCheckpoint(model) ?? '', {
    // The id is in shared links (?cols=…): it keeps its first name.
    id: 'latestCheckpoint',
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
    meta: {
      label: 'Failure reason',
      cell: (model) => <Highlight text={model.failureReason?.split('\n')[0] ?? ''} />,
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
