import { afterEach, describe, expect, it, vi } from 'vitest'

import { afterPaint } from './after-paint'

describe('afterPaint', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('waits for the next frame, then for a task after it', () => {
    vi.useFakeTimers()
    const frames: FrameRequestCallback[] = []
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      frames.push(callback)
      return frames.length
    })
    const work = vi.fn<() => void>()
    afterPaint(work)
    vi.runAllTimers()
    expect(work).not.toHaveBeenCalled()
    frames.forEach((callback) => callback(0))
    vi.runAllTimers()
    expect(work).toHaveBeenCalledOnce()
  })

  it('in a hidden tab, which runs no frames, does the work in a task of its own', () => {
    vi.useFakeTimers()
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true)
    const frame = vi.spyOn(window, 'requestAnimationFrame')
    const work = vi.fn<() => void>()
    afterPaint(work)
    vi.runAllTimers()
    expect(work).toHaveBeenCalledOnce()
    expect(frame).not.toHaveBeenCalled()
  })

  it('does nothing once cancelled', () => {
    vi.useFakeTimers()
    vi.spyOn(document, 'hidden', 'get').mockReturnValue(true)
    const work = vi.fn<() => void>()
    afterPaint(work)()
    vi.runAllTimers()
    expect(work).not.toHaveBeenCalled()
  })
})
