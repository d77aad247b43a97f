/** A failed request's message beside the control that made it, announced when it appears. */
export function ErrorText({ error }: { error: Error | null }) {
  return error ? (
    <span role="alert" className="block text-xs text-danger-text">
      {error.message}
    </span>
  ) : null
}
