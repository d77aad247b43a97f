import type { ReactNode } from 'react'

import type { Model } from '@/api/model-schema'
import { ErrorBoundary } from '@/components/error-boundary'
import { displayName } from '@/models/domain/model-fields'

/**
 * The panel's building blocks: a titled section, a field of a definition list, a link-styled
 * button, and what a checkpoint's dialog acts on.
 */
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

/** The model a checkpoint's dialog acts on, by name, and the checkpoint's `reference`. */
export function CheckpointSubject({
  model,
  reference,
  referenceLabel,
}: {
  model: Model
  reference: string
  /** What the dialog calls the reference: `Checkpoint`, `Reference`. */
  referenceLabel: string
}) {
  return (
    <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1">
      <dt className="text-muted-foreground">Model</dt>
      <dd className="break-words">{displayName(model)}</dd>
      <dt className="text-muted-foreground">{referenceLabel}</dt>
      <dd>
        <code className="font-mono text-xs break-all">{reference}</code>
      </dd>
    </dl>
  )
}
