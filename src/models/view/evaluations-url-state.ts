import { parseAsString, useQueryStates } from 'nuqs'
import { useMemo } from 'react'

import type { SortRule } from '@/models/engine/ranks'

import { choice, choose, keepUnwrittenSearch, sortRule, typing } from './url-state'

/**
 * The Evaluations view's own search, sort and phase (`?view=evaluations&eq=…&esort=-ndcg@10&
 * ephase=failed`): keys of their own, so the models' search, filters and sort wait in the URL
 * for the way back. Values are checked where they are used (an unknown column sorts nothing).
 */
const evaluationParsers = {
  eq: parseAsString.withDefault(''),
  esort: sortRule,
  ephase: parseAsString,
}

export function useEvaluationsUrlState() {
  const [state, setState] = useQueryStates(evaluationParsers)
  const setters = useMemo(() => {
    const writeSearchNow = () =>
      void setState((current) => ({ eq: current.eq || null }), { history: 'replace' })
    return {
      setSearch: (eq: string) =>
        keepUnwrittenSearch(setState({ eq: eq || null }, typing), writeSearchNow),
      setSort: choose((sort: SortRule | null) => void setState({ esort: sort }, choice)),
      setPhase: choose((phase: string | null) => void setState({ ephase: phase }, choice)),
      clearFilters: choose(() => void setState({ eq: null, ephase: null }, choice)),
    }
  }, [setState])
  return useMemo(
    () => ({
      search: state.eq,
      sort: state.esort ?? undefined,
      phase: state.ephase,
      ...setters,
    }),
    [state, setters],
  )
}
