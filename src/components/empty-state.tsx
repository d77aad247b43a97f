import type { ReactNode } from 'react'

/** What a list shows when it has nothing to show: what that means, and what to do. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-border bg-surface px-6 py-12 text-center">
      <p className="font-medium text-foreground">{title}</p>
      <div className="text-sm text-muted-foreground">{children}</div>
    </div>
  )
}
