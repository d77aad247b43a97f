import type { ReactNode } from 'react'

export type BadgeTone = 'success' | 'info' | 'warning' | 'danger' | 'waiting' | 'neutral' | 'accent'

/** Each tone's fill, text and edge, from the theme's tokens (index.css). */
export const toneClasses: Record<BadgeTone, string> = {
  success: 'bg-success-soft text-success-text ring-success-text/30',
  info: 'bg-info-soft text-info-text ring-info-text/30',
  warning: 'bg-warning-soft text-warning-text ring-warning-text/30',
  danger: 'bg-danger-soft text-danger-text ring-danger-text/30',
  waiting: 'bg-waiting-soft text-waiting-text ring-waiting-text/30',
  neutral: 'bg-muted text-muted-foreground ring-muted-foreground/30',
  accent: 'bg-accent-soft text-accent-text ring-accent-text/30',
}

export function Badge({
  tone,
  children,
  className = '',
  title,
}: {
  tone: BadgeTone
  children: ReactNode
  className?: string
  title?: string
}) {
  return (
    <span
      title={title}
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${toneClasses[tone]} ${className}`}
    >
      {children}
    </span>
  )
}
