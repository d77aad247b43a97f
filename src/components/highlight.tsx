import { createContext, useContext, useMemo, type ReactNode } from 'react'

/** The current search terms as one case-insensitive pattern, built once per search. */
const PatternContext = createContext<RegExp | undefined>(undefined)

/** The lower-cased search terms that every <Highlight> below marks. */
export function HighlightTerms({
  terms,
  children,
}: {
  terms: readonly string[]
  children: ReactNode
}) {
  const pattern = useMemo(
    () =>
      terms.length
        ? new RegExp(
            `(${terms.map((term) => term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
            'gi',
          )
        : undefined,
    [terms],
  )
  return <PatternContext value={pattern}>{children}</PatternContext>
}

/** Text with each occurrence of the current search terms in a <mark>, case-insensitively. */
export function Highlight({ text }: { text: string }) {
  const pattern = useContext(PatternContext)
  if (!pattern) return text
  const parts = text.split(pattern)
  if (parts.length === 1) return text
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      // oxlint-disable-next-line react/no-array-index-key -- parts have no identity but position
      <mark key={index} className="rounded-sm bg-amber-200 text-inherit">
        {part}
      </mark>
    ) : (
      part
    ),
  )
}
