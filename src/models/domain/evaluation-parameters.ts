import { evaluationParameterProblems, type EvaluationProblem } from '@common/evaluation-request'

/**
 * What an evaluation of a model's checkpoint is asked with: the dataset columns and weights the
 * model was trained on. The evaluate dialog starts from these and the copy-as-code snippet sends
 * them, so both ask the same thing; the rules they are checked by are the server's own
 * (`common/evaluation-request.ts`).
 */

/** The training parameters an evaluation takes over (Marqo's walkthrough passes these five). */
export const trainingColumnParameters = [
  'leftKeys',
  'leftWeights',
  'rightKeys',
  'rightWeights',
  'weightKey',
] as const

/**
 * The evaluation parameters of a model's training hyperparameters: each of the five copied when
 * the training has it (as it came, even in a shape the check will refuse, so the dialog shows
 * what the model was trained with), nothing else (`epochs` and the like are not the evaluation's).
 */
export function evaluationParametersFrom(
  training: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const parameters: Record<string, unknown> = {}
  for (const name of trainingColumnParameters) {
    if (Object.hasOwn(training, name) && training[name] !== undefined) {
      parameters[name] = training[name]
    }
  }
  return parameters
}

/** Evaluation parameters that passed the check, typed for a form. */
export type EvaluationParameters = {
  leftKeys: string[]
  leftWeights: number[]
  rightKeys: string[]
  rightWeights: number[]
  weightKey?: string
  [name: string]: unknown
}

/**
 * Whether `hyperparameters` can be sent: column lists of at least one name a side, one number per
 * column, a text `weightKey` if any, and only parameters an evaluation takes. Every problem is
 * named by its field (`hyperparameters.leftWeights`), for the dialog to show beside it.
 */
export function checkEvaluationParameters(
  hyperparameters: unknown,
): { parameters: EvaluationParameters } | { problems: readonly EvaluationProblem[] } {
  const problems = evaluationParameterProblems(hyperparameters)
  return passes(hyperparameters, problems) ? { parameters: hyperparameters } : { problems }
}

/** What the check found nothing wrong with is a set of evaluation parameters. */
function passes(
  value: unknown,
  problems: readonly EvaluationProblem[],
): value is EvaluationParameters {
  return problems.length === 0 && typeof value === 'object' && value !== null
}
