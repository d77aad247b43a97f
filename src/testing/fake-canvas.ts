import { vi } from 'vitest'

const noop = () => undefined

/**
 * jsdom draws nothing: no 2D context and no Path2D. These stand-ins take every drawing call, so a
 * canvas library runs its real code in component tests; the colours it drew with are kept, to be
 * checked.
 */
export function installFakeCanvas(): { strokeStyles: string[] } {
  const strokeStyles: string[] = []
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function fakeContext(
    this: HTMLCanvasElement,
  ) {
    const state: Record<string | symbol, unknown> = { canvas: this }
    const context = new Proxy(state, {
      get: (target, property) => {
        if (property === 'measureText') {
          return (text: string) => ({
            width: text.length * 6,
            actualBoundingBoxAscent: 8,
            actualBoundingBoxDescent: 2,
          })
        }
        return property in target ? target[property] : noop
      },
      set: (target, property, value: unknown) => {
        if (property === 'strokeStyle' && typeof value === 'string') strokeStyles.push(value)
        target[property] = value
        return true
      },
    })
    // oxlint-disable-next-line typescript/no-unsafe-type-assertion -- a stand-in, as documented
    return context as unknown as RenderingContext
  })
  // Not a stub undone after each test: a library may still draw a frame after the test's
  // cleanup, and jsdom has no Path2D of its own for anything else to rely on.
  if (!('Path2D' in globalThis)) {
    Object.defineProperty(globalThis, 'Path2D', {
      configurable: true,
      value: function Path2D() {
        return new Proxy({}, { get: () => noop })
      },
    })
  }
  return { strokeStyles }
}
