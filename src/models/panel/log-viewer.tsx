import { useMutation } from '@tanstack/react-query'
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'

import { fetchLogFileUrl, fetchLogWindow, logPageSize, type LogLine } from '@/api/model-logs'
import type { Credentials } from '@/api/model-queries'
import type { Model } from '@/api/model-schema'
import { buttonClasses } from '@/components/button'
import { CopyButton } from '@/components/copy-button'
import { ErrorText } from '@/components/error-text'
import { plural } from '@/lib/format'
import { LogChart } from './log-chart'
import { findInLog, logText, type LogMatch } from './log-search'

const wrapped = 'break-words whitespace-pre-wrap'
const unwrapped = 'whitespace-pre'

const control = buttonClasses('secondary', 'sm')

/**
 * The log with its tools: the loss it reports as a chart, older pages on request (the
 * documented `from`/`to` window), search, follow mode while the model runs, wrapping, copy, and
 * the whole file for ready models.
 */
export function LogViewer({
  model,
  credentials,
  latest,
  live,
  ready,
}: {
  model: Model
  credentials: Credentials
  /** The newest page, refreshed while the model trains. */
  latest: LogLine[]
  live: boolean
  ready: boolean
}) {
  const [older, setOlder] = useState<LogLine[]>([])
  const [atStart, setAtStart] = useState(latest.length < logPageSize)
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(0)
  const [wrap, setWrap] = useState(true)
  const [follow, setFollow] = useState(true)
  const boxRef = useRef<HTMLElement>(null)
  const lines = useMemo(() => [...older, ...latest], [older, latest])
  const matches = useMemo(() => findInLog(lines, query), [lines, query])
  const shownMatch = matches.length ? Math.min(current, matches.length - 1) : -1

  const loadOlder = useMutation({
    mutationFn: () => {
      const first = lines[0]?.stamp
      if (first === undefined)
        throw new Error('The first line shown has no timestamp to page from.')
      return fetchLogWindow(credentials, model.modelId, { from: 0, to: first - 1 })
    },
    onSuccess: (page) => {
      const first = lines[0]?.stamp ?? 0
      // Never a line twice, even if the service's window bounds are inclusive.
      const before = page.filter((line) => line.stamp === undefined || line.stamp < first)
      setOlder((shown) => [...before, ...shown])
      if (before.length === 0 || page.length < logPageSize) setAtStart(true)
    },
  })

  // New lines scroll into view while following, unless the reader has scrolled up.
  useLayoutEffect(() => {
    const box = boxRef.current
    if (box && live && follow && latest.length) box.scrollTop = box.scrollHeight
  }, [latest, live, follow])

  useEffect(() => {
    if (shownMatch < 0 || !query) return
    boxRef.current?.querySelector('[data-current-match]')?.scrollIntoView?.({ block: 'nearest' })
  }, [shownMatch, query])

  const step = (by: number) =>
    setCurrent((at) =>
      matches.length
        ? (Math.min(at, matches.length - 1) + by + matches.length) % matches.length
        : 0,
    )

  return (
    <div className="flex flex-col gap-2">
      <LogChart lines={lines} complete={atStart} />
      <div className="flex flex-wrap items-center gap-2">
        {atStart ? (
          <span className="text-xs text-muted-foreground">Start of the log</span>
        ) : (
          <button
            type="button"
            className={control}
            disabled={loadOlder.isPending}
            onClick={() => loadOlder.mutate()}
          >
            {loadOlder.isPending ? 'Loading older lines…' : 'Load older lines'}
          </button>
        )}
        <label className="sr-only" htmlFor="log-search">
          Search the log
        </label>
        <input
          id="log-search"
          type="search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value)
            setCurrent(0)
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') step(event.shiftKey ? -1 : 1)
          }}
          placeholder="Search the log"
          className="w-40 rounded-md border border-input px-2 py-0.5 text-xs"
        />
        {query.trim() ? (
          <>
            <output aria-live="polite" className="text-xs text-muted-foreground">
              {matches.length
                ? `${shownMatch + 1} of ${plural(matches.length, 'match', 'matches')}`
                : 'No matches'}
            </output>
            <button
              type="button"
              className={control}
              disabled={!matches.length}
              onClick={() => step(-1)}
            >
              Previous <span className="sr-only">match</span>
            </button>
            <button
              type="button"
              className={control}
              disabled={!matches.length}
              onClick={() => step(1)}
            >
              Next <span className="sr-only">match</span>
            </button>
          </>
        ) : null}
        <label className="flex items-center gap-1 text-xs text-muted-foreground">
          <input
            type="checkbox"
            checked={wrap}
            onChange={(event) => setWrap(event.target.checked)}
          />
          Wrap lines
        </label>
        {live ? (
          <label className="flex items-center gap-1 text-xs text-muted-foreground">
            <input
              type="checkbox"
              checked={follow}
              onChange={(event) => setFollow(event.target.checked)}
            />
            Follow new lines
          </label>
        ) : null}
        <CopyButton text={logText(lines)} what={`the ${plural(lines.length, 'line')} shown`}>
          Copy lines
        </CopyButton>
        {ready ? <FullLogLink model={model} credentials={credentials} /> : null}
      </div>
      <ErrorText error={loadOlder.error} />
      <section
        ref={boxRef}
        aria-label="Log lines"
        // A scrolling box must be reachable from the keyboard to be scrolled with it.
        // oxlint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
        tabIndex={0}
        onScroll={(event) => {
          if (!live) return
          const box = event.currentTarget
          const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 8
          if (atBottom !== follow) setFollow(atBottom)
        }}
        className="max-h-72 overflow-auto rounded-md border border-border bg-muted p-2"
      >
        <ol className="font-mono text-xs text-foreground">
          {lines.map((line, position) => (
            // oxlint-disable-next-line react/no-array-index-key -- log lines repeat; position is their identity
            <li key={position} className={wrap ? wrapped : unwrapped}>
              {line.time ? (
                <time
                  dateTime={line.time.toISOString()}
                  title={`${line.time.toISOString().replace('T', ' ').slice(0, 19)} UTC`}
                  className="mr-2 text-muted-foreground"
                >
                  {line.time.toLocaleString()}
                </time>
              ) : null}
              <Marked
                text={line.message}
                line={position}
                matches={matches}
                current={shownMatch}
                length={query.trim().length}
              />
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}

function Marked({
  text,
  line,
  matches,
  current,
  length,
}: {
  text: string
  line: number
  matches: LogMatch[]
  current: number
  length: number
}) {
  if (!length) return text
  const parts: ReactNode[] = []
  let from = 0
  matches.forEach((match, position) => {
    if (match.line !== line) return
    parts.push(text.slice(from, match.start))
    const isCurrent = position === current
    parts.push(
      <mark
        key={match.start}
        {...(isCurrent ? { 'data-current-match': '' } : {})}
        className={isCurrent ? 'bg-highlight text-foreground' : 'bg-warning-soft text-foreground'}
      >
        {text.slice(match.start, match.start + length)}
      </mark>,
    )
    from = match.start + length
  })
  parts.push(text.slice(from))
  return parts
}

function FullLogLink({ model, credentials }: { model: Model; credentials: Credentials }) {
  const link = useMutation({ mutationFn: () => fetchLogFileUrl(credentials, model.modelId) })
  if (link.data) {
    return (
      <a
        href={link.data}
        target="_blank"
        rel="noopener noreferrer"
        className="rounded-md bg-accent px-2 py-0.5 text-xs font-medium text-accent-foreground hover:brightness-110"
      >
        Open the full log (link valid 1 h)
      </a>
    )
  }
  return (
    <>
      <button
        type="button"
        className={control}
        disabled={link.isPending}
        onClick={() => link.mutate()}
      >
        {link.isPending ? 'Getting the log link…' : 'Download full log'}
      </button>
      <ErrorText error={link.error} />
    </>
  )
}
