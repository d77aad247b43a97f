import type { Evaluation } from '@/api/evaluation-schema'

import { isInProgress, statusPhase, type StatusPhase } from './status'

/** Where an evaluation is in its life, in the words models use (the client's states are the same). */
export function evaluationPhase({ status, secondaryStatus }: Evaluation): StatusPhase {
  return statusPhase(status, secondaryStatus)
}

/** Finished with results: the only evaluations whose numbers are compared. */
export function isFinished(evaluation: Evaluation): boolean {
  return evaluationPhase(evaluation) === 'ready'
}

/** Still on its way: worth watching, never counted. */
export function isEvaluating(evaluation: Evaluation): boolean {
  return isInProgress(evaluationPhase(evaluation))
}

/**
 * Newest first. No documented field says when an evaluation was made: creation times are used
 * when every one of them has one (`createdAt`, read from fields that look like one; mixing the two
 * orders would not be an order), else the service's order, later being newer (`positions`: where
 * each came in its list).
 */
export function newestFirst(
  evaluations: readonly Evaluation[],
  positions: ReadonlyMap<Evaluation, number>,
): Evaluation[] {
  const byPosition = (a: Evaluation, b: Evaluation) =>
    (positions.get(b) ?? 0) - (positions.get(a) ?? 0)
  if (!evaluations.every((evaluation) => evaluation.createdAt)) {
    return evaluations.toSorted(byPosition)
  }
  return evaluations.toSorted(
    (a, b) => b.createdAt!.getTime() - a.createdAt!.getTime() || byPosition(a, b),
  )
}
