import type { ComponentProps } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'danger-outline' | 'ghost'
export type ButtonSize = 'sm' | 'md'

const variants: Record<ButtonVariant, string> = {
  primary: 'bg-accent text-accent-foreground shadow-xs hover:brightness-110',
  secondary: 'bg-surface text-foreground shadow-xs ring-1 ring-input ring-inset hover:bg-muted',
  danger: 'bg-danger text-danger-foreground shadow-xs hover:brightness-110',
  'danger-outline':
    'bg-surface text-danger-text ring-1 ring-danger/40 ring-inset hover:bg-danger-soft',
  ghost: 'text-foreground hover:bg-muted',
}

const sizes: Record<ButtonSize, string> = {
  sm: 'min-h-7 gap-1 px-2 text-xs',
  md: 'min-h-8 gap-1.5 px-3 text-sm',
}

/** The classes of a button, for the few elements that look like one without being a <Button>. */
export function buttonClasses(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md') {
  return `inline-flex items-center justify-center rounded-md font-medium whitespace-nowrap disabled:cursor-not-allowed disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 ${variants[variant]} ${sizes[size]}`
}

/** The one button: every variant and size the dashboard uses, with the one focus ring (index.css). */
export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ComponentProps<'button'> & { variant?: ButtonVariant; size?: ButtonSize }) {
  return (
    <button type={type} className={`${buttonClasses(variant, size)} ${className}`} {...props} />
  )
}
