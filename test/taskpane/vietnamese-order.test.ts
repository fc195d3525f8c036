/**
 * The pane sorts responsible parties in Vietnamese order without building ICU's Vietnamese
 * collator at startup (src/taskpane/vietnamese-order.ts); it must give exactly the collator's order.
 */
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { compareVietnamese } from '../../src/taskpane/vietnamese-order';

const collator = new Intl.Collator('vi');
const sign = (n: number) => Math.sign(n);

// Every Vietnamese letter with every tone, both cases, and the spaces, punctuation and digits of names.
const BASES = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const letters = [...BASES].flatMap((b) => (VOWELS.includes(b) ? TONES.map((t) => (b + t).normalize('NFC')) : [b]));
const OTHERS = [...' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789'];
const chars = [...letters, ...letters.map((l) => l.toUpperCase()), ...OTHERS];
const word = fc.array(fc.constantFrom(...chars), { minLength: 0, maxLength: 8 }).map((cs) => cs.join(''));

test('the responsible parties of the bundled criteria sort as the Vietnamese collator sorts them', () => {
  const data = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../criteria/gnlc-vn-2019.json'), 'utf8')) as {
    areas: Array<{ standards: Array<{ criteria: Array<{ indicators: Array<{ responsible: string }> }> }> }>;
  };
  const names = [...new Set(data.areas.flatMap((a) => a.standards.flatMap((s) => s.criteria.flatMap((c) => c.indicators.map((i) => i.responsible)))))];
  expect(names.length).toBeGreaterThan(5);
  expect([...names].sort(compareVietnamese)).toEqual([...names].sort(collator.compare));
  // Not the order of code points: "Đánh giá…" comes after "Công an…", before "Hội…".
  expect([...names].sort(compareVietnamese).indexOf('Đánh giá của chuyên gia')).toBe(1);
});

test('sorting them builds no collator (what makes it fast)', () => {
  const made = jest.spyOn(Intl, 'Collator');
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module, with no collator built yet
    const fresh = require('../../src/taskpane/vietnamese-order') as typeof import('../../src/taskpane/vietnamese-order');
    expect(['Sở Y tế', 'Đánh giá của chuyên gia', 'Công an Thành phố', 'UBND quận, huyện, thị xã'].sort(fresh.compareVietnamese)).toEqual([
      'Công an Thành phố',
      'Đánh giá của chuyên gia',
      'Sở Y tế',
      'UBND quận, huyện, thị xã',
    ]);
  });
  expect(made).not.toHaveBeenCalled();
  made.mockRestore();
});

test('any two strings of Vietnamese letters, tones, cases, spaces and punctuation compare as the collator compares them', () => {
  fc.assert(
    fc.property(word, word, (a, b) => {
      expect(sign(compareVietnamese(a, b))).toBe(sign(collator.compare(a, b)));
    }),
    { numRuns: 20000 },
  );
});

test('strings that differ only by marks, tones or case compare as the collator compares them', () => {
  // A small alphabet, so that the strings often share their letters and differ at the second or third level.
  const near = fc.array(fc.constantFrom(...'aAàÀảẢãÃáÁạẠăĂằẰâÂậẬdDđĐoOôÔơƠớỚuUưƯ -'), { maxLength: 5 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(near, near, (a, b) => {
      expect(sign(compareVietnamese(a, b))).toBe(sign(collator.compare(a, b)));
    }),
    { numRuns: 20000 },
  );
});

test('near misses: letters that differ only by a mark, a tone or case', () => {
  const pairs: Array<[string, string]> = [
    ['Anh', 'Ân'], ['an', 'ăn'], ['ăn', 'ân'], ['do', 'đo'], ['Đa', 'đa'], ['ma', 'mà'], ['mà', 'mả'], ['mả', 'mã'], ['mã', 'má'], ['má', 'mạ'],
    ['ơ', 'ô'], ['ưa', 'ua'], ['Sở Y tế', 'Sở Y Tế'], ['Hội', 'Hồi'], ['UBND quận, huyện', 'UBND quận huyện'],
  ];
  for (const [a, b] of pairs) {
    expect([a, b, sign(compareVietnamese(a, b))]).toEqual([a, b, sign(collator.compare(a, b))]);
    expect([b, a, sign(compareVietnamese(b, a))]).toEqual([b, a, sign(collator.compare(b, a))]);
  }
});

test('other characters fall back to the collator itself', () => {
  for (const [a, b] of [['Ω', 'a'], ['a\u0323\u0300', 'a'], ['日本', '中国'], ['x€', 'x$']])
    expect(sign(compareVietnamese(a!, b!))).toBe(sign(collator.compare(a!, b!)));
});
