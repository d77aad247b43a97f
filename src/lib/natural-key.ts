const digitRun = /\d+/g

/**
 * A key whose plain code-unit order is natural order, case-insensitive: `model-2` < `model-10`.
 * Computed once per value, so sorting compares keys with `<` instead of a collator per comparison.
 */
export function naturalKey(value: string): string {
  return value.toLowerCase().replace(digitRun, (digits) => {
    const significant = digits.replace(/^0+(?=\d)/, '')
    // The length prefix orders numbers by size, then the digits order equal-length numbers.
    return String.fromCharCode(0x30 + Math.min(significant.length, 0xff)) + significant
  })
}
