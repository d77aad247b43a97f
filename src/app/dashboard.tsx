import { Button } from '@/components/button'
import { ThemeToggle } from '@/components/theme-toggle'
import { ModelsLoader } from '@/models/models-loader'
import type { Session } from '@/session/key-store'
import { useForgetKey } from '@/session/use-forget-key'

export function Dashboard({ session }: { session: Session }) {
  const forgetKey = useForgetKey()
  return (
    <div className="flex h-screen flex-col bg-slate-50">
      <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold text-slate-900">Marqtune Models</h1>
        <div className="flex items-center gap-2">
          <ThemeToggle />
          <Button onClick={() => forgetKey()}>Forget key</Button>
        </div>
      </header>
      <main className="flex min-h-0 flex-1 flex-col p-4">
        {/* A new session id remounts the view, so nothing of the previous key lingers. */}
        <ModelsLoader key={session.sessionId} session={session} />
      </main>
    </div>
  )
}
