import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState } from 'react'

import { isModelReference } from '@common/model-id'
import type { EvaluationRequest } from '@common/evaluation-request'
import { datasetQueries } from '@/api/dataset-queries'
import { startEvaluation } from '@/api/evaluation-actions'
import { evaluationQueries } from '@/api/evaluation-queries'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { Button } from '@/components/button'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { useNotices } from '@/components/notices'
import { baseEvaluatedOn, evaluationsFor } from '@/models/domain/checkpoint-metrics'
import { columnsMissing, evaluationDatasets } from '@/models/domain/datasets'
import {
  checkEvaluationParameters,
  evaluationParametersFrom,
  type EvaluationParameters,
} from '@/models/domain/evaluation-parameters'
import { checkpointReference } from '@/models/domain/lineage'
import { CheckpointSubject } from './panel-parts'

/** One request sent and what came of it. */
type Outcome = { what: string; request: EvaluationRequest } & (
  { evaluationId: string } | { error: Error }
)

/** The training's evaluation parameters, as the text a person edits. */
function parametersText(model: Model): string {
  return JSON.stringify(evaluationParametersFrom(model.hyperparameters), null, 2)
}

/** The edited text, read and checked by the server's own rules. */
function readParameters(
  text: string,
): { parameters: EvaluationParameters } | { problems: readonly string[] } {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    return {
      problems: [`This is not JSON: ${error instanceof Error ? error.message : String(error)}`],
    }
  }
  const checked = checkEvaluationParameters(value)
  return 'parameters' in checked
    ? checked
    : { problems: checked.problems.map((problem) => problem.message) }
}

/** Whether the base model can be named as an evaluation's model: a name, not a checkpoint. */
function evaluableBase(model: Model): boolean {
  return !model.baseCheckpoint && isModelReference(model.baseModel)
}

/**
 * Asks before starting an evaluation of one checkpoint, which runs (and costs) on Marqtune: the
 * evaluation dataset (the account's ready ones, by name), the hyperparameters (the training's
 * columns and weights, editable, checked as the server checks them), and, when the base model
 * has no evaluation on that dataset yet, whether to evaluate it too, so the two can be compared.
 * One POST each, in turn, only when the person confirms; every outcome is reported, and the
 * evaluations list is asked again, so the new ones appear and are followed.
 */
export function EvaluateDialog({
  model,
  checkpoint,
  initialDatasetId,
  credentials,
  onClose,
}: {
  model: Model
  checkpoint: string
  /** The dataset to start from (the one the Evaluations tab shows), when it is one to choose. */
  initialDatasetId?: string | undefined
  credentials: Credentials
  onClose: () => void
}) {
  const ids = { dataset: useId(), parameters: useId(), problems: useId() }
  const queryClient = useQueryClient()
  const { notify } = useNotices()
  const datasets = useQuery(datasetQueries.list(credentials))
  const evaluations = useQuery(evaluationQueries.list(credentials)).data?.evaluations
  const [chosenDataset, setChosenDataset] = useState<string>()
  // Closing the dialog while requests are on their way stops the ones not yet sent.
  const closed = useRef(false)
  useEffect(
    () => () => {
      closed.current = true
    },
    [],
  )
  const [text, setText] = useState(() => parametersText(model))
  const [alsoBase, setAlsoBase] = useState(true)

  const choices = evaluationDatasets(datasets.data?.datasets ?? [])
  // Unless chosen: the dataset this model was evaluated on most, else the first by name that
  // has the columns it was trained on.
  const used = evaluationsFor(model, evaluations ?? []).own.map(
    (evaluation) => evaluation.datasetId,
  )
  const trained = evaluationParametersFrom(model.hyperparameters)
  const likeliest = choices
    .map((dataset) => ({
      dataset,
      uses: used.filter((datasetId) => datasetId === dataset.datasetId).length,
      fits: columnsMissing(dataset, trained).length === 0,
    }))
    .toSorted((a, b) => b.uses - a.uses || Number(b.fits) - Number(a.fits))[0]?.dataset
  // Once both lists are in, the first choice is fixed: a refresh never changes it under the person.
  const ready = datasets.data !== undefined && evaluations !== undefined
  const first =
    choices.find((candidate) => candidate.datasetId === initialDatasetId)?.datasetId ??
    likeliest?.datasetId
  // Set while rendering (React's way to adjust state to what arrived), once.
  if (ready && chosenDataset === undefined && first !== undefined) setChosenDataset(first)
  const dataset = choices.find((candidate) => candidate.datasetId === (chosenDataset ?? first))
  const checked = readParameters(text)
  const missing =
    dataset && 'parameters' in checked ? columnsMissing(dataset, checked.parameters) : []
  const read = missing.length
    ? {
        problems: [
          `${dataset?.datasetName || dataset?.datasetId} has no column ${missing.join(', ')}: choose another dataset, or edit the columns.`,
        ],
      }
    : checked
  const baseOffered =
    dataset !== undefined &&
    evaluations !== undefined &&
    evaluableBase(model) &&
    !baseEvaluatedOn(model, evaluations, dataset.datasetId)
  const reference = checkpointReference(model.modelId, checkpoint)
  const requests: Array<{ what: string; request: EvaluationRequest }> =
    dataset && 'parameters' in read
      ? [
          {
            what: checkpoint,
            request: {
              datasetId: dataset.datasetId,
              model: reference,
              hyperparameters: read.parameters,
            },
          },
          ...(baseOffered && alsoBase
            ? [
                {
                  what: `the base model ${model.baseModel}`,
                  request: {
                    datasetId: dataset.datasetId,
                    model: model.baseModel,
                    hyperparameters: read.parameters,
                  },
                },
              ]
            : []),
        ]
      : []

  const start = useMutation({
    mutationFn: async (asked: typeof requests) => {
      const outcomes: Outcome[] = []
      for (const { what, request } of asked) {
        if (closed.current) break
        try {
          outcomes.push({
            what,
            request,
            evaluationId: await startEvaluation(credentials, request),
          })
        } catch (error) {
          // The next one is not sent: a person decides what to do after a refusal.
          outcomes.push({
            what,
            request,
            error: error instanceof Error ? error : new Error(String(error)),
          })
          break
        }
      }
      return outcomes
    },
    // Said from what was sent, in the notice region, which outlives a dialog closed meanwhile.
    onSuccess: (outcomes, asked) => {
      const started = outcomes.filter((outcome) => 'evaluationId' in outcome)
      const refused = outcomes.filter((outcome) => 'error' in outcome)
      const sentTo = asked[0]?.request.datasetId
      const on = choices.find((candidate) => candidate.datasetId === sentTo)?.datasetName || sentTo
      if (started.length) {
        void queryClient.invalidateQueries({
          queryKey: evaluationQueries.list(credentials).queryKey,
        })
        notify({
          id: `evaluate-${reference}`,
          tone: 'success',
          title: `Started ${started.length === 1 ? 'an evaluation' : `${started.length} evaluations`}`,
          text: `${started.map((outcome) => outcome.what).join(' and ')} on ${on}. The Evaluations tab follows ${started.length === 1 ? 'it' : 'them'} until finished.`,
        })
      }
      for (const outcome of refused) {
        notify({
          id: `evaluate-refused-${reference}-${outcome.what}`,
          tone: 'danger',
          title: `The evaluation of ${outcome.what} was not started`,
          text: 'error' in outcome ? outcome.error.message : '',
        })
      }
      if (started.length === asked.length) onClose()
    },
  })
  const outcomes = start.data
  const startedSome = outcomes?.some((outcome) => 'evaluationId' in outcome) ?? false

  return (
    <ConfirmDialog
      title={`Evaluate ${checkpoint}?`}
      confirmLabel={requests.length === 2 ? 'Start 2 evaluations' : `Evaluate ${checkpoint}`}
      canConfirm={requests.length > 0}
      pending={start.isPending}
      // Once some started, confirming again would start them twice: only Close remains.
      onConfirm={startedSome ? undefined : () => start.mutate(requests)}
      onCancel={onClose}
      cancelLabel={startedSome || start.isPending ? 'Close' : 'Cancel'}
    >
      <p>
        An evaluation runs on Marqtune as a task of its own, and costs what a task costs. It scores
        the checkpoint on an evaluation dataset with the metrics the Evaluations tab compares.
      </p>
      <CheckpointSubject model={model} reference={reference} referenceLabel="Checkpoint" />

      <div className="flex flex-col gap-1">
        {datasets.data && choices.length ? (
          <label htmlFor={ids.dataset} className="font-medium">
            Evaluation dataset
          </label>
        ) : (
          <p className="font-medium">Evaluation dataset</p>
        )}
        {datasets.data ? (
          choices.length ? (
            <select
              id={ids.dataset}
              value={dataset?.datasetId}
              disabled={start.isPending}
              onChange={(event) => setChosenDataset(event.target.value)}
              className="rounded-md border border-input bg-surface px-2 py-1"
            >
              {choices.map((choice) => (
                <option key={choice.datasetId} value={choice.datasetId}>
                  {choice.datasetName || choice.datasetId}
                </option>
              ))}
            </select>
          ) : (
            <p className="text-muted-foreground">
              This account has no ready evaluation dataset. Create one with Marqo’s client (
              <code className="font-mono text-xs">create_eval_dataset</code>) and it appears here.
            </p>
          )
        ) : datasets.error ? (
          <p role="alert" className="text-danger-text">
            The datasets could not be read: {datasets.error.message}{' '}
            <Button
              size="sm"
              onClick={() => void datasets.refetch()}
              disabled={datasets.isFetching}
            >
              Try again
            </Button>
          </p>
        ) : (
          <p className="text-muted-foreground">Loading the account’s datasets…</p>
        )}
      </div>

      <div className="flex flex-col gap-1">
        <div className="flex items-center justify-between gap-2">
          <label htmlFor={ids.parameters} className="font-medium">
            Hyperparameters (JSON)
          </label>
          {text !== parametersText(model) ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={start.isPending}
              onClick={() => setText(parametersText(model))}
            >
              Reset to the training’s
            </Button>
          ) : null}
        </div>
        <textarea
          id={ids.parameters}
          value={text}
          onChange={(event) => setText(event.target.value)}
          readOnly={start.isPending}
          rows={7}
          spellCheck={false}
          aria-invalid={'problems' in read || undefined}
          aria-describedby={ids.problems}
          className="rounded-md border border-input bg-surface p-2 font-mono text-xs"
        />
        <div id={ids.problems} className="text-xs">
          {'problems' in read ? (
            <ul className="list-inside list-disc text-danger-text">
              {read.problems.map((problem, position) => (
                // oxlint-disable-next-line react/no-array-index-key -- two problems may read alike
                <li key={position}>{problem}</li>
              ))}
            </ul>
          ) : (
            <p className="text-muted-foreground">
              The columns and weights the model was trained with; checked as the server checks them
              before anything is sent.
            </p>
          )}
        </div>
      </div>

      {baseOffered ? (
        <label className="flex items-start gap-2">
          <input
            type="checkbox"
            className="mt-1"
            checked={alsoBase}
            disabled={start.isPending}
            onChange={(event) => setAlsoBase(event.target.checked)}
          />
          <span>
            Also evaluate the base model{' '}
            <code className="font-mono text-xs">{model.baseModel}</code> on this dataset: it has no
            evaluation there yet, and without one there is nothing to compare the checkpoint with.
          </span>
        </label>
      ) : null}

      <p aria-live="polite" className="empty:hidden">
        {start.isPending
          ? 'Starting… Closing now sends nothing more; what is on its way is still answered and reported.'
          : ''}
      </p>
      {outcomes && !start.isPending && outcomes.length ? (
        <div role="alert">
          <ul className="flex flex-col gap-1">
            {outcomes.map((outcome) => (
              <li
                key={outcome.what}
                className={
                  'error' in outcome
                    ? 'rounded-md border border-danger-text/30 bg-danger-soft p-2 text-danger-text'
                    : 'rounded-md border border-success-text/30 bg-success-soft p-2 text-success-text'
                }
              >
                {'error' in outcome
                  ? `The evaluation of ${outcome.what} was not started: ${outcome.error.message}`
                  : `Started the evaluation of ${outcome.what} (${outcome.evaluationId}).`}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </ConfirmDialog>
  )
}
