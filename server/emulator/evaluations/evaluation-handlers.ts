import type { Context } from 'hono'

import { routePath } from '../../../common/routes'
import type { EmulatorContext, Handlers } from '../emulator-context'
import { linkOrigin } from '../files/presigned-links'
import { logWindow } from '../logs'
import { Refusal } from '../request-checks'
import { evaluationStartLines } from './evaluation-logs'
import { readEvaluationRequest } from './evaluation-request'
import type { EvaluationRecord } from './wire-evaluation'

type EvaluationRoute =
  | 'startEvaluation'
  | 'listEvaluations'
  | 'describeEvaluation'
  | 'evaluationLogs'
  | 'evaluationLogFile'
  | 'evaluationResults'
  | 'deleteEvaluation'

/**
 * The evaluation routes. The docs give only `Invalid evaluation id` and `evaluation not found`;
 * the other messages follow the models' documented ones.
 */
export function evaluationHandlers({
  state,
  tasks,
  links,
  send,
  sendList,
}: EmulatorContext): Handlers<EvaluationRoute> {
  function withEvaluation(
    c: Context,
    evaluationId: string,
    answer: (record: EvaluationRecord) => Response,
  ) {
    const record = state.findEvaluation(evaluationId)
    return typeof record === 'string'
      ? send(c, 404, { message: 'evaluation not found' })
      : answer(record)
  }

  /** A link to one of a finished evaluation's files. */
  function fileLink(
    c: Context,
    record: EvaluationRecord,
    what: 'Logs' | 'Results',
    route: 'evaluationLogFileContents' | 'evaluationResultsFile',
    extension: string,
  ) {
    const { evaluationId, status } = record.evaluation
    if (status.toLowerCase() !== 'ready') {
      return send(c, 400, { message: `${what} download is only available for ready evaluation.` })
    }
    const path = routePath(route, { evaluationId, fileName: `${evaluationId}.${extension}` })
    return send(c, 200, { downloadUrl: links.sign(linkOrigin(c), path) })
  }

  return {
    startEvaluation: async (c) => {
      const record = readEvaluationRequest(state, await c.req.json().catch(() => undefined))
      if (record instanceof Refusal) return send(c, 400, { message: record.message })
      state.addEvaluation(record)
      state.sayForEvaluation(record, ...evaluationStartLines(record))
      tasks.startEvaluation(record)
      return send(c, 200, { evaluationId: record.evaluation.evaluationId })
    },

    // The list leaves the metrics out: the docs add them in describe.
    listEvaluations: (c) =>
      sendList(
        c,
        'evaluations',
        state
          .listEvaluations()
          .map(({ evaluation }) =>
            Object.fromEntries(
              Object.entries(evaluation).filter(([field]) => field !== 'evaluationMetrics'),
            ),
          ),
      ),

    describeEvaluation: (c, { params }) =>
      withEvaluation(c, params.evaluationId!, (record) => send(c, 200, record.evaluation)),

    evaluationLogs: (c, { params, query }) =>
      withEvaluation(c, params.evaluationId!, (record) => {
        const window = logWindow(state.evaluationLog(record), query.from, query.to)
        return typeof window === 'string' ? send(c, 400, { message: window }) : send(c, 200, window)
      }),

    evaluationLogFile: (c, { params }) =>
      withEvaluation(c, params.evaluationId!, (record) =>
        fileLink(c, record, 'Logs', 'evaluationLogFileContents', 'log'),
      ),

    evaluationResults: (c, { params }) =>
      withEvaluation(c, params.evaluationId!, (record) =>
        fileLink(c, record, 'Results', 'evaluationResultsFile', 'json'),
      ),

    deleteEvaluation: (c, { params }) => {
      const evaluationId = params.evaluationId!
      const record = state.findEvaluation(evaluationId)
      if (record === 'not found') return send(c, 404, { message: 'evaluation not found' })
      if (record === 'deleted') return send(c, 400, { message: 'evaluation is already deleted' })
      tasks.stopTask(evaluationId)
      state.deleteEvaluation(evaluationId)
      return send(c, 200, { message: 'evaluation deleted successfully' })
    },
  }
}
