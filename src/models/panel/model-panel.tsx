import { useEffect, useRef } from 'react'

import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { CopyButton } from '@/components/copy-button'
import { oncePerList } from '@/lib/once'
import { CheckpointList } from './checkpoint-list'
import { failureReport } from '@/models/domain/failure-report'
import { HyperparameterView, Value } from './hyperparameter-view'
import { buildLineage, type Lineage } from '@/models/domain/lineage'
import { FieldWarnings } from './field-warnings'
import { ModelLogs } from './model-logs'
import { Field, LinkButton, Section } from './panel-parts'
import { displayName, isAddressable, timeLimitText } from '@/models/domain/model-fields'
import { isInProgress, phaseOf } from '@/models/domain/status'
import { TrainingBudget } from './training-budget'
import { WatchToggle } from '@/models/watching/watch-toggle'
import { StatusBadge } from '@/models/columns/status-badge'

/** One lineage per account, built when a panel first needs it and shared by every panel. */
const lineageOf = oncePerList(buildLineage)

/**
 * Everything about one model. A side panel beside the table on wide screens, the whole screen
 * on narrow ones; its heading takes focus when it opens.
 */
export function ModelPanel({
  modelId,
  model,
  models,
  credentials,
  onOpen,
  onClose,
  actions = { readOnly: false },
}: {
  modelId: string
  model: Model | undefined
  /** The whole account: for the lineage (parent and children) of this model. */
  models: Model[]
  credentials: Credentials
  onOpen: (modelId: string) => void
  onClose: () => void
  /** Release and delete: none with a read-only server; `deleting` while a delete of this runs. */
  actions?: { readOnly: boolean; deleting?: boolean; onDelete?: () => void }
}) {
  const headingRef = useRef<HTMLHeadingElement>(null)
  // The parent keys the panel by model id, so this runs each time another model opens.
  useEffect(() => headingRef.current?.focus(), [])

  return (
    <aside
      aria-labelledby="model-panel-title"
      className="fixed inset-0 z-20 flex flex-col overflow-hidden bg-white lg:static lg:z-auto lg:w-[38rem] lg:flex-none lg:rounded-lg lg:border lg:border-slate-200 lg:shadow-xs"
    >
      <header className="flex items-start gap-3 border-b border-slate-200 px-4 py-3">
        <div className="min-w-0 flex-1">
          <h2
            id="model-panel-title"
            ref={headingRef}
            tabIndex={-1}
            className="text-lg font-semibold break-words text-slate-900 focus:outline-none"
          >
            {model ? displayName(model) : 'Model not found'}
          </h2>
          {model ? (
            <p className="mt-1 text-sm">
              <StatusBadge model={model} />
            </p>
          ) : null}
          {model && isInProgress(phaseOf(model)) ? (
            <p className="mt-2">
              <WatchToggle ids={[model.modelId]} label="Notify me when it finishes" />
            </p>
          ) : null}
        </div>
        {model && isAddressable(model) && actions.onDelete && !actions.readOnly ? (
          <button
            type="button"
            onClick={actions.onDelete}
            disabled={actions.deleting}
            className="rounded-md border border-red-300 px-2.5 py-1 text-sm text-red-800 hover:bg-red-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:text-red-400"
          >
            {actions.deleting ? 'Deleting…' : 'Delete model…'}
          </button>
        ) : null}
        <button
          type="button"
          onClick={onClose}
          aria-keyshortcuts="Escape"
          className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
        >
          Close <span className="sr-only">details</span>
          <kbd className="ml-1 font-mono text-xs text-slate-500">Esc</kbd>
        </button>
      </header>
      <div className="flex-1 overflow-auto px-4 py-3">
        {model ? (
          <ModelDetails
            model={model}
            lineage={lineageOf(models)}
            credentials={credentials}
            onOpen={onOpen}
            readOnly={actions.readOnly}
          />
        ) : (
          <p className="text-sm text-slate-700">
            This account has no model with the id <code className="font-mono">{modelId}</code>. It
            may have been deleted, or the link was meant for another account.
          </p>
        )}
      </div>
    </aside>
  )
}

function ModelDetails({
  model,
  lineage,
  credentials,
  onOpen,
  readOnly,
}: {
  model: Model
  lineage: Lineage
  credentials: Credentials
  onOpen: (modelId: string) => void
  readOnly: boolean
}) {
  const failed = phaseOf(model) === 'failed'
  const origin = lineage.parentOf(model)
  const children = lineage.childrenOf(model.modelId)
  return (
    <div className="flex flex-col gap-6">
      {model.warnings.length ? <FieldWarnings warnings={model.warnings} /> : null}

      {failed ? (
        <Section title="Failure">
          {model.failureReason ? (
            <pre className="max-h-80 overflow-auto rounded-md border border-red-200 bg-red-50 p-2 font-mono text-xs break-words whitespace-pre-wrap text-red-950">
              {model.failureReason}
            </pre>
          ) : (
            <p className="text-sm text-slate-700">The service gave no reason.</p>
          )}
          <div className="mt-2 flex flex-wrap gap-2">
            {model.failureReason ? (
              <CopyButton text={model.failureReason} label="Copy the failure reason">
                Copy reason
              </CopyButton>
            ) : null}
            <CopyButton text={failureReport(model)} label="Copy a failure report as Markdown">
              Copy failure report
            </CopyButton>
          </div>
        </Section>
      ) : null}

      {isInProgress(phaseOf(model)) ? (
        <Section title="Training">
          <TrainingBudget model={model} credentials={credentials} />
        </Section>
      ) : null}

      <Section title="Overview">
        <dl className="grid grid-cols-[10rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          <Field label="Model id">
            <span className="flex flex-wrap items-center gap-2">
              <code className="font-mono text-xs break-all">{model.modelId}</code>
              <CopyButton text={model.modelId} label="Copy model id" />
            </span>
          </Field>
          <Field label="Base model">
            <span className="font-mono text-xs break-all">{model.baseModel}</span>
          </Field>
          {model.baseCheckpoint ? (
            <Field label="Base checkpoint">
              <span className="font-mono text-xs">{model.baseCheckpoint}</span>
            </Field>
          ) : null}
          <Field label="Instance type">{model.instanceType}</Field>
          <Field label="Max training time">{timeLimitText(model)}</Field>
          <Field label="Checkpoints">{model.checkpoints.length}</Field>
          {Object.entries(model.extra).map(([key, value]) => (
            <Field key={key} label={key} mono>
              <Value value={value} />
            </Field>
          ))}
        </dl>
      </Section>

      {origin || children.length ? (
        <Section title="Lineage">
          {origin ? (
            <p className="text-sm text-slate-800">
              Trained from{' '}
              {origin.parent ? (
                <LinkButton onClick={() => onOpen(origin.parent!.modelId)}>
                  {displayName(origin.parent)}
                </LinkButton>
              ) : (
                <>
                  a model that is not in this account (
                  <code className="font-mono text-xs">{origin.reference.modelId}</code>)
                </>
              )}{' '}
              at checkpoint <code className="font-mono">{origin.reference.checkpoint}</code>.
            </p>
          ) : null}
          {children.length ? (
            <div className="mt-2 text-sm text-slate-800">
              <p>Models trained from this one:</p>
              <ul className="mt-1 flex flex-col gap-1">
                {children.map((child) => (
                  <li key={child.modelId}>
                    <LinkButton onClick={() => onOpen(child.modelId)}>
                      {displayName(child)}
                    </LinkButton>{' '}
                    <span className="text-slate-600">
                      from{' '}
                      <code className="font-mono text-xs">{child.baseModel.split('/').at(-1)}</code>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Section>
      ) : null}

      <Section title="Checkpoints">
        <CheckpointList model={model} credentials={credentials} readOnly={readOnly} />
      </Section>

      <Section title="Hyperparameters">
        <HyperparameterView model={model} />
      </Section>

      <Section title="Logs">
        <ModelLogs model={model} credentials={credentials} />
      </Section>
    </div>
  )
}
