import { useQueryClient } from '@tanstack/react-query'
import { Suspense, use, useEffect } from 'react'

import { modelQueries } from '@/api/model-queries'
import { Button } from '@/components/button'
import { ErrorBoundary } from '@/components/error-boundary'
import { NoticesProvider } from '@/components/notices'
import { ThemeToggle } from '@/components/theme-toggle'
import { preloadable } from '@/lib/preload'
import type { Session } from '@/session/key-store'
import { ModelsLoading } from '@/models/models-loading'
import { useForgetKey } from '@/session/use-forget-key'

/**
 * The models view and everything under it (TanStack Table and Virtual, the rooms of
 * src/models) are a chunk of their own: the key screen is all a first visit needs to paint.
 * main.tsx asks for it as the app starts, so that it is in by the time a key has been entered.
 */
export const loadModelsView = preloadable(() => import('@/models/models-loader'))

export function Dashboard({ session }: { session: Session }) {
  const forgetKey = useForgetKey()
  const queryClient = useQueryClient()
  // The list, unless it is in or on its way: a new key's answer is cached by the key screen, and
  // main.tsx asks for a kept key's before the first render.
  useEffect(() => {
    queryClient.ensureQueryData(modelQueries.list(session)).catch(() => undefined)
  }, [queryClient, session])
  return (
    // The window, never more: header, toolbar, grid and panel each scroll inside their own area.
    <NoticesProvider>
      <div className="flex h-dvh flex-col overflow-hidden bg-canvas">
        <header className="flex flex-none items-center justify-between gap-4 border-b border-border bg-surface px-4 py-2">
          <h1 className="text-base font-semibold text-foreground">Marqtune Models</h1>
          <div className="flex items-center gap-2">
            <ThemeToggle />
            <Button onClick={() => forgetKey()}>Forget key</Button>
          </div>
        </header>
        <main className="flex min-h-0 flex-1 flex-col px-4 pt-3 pb-4">
          {/* If the view's code cannot be fetched, the header (Forget key) stays, with Reload. */}
          <ErrorBoundary what="The models view">
            {/* Until the view's code is in, the same words as while the models load. */}
            <Suspense fallback={<ModelsLoading sessionId={session.sessionId} />}>
              {/* A new session id remounts the view, so nothing of the previous key lingers. */}
              <ModelsView key={session.sessionId} session={session} />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </NoticesProvider>
  )
}

function ModelsView({ session }: { session: Session }) {
  const { ModelsLoader } = use(loadModelsView())
  return <ModelsLoader session={session} />
}
