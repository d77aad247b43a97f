import { evaluationRequestBody, type EvaluationRequest } from '@common/evaluation-request'
import { routePath } from '@common/routes'

import { jsonDepthLimit, jsonText } from '@/lib/json-text'
import type { Model } from '@/api/model-schema'

import { evaluationParametersFrom } from './evaluation-parameters'
import { checkpointReference } from './lineage'

/**
 * Copy as code: what a person runs next, as the official Python client (`marqtune` 0.2.x) or
 * cURL spells it. Pure text builders. The key is never in a snippet: Python reads it from the
 * environment, cURL from `$MARQO_API_KEY`. Inputs the dashboard cannot know (a dataset id) are
 * `<PLACEHOLDERS>` in valid string literals, named in a comment on top. Every value that comes from
 * the model is escaped for the language it lands in, whatever it holds.
 */

export const snippetActions = ['download', 'release', 'evaluate', 'train'] as const
export type SnippetAction = (typeof snippetActions)[number]
export type SnippetLanguage = 'python' | 'curl'

export const snippetActionLabels: Record<SnippetAction, string> = {
  download: 'Download this checkpoint',
  release: 'Release it',
  evaluate: 'Evaluate it',
  train: 'Train on top of it',
}

export const keyVariable = 'MARQO_API_KEY'
/** Where the snippets send their requests: the service. Tests point them at an emulator. */
export const serviceUrl = 'https://marqtune.marqo.ai'
const datasetPlaceholder = {
  evaluate: '<EVALUATION_DATASET_ID>',
  train: '<TRAINING_DATASET_ID>',
} as const

export function codeSnippet(
  language: SnippetLanguage,
  action: SnippetAction,
  model: Model,
  checkpoint: string,
  baseUrl = serviceUrl,
): string {
  return language === 'python'
    ? pythonSnippet(action, model, checkpoint, baseUrl)
    : curlSnippet(action, model, checkpoint, baseUrl)
}

function pythonSnippet(
  action: SnippetAction,
  model: Model,
  checkpoint: string,
  baseUrl: string,
): string {
  const head = (placeholders: string[], imports: string[] = []) =>
    pythonHead(baseUrl, placeholders, imports)
  const reference = checkpointReference(model.modelId, checkpoint)
  switch (action) {
    case 'download':
      return `${head([])}client.model(${pythonString(model.modelId)}).download(checkpoint=${pythonString(checkpoint)})\n`
    case 'release':
      return `${head([])}client.model(${pythonString(model.modelId)}).release(${pythonString(checkpoint)})\n`
    case 'evaluate': {
      const { body, placeholders } = evaluateBody(model, checkpoint)
      return `${head(placeholders)}${call('evaluation = client.evaluate', [
        ['dataset_id', pythonString(body.datasetId)],
        ['model', pythonString(body.model)],
        ['hyperparameters', pythonLiteral(body.hyperparameters, 1)],
        ['wait_for_completion', 'True'],
      ])}`
    }
    default: {
      const instance = instanceTypes[model.instanceType.toLowerCase()]
      const placeholders = [datasetPlaceholder.train, ...(hasParameters(model) ? [] : ['{}'])]
      return `${head(placeholders, instance ? ['from marqtune.enums import InstanceType'] : [])}${call(
        'model = client.train_model',
        [
          ['dataset_id', pythonString(datasetPlaceholder.train)],
          ['model_name', pythonString(newModelName(model, checkpoint))],
          ['base_model', pythonString(reference)],
          [
            'instance_type',
            instance ? `InstanceType.${instance}` : pythonString(model.instanceType),
          ],
          ['hyperparameters', pythonLiteral(model.hyperparameters, 1)],
          ...(model.maxTrainingTime === undefined
            ? []
            : [['max_training_time', String(model.maxTrainingTime)] as [string, string]]),
          ['wait_for_completion', 'False'],
        ],
      )}`
    }
  }
}

/** The client, with the key from the environment; a note on top naming any placeholders. */
function pythonHead(baseUrl: string, placeholders: string[], imports: string[]): string {
  return [
    ...(placeholders.length ? placeholderNote(placeholders).split('\n') : []),
    'import os',
    '',
    'from marqtune.client import Client',
    ...imports,
    '',
    `client = Client(url=${pythonString(baseUrl)}, api_key=os.environ[${pythonString(keyVariable)}])`,
    '',
  ].join('\n')
}

function curlSnippet(
  action: SnippetAction,
  model: Model,
  checkpoint: string,
  baseUrl: string,
): string {
  const curl = (method: 'GET' | 'POST', path: string, body?: unknown) =>
    curlCommand(baseUrl, method, path, body)
  const { modelId } = model
  const reference = checkpointReference(modelId, checkpoint)
  switch (action) {
    case 'download':
      return [
        '# Answers {"downloadUrl": ...}: a link valid for one hour, fetched without the key.',
        curl('GET', routePath('checkpointDownload', { modelId }, { checkpoint })),
      ].join('\n')
    case 'release':
      return curl('POST', routePath('releaseCheckpoint', { modelId, checkpoint }))
    case 'evaluate': {
      const { body, placeholders } = evaluateBody(model, checkpoint)
      return [placeholderNote(placeholders), curl('POST', routePath('startEvaluation'), body)].join(
        '\n',
      )
    }
    default:
      return [
        placeholderNote([datasetPlaceholder.train, ...(hasParameters(model) ? [] : ['{}'])]),
        curl('POST', routePath('trainModel'), {
          datasetId: datasetPlaceholder.train,
          modelName: newModelName(model, checkpoint),
          baseModel: reference,
          instanceType: model.instanceType,
          hyperparameters: model.hyperparameters,
          ...(model.maxTrainingTime === undefined
            ? {}
            : { maxTrainingTime: model.maxTrainingTime }),
        }),
      ].join('\n')
  }
}

const instanceTypes: Record<string, string> = {
  'marqtune.basic': 'BASIC',
  'marqtune.performance': 'PERFORMANCE',
}

function newModelName(model: Model, checkpoint: string): string {
  return `${model.modelName || model.modelId} (from ${checkpoint})`
}

function hasParameters(model: Model): boolean {
  return Object.keys(model.hyperparameters).length > 0
}

/**
 * The evaluate request, built as the dashboard's own evaluate sends it (`evaluationRequestBody`,
 * with the training's parameters, `evaluationParametersFrom`). What the model's training lacks
 * is a placeholder: a column list, or a weight for each column.
 */
function evaluateBody(
  model: Model,
  checkpoint: string,
): { body: EvaluationRequest; placeholders: string[] } {
  const parameters = evaluationParametersFrom(model.hyperparameters)
  const placeholders: string[] = [datasetPlaceholder.evaluate]
  for (const [side, column, weight] of [
    ['left', '<QUERY_COLUMN>', '<QUERY_WEIGHT>'],
    ['right', '<DOCUMENT_COLUMN>', '<DOCUMENT_WEIGHT>'],
  ] as const) {
    const keys = `${side}Keys`
    if (!(keys in parameters)) {
      parameters[keys] = [column]
      placeholders.push(column)
    }
    const weights = `${side}Weights`
    if (!(weights in parameters)) {
      const count = Array.isArray(parameters[keys]) ? parameters[keys].length : 1
      parameters[weights] = Array.from({ length: Math.max(1, count) }, () => weight)
      placeholders.push(weight)
    }
  }
  const body = evaluationRequestBody({
    datasetId: datasetPlaceholder.evaluate,
    model: checkpointReference(model.modelId, checkpoint),
    hyperparameters: parameters,
  })
  return { body, placeholders }
}

function placeholderNote(placeholders: string[]): string {
  const note = `# Replace ${placeholders.join(', ')} before running.`
  return placeholders.some((placeholder) => placeholder.endsWith('_WEIGHT>'))
    ? `${note}\n# Each <…_WEIGHT> is a number: replace it quotes and all.`
    : note
}

function call(target: string, args: Array<[string, string]>): string {
  return `${target}(\n${args.map(([name, value]) => `    ${name}=${value},`).join('\n')}\n)\n`
}

function curlCommand(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): string {
  const lines = [
    `curl --fail-with-body --request ${method} ${shellQuote(`${baseUrl}${path}`)}`,
    `  --header "x-api-key: $${keyVariable}"`,
    ...(method === 'POST' ? [`  --header 'Content-Type: application/json'`] : []),
    ...(body === undefined ? [] : [`  --data ${shellQuote(jsonText(body, 2))}`]),
  ]
  return `${lines.join(' \\\n')}\n`
}

/** A POSIX shell word that stands for exactly `text`: single quotes, `'` as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

/**
 * A Python 3 string literal for `text`. A JSON string is one: every escape JSON.stringify writes
 * (`\"`, `\\`, `\n`, `\uXXXX`, lone surrogates included) means the same in Python, and anything
 * else (markup, non-Latin text) is fine as it is in a UTF-8 source file.
 */
export function pythonString(text: string): string {
  return JSON.stringify(text)
}

/** Any JSON value as a Python literal: dicts, lists, True/False/None; long ones over lines. */
export function pythonLiteral(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'None'
  if (value === true) return 'True'
  if (value === false) return 'False'
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None'
  if (typeof value === 'string') return pythonString(value)
  if (typeof value !== 'object') return 'None'
  // A value nested thousands of levels deep would overflow the stack, and no one trains on it.
  if (depth >= jsonDepthLimit) {
    return pythonString(`[nested more than ${jsonDepthLimit} levels deep: left out]`)
  }
  const entries: string[] = Array.isArray(value)
    ? value.map((item: unknown) => pythonLiteral(item, depth + 1))
    : Object.entries(value).map(
        ([key, item]) => `${pythonString(key)}: ${pythonLiteral(item, depth + 1)}`,
      )
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}']
  const inline = `${open}${entries.join(', ')}${close}`
  if (inline.length <= 60 && !inline.includes('\n')) return inline
  const indent = '    '.repeat(depth + 1)
  return `${open}\n${entries.map((entry) => `${indent}${entry},`).join('\n')}\n${'    '.repeat(depth)}${close}`
}
