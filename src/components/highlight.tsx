import {
  createContext,
  useContext,
  useLayoutEffect,
  useMemo,
  type ReactNode,
  type RefObject,
} from 'react'

/** The current search terms as one case-insensitive pattern, built once per search. */
const PatternContext = createContext<RegExp | undefined>(undefined)

/**
 * Where the browser paints highlights itself (the CSS Custom Highlight API: Chromium 105,
 * Safari 17.2, Firefox 140), the matches are ranges over the text as it is: a keystroke changes
 * no element. Marks in the DOM changed every visible row's layout on each keystroke, about half
 * of a keystroke's frame at 1,000 models (bench/trace.ts). Elsewhere, <mark> elements.
 */
const paintsHighlights = typeof CSS !== 'undefined' && 'highlights' in CSS

const highlightName = 'search'

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

/** The text as it is: where the browser paints the matches (<SearchHighlights>). */
function PlainText({ text }: { text: string }) {
  return text
}

/** Text with each occurrence of the current search terms in a <mark>, case-insensitively. */
function MarkedText({ text }: { text: string }) {
  const pattern = useContext(PatternContext)
  if (!pattern) return text
  const parts = text.split(pattern)
  if (parts.length === 1) return text
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      // oxlint-disable-next-line react/no-array-index-key -- parts have no identity but position
      <mark key={index} className="rounded-sm bg-highlight text-inherit">
        {part}
      </mark>
    ) : (
      part
    ),
  )
}

/**
 * Text with each occurrence of the current search terms marked, case-insensitively: by
 * <SearchHighlights> where the browser paints highlights (the text must be inside an element
 * with `data-highlight`), else in <mark> elements. Chosen once: the painted kind reads no
 * context, so a keystroke renders none of them again.
 */
export const Highlight = paintsHighlights ? PlainText : MarkedText

/**
 * Paints the matches in the text of every `[data-highlight]` element of `container`, after each
 * render of its parent and each change of the terms. Renders nothing. The page has one: the
 * models table (the highlight's name is the page's).
 */
export function SearchHighlights({ container }: { container: RefObject<HTMLElement | null> }) {
  const pattern = useContext(PatternContext)
  useLayoutEffect(() => {
    const root = container.current
    if (!paintsHighlights || !root) return
    // Without a search (every scroll of an unsearched table) there is nothing to find, and the
    // style rule that paints matches is switched off (index.css).
    root.toggleAttribute('data-searched', Boolean(pattern))
    if (pattern)
      CSS.highlights.set(highlightName, new globalThis.Highlight(...matches(root, pattern)))
    else if (CSS.highlights.has(highlightName)) CSS.highlights.delete(highlightName)
  })
  useLayoutEffect(() => () => void (paintsHighlights && CSS.highlights.delete(highlightName)), [])
  return null
}

function matches(root: HTMLElement, pattern: RegExp): Range[] {
  const ranges: Range[] = []
  for (const element of root.querySelectorAll('[data-highlight]')) {
    // What people do not see as the value (an icon, words for screen readers) is not marked.
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, (node) =>
      node.parentElement?.closest('[aria-hidden="true"], .sr-only')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
    )
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? ''
      pattern.lastIndex = 0
      for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
        const range = new Range()
        range.setStart(node, found.index)
        range.setEnd(node, found.index + found[0].length)
        ranges.push(range)
      }
    }
  }
  return ranges
}
