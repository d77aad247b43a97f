import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useId, useRef, useState, type FormEvent } from 'react'

import { ApiError } from '@/api/api-error'
import { modelQueries } from '@/api/model-queries'
import { Alert } from '@/components/alert'
import { Button } from '@/components/button'
import { useDocumentTitle } from '@/lib/use-document-title'
import { useHydrated } from '@/lib/use-hydrated'
import { ThemeToggle } from '@/components/theme-toggle'
import { checkKey, createSession, keyStore, useKeyState, type Session } from './key-store'
import { LoadProgressView, RequestStatus, useQueryProgress } from './request-status'

/** The key is tried with one request before it is kept; that answer fills the table at once. */
export function KeyScreen() {
  const { notice } = useKeyState()
  const queryClient = useQueryClient()
  const [input, setInput] = useState('')
  const inputRef = useRef<HTMLInputElement>(null)
  // A key typed into the build's markup before the script ran: hydration keeps it on screen
  // but not in state (React 19 replays no change), so it is taken in here.
  useEffect(() => {
    const typed = inputRef.current?.value
    if (typed) setInput(typed)
  }, [])
  const inputId = useId()
  const hintId = useId()
  // The session being tried: its request can be watched, and cancelled.
  const [candidate, setCandidate] = useState<Session>()
  const candidateKey = candidate && modelQueries.list(candidate).queryKey
  const progress = useQueryProgress(candidateKey)
  const connect = useMutation({
    mutationFn: async (value: string) => {
      const checked = checkKey(value)
      if ('problem' in checked) throw new KeyProblem(checked.problem)
      const session = createSession(checked.apiKey)
      setCandidate(session)
      const query = modelQueries.list(session)
      try {
        await queryClient.fetchQuery(query)
      } catch (error) {
        queryClient.removeQueries({ queryKey: query.queryKey })
        throw error
      }
      return session
    },
    onSuccess: (session) => keyStore.keep(session),
  })

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    connect.mutate(input)
  }

  const error = connect.error
  // The build's markup of this screen paints before the script arrives: a key can be typed
  // (taken into state when the screen mounts, above) but not sent until the script runs.
  const hydrated = useHydrated()
  useDocumentTitle('Connect')
  return (
    <main className="relative flex min-h-dvh items-center justify-center bg-canvas p-4">
      <div className="absolute top-3 right-3">
        <ThemeToggle />
      </div>
      <div className="w-full max-w-md rounded-xl border border-border bg-surface p-6 shadow-sm">
        <h1 className="text-xl font-semibold text-foreground">Marqtune Models</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          See every fine-tuned model of your Marqo account, find the ones that matter and copy what
          you need next.
        </p>
        <form onSubmit={submit} className="mt-5 flex flex-col gap-3" noValidate>
          <label htmlFor={inputId} className="text-sm font-medium text-foreground">
            API key
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            aria-describedby={hintId}
            aria-invalid={error instanceof KeyProblem || undefined}
            // The key shows as dots, so no monospace face: each family the first paint uses is
            // looked up through the browser process first (docs/decisions/0010).
            className="rounded-md border border-input bg-surface px-3 py-2 text-sm shadow-xs"
          />
          <p id={hintId} className="text-xs text-muted-foreground">
            Your Marqo Cloud API key. It stays in this browser tab only and is sent only to this
            dashboard&rsquo;s server, which passes it to Marqtune.
          </p>
          <Button type="submit" variant="primary" disabled={connect.isPending || !hydrated}>
            {connect.isPending ? 'Connecting…' : 'Connect'}
          </Button>
          {connect.isPending ? (
            <div className="flex items-center justify-between gap-3 text-sm text-muted-foreground">
              <output>
                <RequestStatus progress={progress} />
                <LoadProgressView sessionId={candidate?.sessionId} />
              </output>
              <Button
                onClick={() => {
                  connect.reset()
                  if (candidateKey) void queryClient.cancelQueries({ queryKey: candidateKey })
                }}
              >
                Cancel
              </Button>
            </div>
          ) : null}
        </form>
        <div className="mt-4 empty:hidden">
          {error ? (
            <Alert title={error instanceof ApiError ? error.title : 'Check the key'}>
              {error.message}
            </Alert>
          ) : notice ? (
            <Alert title="The API key is no longer accepted">{notice}</Alert>
          ) : null}
        </div>
      </div>
    </main>
  )
}

class KeyProblem extends Error {}
