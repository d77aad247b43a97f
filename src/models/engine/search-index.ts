/**
 * The lower-cased texts a search looks in, without a copy of the account: a name or an id that
 * is already lower-case is the model's own string, and what many models share (status, base
 * model, checkpoints…) is kept once per distinct text. At 100,000 models this is ~1 MB where one
 * joined text per model took ~26 MB.
 */
export type SearchIndex = {
  /** Per field that differs from model to model: its text per position. */
  own: string[][]
  /**
   * Per such field, which characters occur in it anywhere in the account (ASCII as bits, one more
   * bit for any other): a term with a character the field never has cannot be in it, so typing
   * "fur" never looks in ids made of hex digits.
   */
  ownChars: Uint32Array[]
  /** Per position, which of `shared` holds the rest of its text. */
  sharedOf: Uint32Array
  shared: string[]
}

/** The lower-cased terms of a search; every term must appear somewhere in a model. */
export function searchTerms(search: string): string[] {
  return search.toLowerCase().split(/\s+/).filter(Boolean)
}

/**
 * Positions of the models whose search text holds every term, in the service's order: of all
 * models, or only of `candidates` (the matches of a search this one extends).
 */
export function scanSearch(
  { own, ownChars, sharedOf, shared }: SearchIndex,
  terms: readonly string[],
  candidates: Uint32Array | undefined,
): Uint32Array {
  const total = candidates ? candidates.length : sharedOf.length
  // Per term, which shared texts hold it: a few hundred strings, not one per model.
  const inShared = terms.map((term) => Uint8Array.from(shared, (text) => +text.includes(term)))
  // Per term, the fields that may hold it at all.
  const fieldsFor = terms.map((term) => own.filter((_, field) => mayHold(ownChars[field]!, term)))
  // Typed arrays and plain loops: this runs on every keystroke over up to every model.
  const found = new Uint32Array(total)
  let count = 0
  for (let k = 0; k < total; k++) {
    const position = candidates ? candidates[k]! : k
    const sharedId = sharedOf[position]!
    let all = true
    for (let t = 0; t < terms.length && all; t++) {
      if (inShared[t]![sharedId]) continue
      const term = terms[t]!
      const fields = fieldsFor[t]!
      all = false
      for (let field = 0; field < fields.length && !all; field++) {
        all = fields[field]![position]!.includes(term)
      }
    }
    if (all) found[count++] = position
  }
  return found.slice(0, count)
}

/** Sets the bit of each character of `text` in `chars` (see SearchIndex.ownChars). */
export function addChars(chars: Uint32Array, text: string): void {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code < 128) chars[code >> 5]! |= 1 << (code & 31)
    else chars[4] = 1
  }
}

/** Whether every character of `term` has its bit in `chars`. */
export function mayHold(chars: Uint32Array, term: string): boolean {
  for (let at = 0; at < term.length; at++) {
    const code = term.charCodeAt(at)
    if (code < 128 ? !(chars[code >> 5]! & (1 << (code & 31))) : !chars[4]) return false
  }
  return true
}
