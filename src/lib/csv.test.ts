import { describe, expect, it } from 'vitest'

import { csvField, toCsv } from './csv'

describe('csvField', () => {
  it('leaves plain text alone', () => {
    expect(csvField('gs-apparel-v3')).toBe('gs-apparel-v3')
  })

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('line\nbreak')).toBe('"line\nbreak"')
  })

  it.each([['=1+1'], ['+SUM(A1)'], ['-2'], ['@cmd'], ['\tx']])(
    'defuses %j so a spreadsheet shows it as text',
    (value) => {
      expect(csvField(value).replace(/^"/, '')).toMatch(/^'/)
    },
  )
})

describe('toCsv', () => {
  it('joins fields with commas and records with CRLF', () => {
    expect(
      toCsv([
        ['name', 'status'],
        ['=HYPERLINK("x")', 'ready'],
      ]),
    ).toBe('name,status\r\n"\'=HYPERLINK(""x"")",ready\r\n')
  })
})
