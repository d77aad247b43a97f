import type { ReactNode } from 'react'

import { ErrorBoundary } from '@/components/error-boundary'

/** The panel's building blocks: a titled section, a field of a definition list, a link-styled button. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-muted-foreground uppercase">
        {title}
      </h3>
      {/* One section that fails to render leaves the others, and the page, as they were. */}
      <ErrorBoundary what={`The ${title} section`}>{children}</ErrorBoundary>
    </section>
  )
}

export function Field({
  label,
  mono = false,
  children,
}: {
  label: string
  mono?: boolean
  children: ReactNode
}) {
  return (
    <>
      <dt className={`text-muted-foreground ${mono ? 'font-mono text-xs' : ''}`}>{label}</dt>
      <dd className="min-w-0 text-foreground">{children}</dd>
    </>
  )
}

export function LinkButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded font-medium text-accent-text underline underline-offset-2 hover:no-underline"
    >
      {children}
    </button>
  )
}
