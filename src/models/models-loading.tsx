import type { ReactNode } from 'react'

import { LoadProgressView } from '@/session/request-status'

/**
 * While the models are asked for, and before that while the code of their view loads
 * (src/app/dashboard.tsx): one sentence, so the wait reads the same throughout.
 */
export function ModelsLoading({
  sessionId,
  children,
}: {
  sessionId: string
  /** What the request waits for, if anything (RequestStatus). */
  children?: ReactNode
}) {
  return (
    <output className="block py-12 text-center text-muted-foreground">
      Loading models…
      <span className="mt-2 block text-sm">
        <LoadProgressView sessionId={sessionId} />
      </span>
      {children ? <span className="mt-2 block text-sm">{children}</span> : null}
    </output>
  )
}
