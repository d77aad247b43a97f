import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, type ReactNode } from 'react'

import { modelQueries, type Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import type { Evaluation } from '@/api/evaluation-schema'
import { ErrorBoundary } from '@/components/error-boundary'
import { useNotices } from '@/components/notices'
import { Tabs, type Tab } from '@/components/tabs'
import { evaluationPhase } from '@/models/domain/evaluation-status'
import { isInProgress } from '@/models/domain/status'
import { useModelEvaluations } from '@/models/view/use-checkpoint-table'

import { CheckpointList } from './checkpoint-list'
import { EvaluationsTab } from './evaluations-tab'
import { HyperparameterView } from './hyperparameter-view'
import { ModelLogs } from './model-logs'
import { OverviewTab } from './overview-tab'

export const panelTabs = [
  'overview',
  'checkpoints',
  'evaluations',
  'hyperparameters',
  'logs',
] as const
export type PanelTab = (typeof panelTabs)[number]

function isPanelTab(value: string | null): value is PanelTab {
  return panelTabs.some((tab) => tab === value)
}

export type PanelBodyProps = {
  model: Model
  /** The whole account: for the lineage (parent and children) of this model. */
  models: Model[]
  credentials: Credentials
  onOpen: (modelId: string) => void
  readOnly: boolean
  /** The tab in the URL; anything else shows the first. */
  tab: string | null
  onTab: (tab: PanelTab) => void
  /** When the list last arrived: a part that failed tries again then. */
  listUpdatedAt: number
}

/**
 * The details of one model, in tabs a person can jump between (the tab is in the URL, so a link
 * opens the log directly): the overview, the checkpoints, their evaluations, the
 * hyperparameters and the log. This model's evaluations are followed while the panel is open,
 * whichever tab shows: one that ends says so in a notice.
 */
export function ModelPanelBody({
  model,
  models,
  credentials,
  onOpen,
  readOnly,
  tab,
  onTab,
  listUpdatedAt,
}: PanelBodyProps) {
  const selected = isPanelTab(tab) ? tab : 'overview'
  useRetryFailedOnRecovery(listUpdatedAt)
  const { list, own } = useModelEvaluations(credentials, model)
  useEvaluationEndings(own)
  const tabs: Array<Tab<PanelTab>> = [
    { id: 'overview', label: 'Overview' },
    { id: 'checkpoints', label: 'Checkpoints', count: model.checkpoints.length },
    // No count until the list is read: "0" would say there are none.
    { id: 'evaluations', label: 'Evaluations', count: list.data ? own.length : undefined },
    { id: 'hyperparameters', label: 'Hyperparameters' },
    { id: 'logs', label: 'Logs' },
  ]
  const content: Record<PanelTab, ReactNode> = {
    overview: (
      <OverviewTab model={model} models={models} credentials={credentials} onOpen={onOpen} />
    ),
    checkpoints: <CheckpointList model={model} credentials={credentials} readOnly={readOnly} />,
    evaluations: <EvaluationsTab model={model} credentials={credentials} readOnly={readOnly} />,
    hyperparameters: <HyperparameterView model={model} />,
    logs: <ModelLogs model={model} credentials={credentials} />,
  }
  const label = tabs.find((candidate) => candidate.id === selected)!.label
  return (
    <Tabs
      label="Model details"
      tabs={tabs}
      selected={selected}
      onSelect={onTab}
      panelClassName="relative min-h-0 flex-1 overflow-auto overscroll-contain p-4 focus-visible:-outline-offset-2"
    >
      {/* A tab that fails to render leaves the others, and the page, as they were. */}
      <ErrorBoundary key={selected} what={`The ${label} tab`} resetKey={listUpdatedAt}>
        {content[selected]}
      </ErrorBoundary>
    </Tabs>
  )
}

/**
 * When the list arrives again after the service was away, this model's own requests that
 * failed meanwhile (its log, say) are asked again: the panel recovers without a reload.
 */
function useRetryFailedOnRecovery(listUpdatedAt: number) {
  const queryClient = useQueryClient()
  useEffect(() => {
    if (!listUpdatedAt) return
    void queryClient.refetchQueries({
      queryKey: modelQueries.all(),
      type: 'active',
      predicate: (query) => query.state.status === 'error',
    })
  }, [queryClient, listUpdatedAt])
}

/**
 * An evaluation seen on its way that then ends says how it ended, in the notice region: the
 * evaluations are watched as trainings are. One already finished when first seen says nothing.
 */
function useEvaluationEndings(evaluations: readonly Evaluation[]) {
  const { notify } = useNotices()
  const onTheirWay = useRef(new Set<string>())
  useEffect(() => {
    const watched = onTheirWay.current
    for (const evaluation of evaluations) {
      const { evaluationId } = evaluation
      const phase = evaluationPhase(evaluation)
      if (isInProgress(phase)) {
        watched.add(evaluationId)
        continue
      }
      if (!watched.delete(evaluationId)) continue
      const what = `The evaluation of ${evaluation.model?.kind === 'checkpoint' ? evaluation.model.checkpoint : 'this model'}`
      notify({
        id: `evaluation-${evaluationId}`,
        tone: phase === 'ready' ? 'success' : phase === 'failed' ? 'danger' : 'info',
        text:
          phase === 'ready'
            ? `${what} finished: its numbers are in the Evaluations tab.`
            : phase === 'failed'
              ? `${what} failed: ${evaluation.failureReason || 'the service gave no reason.'}`
              : `${what} is ${evaluation.status}.`,
      })
    }
  }, [evaluations, notify])
}
