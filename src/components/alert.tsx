import type { ReactNode } from 'react'

/** A problem the user should know about; announced once when it appears. */
export function Alert({
  title,
  children,
  action,
  tone = 'error',
}: {
  title: string
  children?: ReactNode
  action?: ReactNode
  tone?: 'error' | 'warning'
}) {
  const colours =
    tone === 'error'
      ? 'border-danger-text/30 bg-danger-soft text-danger-text'
      : 'border-warning-text/30 bg-warning-soft text-warning-text'
  return (
    <div
      role="alert"
      className={`flex flex-wrap items-start gap-3 rounded-lg border p-3 ${colours}`}
    >
      <div className="min-w-0 flex-1">
        <p className="font-semibold">{title}</p>
        {children ? <div className="mt-1 text-sm break-words">{children}</div> : null}
      </div>
      {action}
    </div>
  )
}
