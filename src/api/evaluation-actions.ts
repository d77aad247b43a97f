import {
  evaluationRequestBody,
  evaluationRequestProblems,
  type EvaluationRequest,
} from '@common/evaluation-request'
import { routePath } from '@common/routes'

import { ApiError } from './api-error'
import { sendJson } from './client'
import { entryIn, isRecord } from './envelope'
import type { Credentials } from './model-queries'

/**
 * `POST /evaluation`: starts an evaluation, which runs (and costs) on the service. Checked first
 * by the rules the server holds it to (`common/evaluation-request.ts`): a request that breaks
 * them is never sent. Sent once, as `evaluationRequestBody` builds it (the copy-as-code snippet
 * sends the same), and never again by anything here, whatever happens: a failure is reported,
 * and only a person starts another. Resolves with the new evaluation's id, read from the answer
 * bare or in the envelope.
 */
export async function startEvaluation(
  { apiKey }: Credentials,
  request: EvaluationRequest,
): Promise<string> {
  const problems = evaluationRequestProblems(request)
  if (problems.length) {
    throw new ApiError(
      'request',
      `Not sent: ${problems.map((problem) => problem.message).join('; ')}.`,
      undefined,
      undefined,
      'The evaluation was not started',
    )
  }
  const answer = await sendJson('POST', routePath('startEvaluation'), {
    apiKey,
    body: evaluationRequestBody(request),
  })
  const evaluationId = evaluationIdIn(answer)
  if (evaluationId) return evaluationId
  // It was accepted, so it most likely runs: starting it again would run (and bill) it twice.
  throw new ApiError(
    'unexpected',
    'Marqtune accepted the evaluation but its answer names no evaluation id. It is probably running: look for it among the evaluations before starting another.',
    undefined,
    undefined,
    'The evaluation’s id could not be read',
  )
}

/** `{evaluationId}`, bare, in the envelope or under `evaluation`; a number is read as text. */
function evaluationIdIn(json: unknown): string | undefined {
  const entry = entryIn(json, 'evaluation', 'evaluationId')
  const id = isRecord(entry) ? entry.evaluationId : undefined
  if (typeof id === 'string' && id.trim()) return id.trim()
  if (typeof id === 'number' && Number.isFinite(id)) return String(id)
  return undefined
}
