import type { Model } from '@/api/model-schema'
import { jsonText } from '@/lib/json-text'
import { timeLimitText } from './model-fields'
import { statusText } from './status'

/** A fence longer than any run of backticks in the text, so the text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length))
  return '`'.repeat(Math.max(3, longest + 1))
}

function block(text: string, language = ''): string {
  const marks = fence(text)
  return `${marks}${language}\n${text}\n${marks}`
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

/** Everything support needs about a failed training run, as Markdown for a ticket. */
export function failureReport(model: Model): string {
  const hyperparameters = model.hyperparametersText ?? jsonText(model.hyperparameters, 2)
  const lines = [
    `## Marqtune training failure: ${model.modelName}`,
    '',
    `- Model id: ${code(model.modelId)}`,
    `- Name: ${model.modelName}`,
    `- Status: ${statusText(model)}`,
    `- Base model: ${code(model.baseModel)}${model.baseCheckpoint ? ` (checkpoint ${code(model.baseCheckpoint)})` : ''}`,
    `- Instance type: ${code(model.instanceType)}`,
    `- Max training time: ${timeLimitText(model)}`,
    `- Checkpoints: ${model.checkpoints.length ? model.checkpoints.join(', ') : 'none'}`,
    '',
    '### Hyperparameters',
    '',
    block(
      hyperparameters,
      model.hyperparametersText && !Object.keys(model.hyperparameters).length ? '' : 'json',
    ),
    '',
    '### Failure reason',
    '',
    block(model.failureReason ?? '(the service gave no reason)'),
    '',
  ]
  return lines.join('\n')
}
