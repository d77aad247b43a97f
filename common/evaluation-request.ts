import { isModelReference, uuidPattern } from './model-id'

/**
 * `POST /evaluation`'s body, one set of rules for everyone who writes or reads it: the app's
 * evaluate dialog checks with them before sending, the copy-as-code snippet and the app send what
 * `evaluationRequestBody` builds, and the dashboard's server forwards only a body that passes them,
 * rebuilt from the checked fields. A costly action starts on the service only if every field is
 * what the service documents, so anything else is refused with the field named, never dropped:
 * a field quietly left out would start an evaluation other than the one asked for.
 */

/** The three fields the official client sends (`evaluate(dataset_id, model, hyperparameters)`). */
export type EvaluationRequest = {
  datasetId: string
  model: string
  hyperparameters: Record<string, unknown>
}

export const evaluationRequestFields = ['datasetId', 'model', 'hyperparameters'] as const

/** One thing wrong with a request: the field (`hyperparameters.leftWeights`) and why, in words. */
export type EvaluationProblem = { field: string; message: string }

type ParameterRule = {
  required: boolean
  /** What the value must be, completing "`field` must be …". */
  expected: string
  check: (value: unknown, parameters: Readonly<Record<string, unknown>>) => boolean
}

const isText = (value: unknown): value is string => typeof value === 'string' && !!value.trim()
const isColumnList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length > 0 && value.every(isText)
const weightsFor = (keys: string) => (value: unknown, parameters: Record<string, unknown>) =>
  Array.isArray(value) &&
  value.every((weight) => typeof weight === 'number' && Number.isFinite(weight)) &&
  // A weights list is judged on its own when its keys are wrong: their problem is named there.
  (!isColumnList(parameters[keys]) || value.length === parameters[keys].length)
const wholeNumber =
  (least: number, most = Number.MAX_SAFE_INTEGER) =>
  (value: unknown) =>
    typeof value === 'number' && Number.isInteger(value) && value >= least && value <= most

/**
 * Marqo's "Evaluation Parameters" page (docs.marqo.ai, Marqtune reference): the four column
 * parameters are required; the rest are optional and the service has defaults for them. The
 * order here is the order a body is sent in.
 */
const parameterRules: Readonly<Record<string, ParameterRule>> = {
  leftKeys: {
    required: true,
    expected: 'a list of at least one column name (the query side)',
    check: isColumnList,
  },
  leftWeights: {
    required: true,
    expected: 'a list of numbers, one for each leftKeys column',
    check: weightsFor('leftKeys'),
  },
  rightKeys: {
    required: true,
    expected: 'a list of at least one column name (the document side)',
    check: isColumnList,
  },
  rightWeights: {
    required: true,
    expected: 'a list of numbers, one for each rightKeys column',
    check: weightsFor('rightKeys'),
  },
  weightKey: { required: false, expected: 'a column name (the score column)', check: isText },
  batchSize: { required: false, expected: 'a whole number, at least 1', check: wholeNumber(1) },
  contextLength: {
    required: false,
    expected: 'a whole number of tokens, at least 1',
    check: wholeNumber(1),
  },
  numWorkers: { required: false, expected: 'a whole number, 0 or more', check: wholeNumber(0) },
  runQueriesCpu: {
    required: false,
    expected: 'true or false',
    check: (value) => typeof value === 'boolean',
  },
  topQ: {
    required: false,
    expected: 'a whole number from 1 to 20000',
    check: wholeNumber(1, 20_000),
  },
}

/** The parameters an evaluation takes, in the order they are sent. */
export const evaluationParameterNames: readonly string[] = Object.keys(parameterRules)

/** A field name is repeated in a message only when it looks like one; others are not echoed. */
const plainName = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/
const named = (name: string) => (plainName.test(name) ? name : 'a field with an unusual name')

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** What is wrong with evaluation hyperparameters, field by field; none when they can be sent. */
export function evaluationParameterProblems(hyperparameters: unknown): EvaluationProblem[] {
  if (!isObject(hyperparameters)) {
    return [{ field: 'hyperparameters', message: 'hyperparameters must be a JSON object' }]
  }
  const problems: EvaluationProblem[] = []
  for (const [name, rule] of Object.entries(parameterRules)) {
    const value = hyperparameters[name]
    if (value === undefined && !rule.required) continue
    if (value === undefined || !rule.check(value, hyperparameters)) {
      const field = `hyperparameters.${name}`
      problems.push({ field, message: `${field} must be ${rule.expected}` })
    }
  }
  for (const name of Object.keys(hyperparameters)) {
    if (Object.hasOwn(parameterRules, name)) continue
    const field = `hyperparameters.${named(name)}`
    problems.push({ field, message: `${field} is not an evaluation parameter` })
  }
  return problems
}

/** What is wrong with a whole request body, field by field; none when it can be sent. */
export function evaluationRequestProblems(body: unknown): EvaluationProblem[] {
  if (!isObject(body)) {
    return [{ field: '', message: 'The request body must be a JSON object' }]
  }
  const problems: EvaluationProblem[] = []
  const { datasetId, model } = body
  if (typeof datasetId !== 'string' || !uuidPattern.test(datasetId)) {
    problems.push({ field: 'datasetId', message: 'datasetId must be a dataset id (a UUID)' })
  }
  if (typeof model !== 'string' || !isModelReference(model)) {
    problems.push({
      field: 'model',
      message:
        'model must be a base model name such as Marqo/ViT-B-32.laion2b_s34b_b79k, or <modelId>/<checkpoint>',
    })
  }
  problems.push(...evaluationParameterProblems(body.hyperparameters))
  for (const name of Object.keys(body)) {
    if ((evaluationRequestFields as readonly string[]).includes(name)) continue
    problems.push({
      field: named(name),
      message: `${named(name)} is not a field of an evaluation request (${evaluationRequestFields.join(', ')})`,
    })
  }
  return problems
}

/**
 * The body as it is sent: the three fields in the client's order, the known parameters in the
 * documented order and any others after them as given. The snippets and the app build with it,
 * so the same request is the same text wherever it is copied from or sent.
 */
export function evaluationRequestBody({
  datasetId,
  model,
  hyperparameters,
}: EvaluationRequest): EvaluationRequest {
  const known = evaluationParameterNames.filter((name) => hyperparameters[name] !== undefined)
  const others = Object.keys(hyperparameters).filter((name) => !Object.hasOwn(parameterRules, name))
  return {
    datasetId,
    model,
    // fromEntries: a key called "__proto__" stays a key.
    hyperparameters: Object.fromEntries(
      [...known, ...others].map((name) => [name, hyperparameters[name]]),
    ),
  }
}

/**
 * A body as the service may receive it (`body`, rebuilt from the checked fields: nothing
 * unchecked passes through), or every problem with it.
 */
export function readEvaluationRequest(
  body: unknown,
): { body: EvaluationRequest } | { problems: EvaluationProblem[] } {
  const problems = evaluationRequestProblems(body)
  if (!passes(body, problems)) return { problems }
  return { body: evaluationRequestBody(body) }
}

/** What `evaluationRequestProblems` found nothing wrong with is a request. */
function passes(body: unknown, problems: readonly EvaluationProblem[]): body is EvaluationRequest {
  return problems.length === 0 && isObject(body)
}
