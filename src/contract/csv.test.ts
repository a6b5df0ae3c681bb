import { expect, test } from 'vitest'
import { csvField, csvText } from './csv'

test('a field with a comma, a quote or a line break is quoted, its quotes doubled', () => {
  expect(csvField('plain')).toBe('plain')
  expect(csvField('a, b')).toBe('"a, b"')
  expect(csvField('close this "ResourceResolver"')).toBe('"close this ""ResourceResolver"""')
  expect(csvField('two\r\nlines')).toBe('"two\r\nlines"')
})

test('text a spreadsheet would run as a formula gets an apostrophe; numbers stay numbers', () => {
  expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
  expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
  expect(csvField('-3')).toBe('-3')
  expect(csvField('-12.5%')).toBe('-12.5%')
  expect(csvField('+1 more')).toBe("'+1 more")
})

test('the header and every row end in CRLF, the last line too', () => {
  expect(
    csvText(
      ['A', 'B'],
      [
        ['1', 'x,y'],
        ['2', ''],
      ],
    ),
  ).toBe('A,B\r\n1,"x,y"\r\n2,\r\n')
  expect(csvText(['Only header'], [])).toBe('Only header\r\n')
})
