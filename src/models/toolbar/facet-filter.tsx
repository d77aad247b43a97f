import { lazy, Suspense } from 'react'

import { ErrorBoundary } from '@/components/error-boundary'
import { Popover } from '@/components/popover'
import type { Facet } from '@/models/engine/facets'

const FacetOptions = lazy(() =>
  import('./facet-options').then((module) => ({ default: module.FacetOptions })),
)

const triggerClasses =
  'inline-flex min-h-8 flex-none items-center gap-1.5 rounded-md border border-dashed border-input bg-surface px-2.5 text-sm whitespace-nowrap text-foreground hover:bg-muted aria-expanded:bg-muted'

export type FacetFilterProps = {
  title: string
  /** The column's values; built on first call, so a facet nobody opens costs nothing. */
  facet: () => Facet
  /** Per option, the models it would show under the other filters; computed when needed. */
  counts: () => Uint32Array
  selected: readonly string[]
  onChange: (values: string[]) => void
}

/** One facet: each value of a column with how many models it would show, several may be chosen. */
export function FacetFilter(props: FacetFilterProps) {
  const { title, facet, selected } = props
  const summary =
    selected.length === 1
      ? (facet().options.find((option) => option.key === selected[0])?.label ?? selected[0])
      : selected.length
        ? `${selected.length} selected`
        : ''

  return (
    <Popover
      label={`Filter by ${title.toLowerCase()}`}
      triggerLabel={`${title} filter${summary ? `: ${summary}` : ''}`}
      triggerClassName={triggerClasses}
      width="w-[28rem]"
      trigger={
        <>
          <span aria-hidden="true">⊕</span>
          {title}
          {summary ? (
            <span className="max-w-40 truncate rounded bg-accent-soft px-1.5 text-xs font-medium text-accent-text">
              {summary}
            </span>
          ) : null}
        </>
      }
    >
      <ErrorBoundary what="The filter's values">
        <Suspense fallback={<p className="px-2 py-1 text-sm text-muted-foreground">Loading…</p>}>
          <FacetOptions {...props} />
        </Suspense>
      </ErrorBoundary>
    </Popover>
  )
}
