import {
  createParser,
  debounce,
  defaultRateLimit,
  parseAsArrayOf,
  parseAsNativeArrayOf,
  parseAsString,
  parseAsStringLiteral,
  useQueryStates,
  type Options,
} from 'nuqs'
import { useMemo } from 'react'

import { facetIds } from '@/models/columns/column-registry'
import type { FacetSelection } from '@/models/engine/facets'
import type { SortRule } from '@/models/engine/ranks'

/** `name` ascending, `-name` descending; several rules in priority order: `?sort=status,-name`. */
export const sortRule = createParser<SortRule>({
  parse: (value) => {
    const desc = value.startsWith('-')
    const id = desc ? value.slice(1) : value
    return id ? { id, desc } : null
  },
  serialize: ({ id, desc }) => `${desc ? '-' : ''}${id}`,
  eq: (a, b) => a.id === b.id && a.desc === b.desc,
})

/**
 * What the models screen shows besides its grid (`?view=`): the chosen models side by side, or
 * every evaluation of the account instead of the models.
 */
const screens = ['compare', 'evaluations'] as const

const ids = parseAsArrayOf(parseAsString)
/** A list of ids with each one once, however often a link repeats it. */
const uniqueIds = createParser<string[]>({
  parse: (value) => {
    const parsed = ids.parse(value)
    return parsed && [...new Set(parsed)]
  },
  serialize: ids.serialize,
  eq: ids.eq,
})

const viewParsers = {
  q: parseAsString.withDefault(''),
  sort: parseAsArrayOf(sortRule).withDefault([]),
  cols: parseAsArrayOf(parseAsString),
  model: parseAsString,
  /** The open panel's tab; the panel reads it (unknown ones show its first tab). */
  tab: parseAsString,
  /** The ticked models (use-selection.ts); `view=compare` shows them side by side. */
  selected: uniqueIds.withDefault([]),
  view: parseAsStringLiteral(screens),
}

// One repeatable parameter per facet (`?status=failed&status=stopped`): base model names hold
// dots and slashes, and a repeated key needs no separator.
const facetParsers = Object.fromEntries(
  facetIds.map((id) => [id, parseAsNativeArrayOf(parseAsString).withDefault([])]),
)

// The view changes at once; the URL follows after the paint. Writing the history entry (and the
// render nuqs does when it sees the new URL) in the same task as the click or keystroke cost
// about a third of the frame at 1,000 models (bench/profile.ts). Typing writes once it pauses.
export const typing: Options = { history: 'replace', limitUrlUpdates: debounce(300) }
// A choice waits longer than nuqs' own throttle (50 ms, Safari's longer): the unwritten search a
// choice writes first (below) is then always in the URL before the choice's entry is pushed.
export const choice: Options = {
  history: 'push',
  limitUrlUpdates: debounce(defaultRateLimit.timeMs + 10),
}

// The search typed within the last 300 ms, not yet in the URL (there is one URL per page), and
// how to write it at once. A choice made meanwhile, in any view, writes it first, into the entry
// it was typed in, so that Back from the choice finds the search.
let unwrittenSearch: { written: Promise<unknown>; writeNow: () => void } | undefined

/** Typing `written` (debounced); `writeNow` writes the search into the current entry at once. */
export function keepUnwrittenSearch(written: Promise<unknown>, writeNow: () => void) {
  const kept = { written, writeNow }
  unwrittenSearch = kept
  void written.finally(() => {
    if (unwrittenSearch === kept) unwrittenSearch = undefined
  })
}

/**
 * A discrete choice (`change`) made as a new history entry, after the search typed just before it
 * is written into the entry it was typed in. Not debounced: nuqs drops the waiting write of the
 * search and replaces the entry within its throttle, so in the next task, before the paint (only
 * a choice straight after typing pays for that).
 */
export function choose<Args extends unknown[]>(change: (...args: Args) => void) {
  return (...args: Args) => {
    const waiting = unwrittenSearch
    unwrittenSearch = undefined
    waiting?.writeNow()
    change(...args)
  }
}

/**
 * The table's view as the URL holds it, so a reload, Back/Forward or a shared link shows the same
 * rows in the same order. Typing replaces the history entry; discrete choices push one.
 * Values are checked where they are used (unknown columns and facet values are ignored).
 */
export function useUrlState() {
  // The selection keeps the URL key it had when it was only for comparing: old links still work.
  const [view, setView] = useQueryStates(viewParsers, { urlKeys: { selected: 'compare' } })
  const [facetState, setFacetState] = useQueryStates(facetParsers)

  const facets: FacetSelection = facetState
  // The setters change only with nuqs' own, so rows and menus memoised on them stay put.
  const setters = useMemo(() => {
    const writeSearchNow = () =>
      void setView((current) => ({ q: current.q || null }), { history: 'replace' })
    return {
      setSearch: (q: string) =>
        keepUnwrittenSearch(setView({ q: q || null }, typing), writeSearchNow),
      setSorting: choose(
        (sort: SortRule[]) => void setView({ sort: sort.length ? sort : null }, choice),
      ),
      setColumns: choose((cols: string[] | null) => void setView({ cols }, choice)),
      // Another model opens on its first tab. nuqs debounces each key on its own, so two keys
      // could land in two flushes, each pushing an entry (Back then seemed to do nothing): the
      // tab is only written when there is one to clear.
      setModel: choose(
        (model: string | null) =>
          void setView(({ tab }) => (tab === null ? { model } : { model, tab: null }), choice),
      ),
      // Switching tabs replaces the entry: Back leaves the panel, not each tab seen.
      setTab: (tab: string | null) =>
        void setView({ tab }, { history: 'replace', limitUrlUpdates: choice.limitUrlUpdates }),
      setSelected: choose(
        (selected: string[]) =>
          void setView({ selected: selected.length ? selected : null }, choice),
      ),
      setComparing: choose(
        (comparing: boolean) => void setView({ view: comparing ? 'compare' : null }, choice),
      ),
      setFacet: choose(
        (id: string, values: string[]) =>
          void setFacetState({ [id]: values.length ? values : null }, choice),
      ),
      clearFilters: choose(() => {
        void setView({ q: null }, choice)
        void setFacetState(Object.fromEntries(facetIds.map((id) => [id, null])), choice)
      }),
    }
  }, [setView, setFacetState])

  return useMemo(
    () => ({
      search: view.q,
      sorting: view.sort,
      columns: view.cols,
      /** The model whose panel is open. */
      openModelId: view.model,
      openTab: view.tab,
      selected: view.selected,
      comparing: view.view === 'compare',
      facets,
      ...setters,
    }),
    [view, facets, setters],
  )
}

export type UrlState = ReturnType<typeof useUrlState>

/** The screens of the models view: the models (the default) or every evaluation of the account. */
export type Screen = 'models' | 'evaluations'

const screenParsers = { view: viewParsers.view, model: viewParsers.model, tab: viewParsers.tab }

/**
 * Which screen is shown (`?view=evaluations`, else the models), and the way from any screen to a
 * model's panel: the switch at the top and the evaluations' links to their models use it. Each
 * screen keeps its own state in the URL, so switching back finds the models as they were.
 */
export function useScreen() {
  const [state, setState] = useQueryStates(screenParsers)
  const screen: Screen = state.view === 'evaluations' ? 'evaluations' : 'models'
  return useMemo(
    () => ({
      screen,
      show: choose((next: Screen) => {
        if (next !== screen) void setState({ view: next === 'models' ? null : next }, choice)
      }),
      /**
       * The models screen with this model's panel open on its evaluations (a new history entry:
       * Back returns); a panel without that tab shows its first.
       */
      openModel: choose(
        (model: string) => void setState({ view: null, model, tab: 'evaluations' }, choice),
      ),
    }),
    [screen, setState],
  )
}
