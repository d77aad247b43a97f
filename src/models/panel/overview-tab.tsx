import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { CopyButton } from '@/components/copy-button'
import { oncePerList } from '@/lib/once'
import { failureReport } from '@/models/domain/failure-report'
import { buildLineage } from '@/models/domain/lineage'
import { displayName, newestCheckpoint, timeLimitText } from '@/models/domain/model-fields'
import { isInProgress, phaseOf, statusText } from '@/models/domain/status'

import { FieldWarnings } from './field-warnings'
import { Value } from './hyperparameter-view'
import { Field, LinkButton, Section } from './panel-parts'
import { TrainingBudget } from './training-budget'

/** One lineage per account, built when a panel first needs it and shared by every panel. */
const lineageOf = oncePerList(buildLineage)

/**
 * What a model is, at a glance: why it failed (first, when it did), how its training is going,
 * every field, where it came from and what came from it, and the fields read with warnings.
 */
export function OverviewTab({
  model,
  models,
  credentials,
  onOpen,
}: {
  model: Model
  models: Model[]
  credentials: Credentials
  onOpen: (modelId: string) => void
}) {
  const failed = phaseOf(model) === 'failed'
  const lineage = lineageOf(models)
  const origin = lineage.parentOf(model)
  const children = lineage.childrenOf(model.modelId)
  return (
    <div className="flex flex-col gap-6">
      {model.warnings.length ? <FieldWarnings warnings={model.warnings} /> : null}

      {failed ? (
        <Section title="Failure">
          {model.failureReason ? (
            <pre className="max-h-80 overflow-auto rounded-md border border-danger-text/30 bg-danger-soft p-2 font-mono text-xs break-words whitespace-pre-wrap text-danger-text">
              {model.failureReason}
            </pre>
          ) : (
            <p className="text-sm text-muted-foreground">The service gave no reason.</p>
          )}
          <div className="mt-2 flex flex-wrap gap-2">
            {model.failureReason ? (
              <CopyButton text={model.failureReason} what="the failure reason">
                Copy reason
              </CopyButton>
            ) : null}
            <CopyButton text={failureReport(model)} what="a failure report as Markdown">
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
        <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm sm:grid-cols-[9rem_1fr]">
          <Field label="Model id">
            <span className="flex flex-wrap items-center gap-2">
              <code className="font-mono text-xs break-all">{model.modelId}</code>
              <CopyButton text={model.modelId} what="the model id" />
            </span>
          </Field>
          <Field label="Status">{statusText(model)}</Field>
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
          <Field label="Checkpoints">
            {model.checkpoints.length}
            {newestCheckpoint(model) ? (
              <span className="text-muted-foreground">
                {' '}
                (newest <code className="font-mono text-xs">{newestCheckpoint(model)}</code>)
              </span>
            ) : null}
          </Field>
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
            <p className="text-sm text-foreground">
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
            <div className="mt-2 text-sm text-foreground">
              <p>Models trained from this one:</p>
              <ul className="mt-1 flex flex-col gap-1">
                {children.map((child) => (
                  <li key={child.modelId}>
                    <LinkButton onClick={() => onOpen(child.modelId)}>
                      {displayName(child)}
                    </LinkButton>{' '}
                    <span className="text-muted-foreground">
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
    </div>
  )
}
