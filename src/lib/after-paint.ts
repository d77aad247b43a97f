/**
 * Runs `work` once the next frame is painted: for writes the user need not wait for (the tab's
 * title), which would otherwise run in a task before the frame that shows a click's result.
 * Returns a function that cancels it.
 */
export function afterPaint(work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  // A hidden tab runs no animation frames, and paints nothing: the watched models' count in
  // the title is written at once there.
  if (document.hidden) {
    timer = setTimeout(work)
    return () => clearTimeout(timer)
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(work)
  })
  return () => {
    cancelAnimationFrame(frame)
    clearTimeout(timer)
  }
}
