/**
 * Python's way of printing values (`print(dict)`, `repr`), read back as JSON values: the shape
 * Python scripts log results in (`{'mAP@1000': 0.31, 'NDCG@10': 0.42}`). A hand-written reader,
 * linear in the text, with no regular expression that can backtrack.
 *
 * Read: dicts (keys as text), lists and tuples (as arrays), strings in either quote with the
 * common escapes, numbers, `True`/`False`/`None`, `nan`/`inf`, JSON's `true`/`false`/`null` (so
 * JSON text reads too), and a number wrapped in a call as numpy and PyTorch print them
 * (`np.float64(0.42)`, `tensor(0.42, device='cuda:0')`): the first argument stands for the call.
 */

export type LiteralRead = { value: unknown; end: number }

/** Nesting deeper than this is not a value anyone printed: the text is not read. */
const maxDepth = 32

const constants: Readonly<Record<string, unknown>> = {
  True: true,
  False: false,
  None: null,
  true: true,
  false: false,
  null: null,
  nan: Number.NaN,
  NaN: Number.NaN,
  inf: Number.POSITIVE_INFINITY,
  Infinity: Number.POSITIVE_INFINITY,
}

const simpleEscapes: Readonly<Record<string, string>> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  a: '\x07',
  '0': '\0',
}

class NotALiteral extends Error {}

function fail(): never {
  throw new NotALiteral()
}

/** The literal that starts at `start` (after spaces) and where it ends; undefined if none does. */
export function readPythonLiteral(source: string, start = 0): LiteralRead | undefined {
  let pos = start

  const code = () => source.charCodeAt(pos)
  const skipSpaces = () => {
    while (pos < source.length && isSpace(code())) pos++
  }
  const expect = (char: string) => {
    skipSpaces()
    if (source[pos] !== char) fail()
    pos++
  }

  function value(depth: number): unknown {
    if (depth > maxDepth) fail()
    skipSpaces()
    const char = source[pos]
    if (char === '{') return dict(depth)
    if (char === '[') return sequence(']', depth)
    if (char === '(') return sequence(')', depth)
    if (char === "'" || char === '"') return string()
    if (char === '-' || char === '+' || char === '.' || isDigit(code())) return number()
    if (isNameStart(code())) return named(depth)
    return fail()
  }

  function dict(depth: number): Record<string, unknown> {
    pos++
    const out: Record<string, unknown> = {}
    skipSpaces()
    if (source[pos] === '}') {
      pos++
      return out
    }
    for (;;) {
      const key = value(depth + 1)
      if (typeof key === 'object' && key !== null) fail()
      expect(':')
      // defineProperty: a key called "__proto__" stays a key.
      Object.defineProperty(out, String(key), {
        value: value(depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      })
      skipSpaces()
      if (source[pos] === ',') {
        pos++
        skipSpaces()
        if (source[pos] === '}') break
        continue
      }
      if (source[pos] === '}') break
      fail()
    }
    pos++
    return out
  }

  function sequence(close: string, depth: number): unknown[] {
    pos++
    const out: unknown[] = []
    for (;;) {
      skipSpaces()
      if (source[pos] === close) break
      out.push(value(depth + 1))
      skipSpaces()
      if (source[pos] === ',') pos++
      else if (source[pos] !== close) fail()
    }
    pos++
    return out
  }

  function string(): string {
    const quote = source[pos]
    pos++
    let out = ''
    let from = pos
    while (pos < source.length && source[pos] !== quote) {
      if (source[pos] === '\n') fail()
      if (source[pos] !== '\\') {
        pos++
        continue
      }
      out += source.slice(from, pos) + escaped(source[pos + 1] ?? '')
      from = pos
    }
    if (pos >= source.length) fail()
    out += source.slice(from, pos)
    pos++
    return out
  }

  /** The character an escape stands for; moves past it. */
  function escaped(char: string): string {
    pos += 2
    if (Object.hasOwn(simpleEscapes, char)) return simpleEscapes[char]!
    const width = char === 'x' ? 2 : char === 'u' ? 4 : char === 'U' ? 8 : 0
    if (!width) return char
    const hex = source.slice(pos, pos + width)
    if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) fail()
    pos += width
    const point = Number.parseInt(hex, 16)
    if (point > 0x10ffff) fail()
    return String.fromCodePoint(point)
  }

  function number(): number {
    const from = pos
    if (source[pos] === '-' || source[pos] === '+') pos++
    if (isNameStart(code())) {
      // -inf, -nan, -Infinity
      const name = word()
      const magnitude: unknown = Object.hasOwn(constants, name) ? constants[name] : undefined
      if (typeof magnitude !== 'number') return fail()
      return source[from] === '-' ? -magnitude : magnitude
    }
    const digitsFrom = pos
    while (isDigit(code())) pos++
    if (source[pos] === '.') {
      pos++
      while (isDigit(code())) pos++
    }
    if (pos === digitsFrom || (pos === digitsFrom + 1 && source[digitsFrom] === '.')) fail()
    if (source[pos] === 'e' || source[pos] === 'E') {
      const mark = pos
      pos++
      if (source[pos] === '-' || source[pos] === '+') pos++
      if (!isDigit(code())) pos = mark
      else while (isDigit(code())) pos++
    }
    return Number(source.slice(from, pos))
  }

  function word(): string {
    const from = pos
    while (pos < source.length && isNamePart(code())) pos++
    return source.slice(from, pos)
  }

  /** A constant, a string with a prefix (`u'x'`), or a call whose first argument is its value. */
  function named(depth: number): unknown {
    const name = word()
    if (/^[rRuUbB]$/.test(name) && (source[pos] === "'" || source[pos] === '"')) return string()
    if (source[pos] !== '(') {
      if (Object.hasOwn(constants, name)) return constants[name]
      return fail()
    }
    pos++
    const argument = value(depth + 1)
    skipToClose()
    return argument
  }

  /** Past the call's other arguments (`device='cuda:0'`) to its closing parenthesis. */
  function skipToClose() {
    let open = 1
    while (pos < source.length) {
      const char = source[pos]
      if (char === "'" || char === '"') {
        string()
        continue
      }
      pos++
      if (char === '(') open++
      else if (char === ')' && --open === 0) return
    }
    fail()
  }

  try {
    const read = value(0)
    return { value: read, end: pos }
  } catch (error) {
    if (error instanceof NotALiteral) return undefined
    throw error
  }
}

/** The whole text as one literal (spaces around it allowed); undefined when it is not one. */
export function parsePythonLiteral(text: string): unknown {
  const read = readPythonLiteral(text)
  if (!read) return undefined
  let end = read.end
  while (end < text.length && isSpace(text.charCodeAt(end))) end++
  return end === text.length ? read.value : undefined
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || isDigit(code) || code === 46
}
