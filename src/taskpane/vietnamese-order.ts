/**
 * Vietnamese alphabetical order, as `new Intl.Collator('vi').compare` gives it, without building
 * ICU's Vietnamese collator: that costs about 20 ms the first time, and the pane sorts its list of
 * responsible parties in its first render. The rules are CLDR's for Vietnamese:
 *   letters   a < ă < â < b … d < đ < e < ê … o < ô < ơ … u < ư …   (primary)
 *   tones     none < huyền ` < hỏi ̉ < ngã ~ < sắc ´ < nặng ̣        (secondary)
 *   case      lower < upper                                         (tertiary)
 * compared level by level over the whole string, as a collator does. A string with any other
 * character (outside the letters, spaces, common punctuation and digits below) is compared by the
 * real collator, built then. test/taskpane/vietnamese-order.test.ts checks both agree.
 */

/** Base letters (without tone) in Vietnamese order, lower case; f, j, w, z where Latin puts them. */
const LETTERS = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
/** Spaces, punctuation and digits, in the root collation's order (all before letters). */
const OTHERS = [' ', '_', '-', ',', ';', ':', '!', '?', '.', "'", '"', '(', ')', '[', ']', '{', '}', '@', '*', '/', '\\', '&', '#', '%', '`', '^', '+', '<', '=', '>', '|', '~', '$', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Tone marks (combining, after NFD) in CLDR Vietnamese order. */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
/** Marks that make another letter of the alphabet (breve, circumflex, horn), after NFD. */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031B']);

const PRIMARY = new Map<string, number>([...OTHERS.map((c, i): [string, number] => [c, i]), ...LETTERS.map((c, i): [string, number] => [c, OTHERS.length + i])]);

interface Key {
  primary: number[];
  secondary: number[];
  tertiary: number[];
}

/** The three levels of a string's sort key; null when a character is outside these rules. */
function sortKey(text: string): Key | null {
  const chars = [...text.normalize('NFD')];
  const key: Key = { primary: [], secondary: [], tertiary: [] };
  for (let i = 0; i < chars.length; ) {
    const base = chars[i++]!;
    let letter = base.toLowerCase();
    const upper = letter !== base;
    // The marks after it, in any order (NFD puts a dot below before a circumflex: ậ = a + ̣ + ̂).
    let tone = 0;
    while (i < chars.length && /\p{M}/u.test(chars[i]!)) {
      const mark = chars[i++]!;
      if (LETTER_MARKS.has(mark)) letter = (letter + mark).normalize('NFC');
      else if (TONES.includes(mark) && !tone) tone = TONES.indexOf(mark) + 1;
      else return null; // a second tone, or any other mark
    }
    const primary = PRIMARY.get(letter);
    if (primary === undefined || (tone && primary < OTHERS.length)) return null;
    if (upper && primary < OTHERS.length) return null;
    key.primary.push(primary);
    key.secondary.push(tone);
    key.tertiary.push(upper ? 1 : 0);
  }
  return key;
}

function compareLevel(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

let collator: Intl.Collator | null = null;
const keys = new Map<string, Key | null>();

/** Compares two strings in Vietnamese order (negative, zero or positive, as `Intl.Collator('vi').compare`). */
export function compareVietnamese(a: string, b: string): number {
  if (keys.size > 2000) keys.clear();
  if (!keys.has(a)) keys.set(a, sortKey(a));
  if (!keys.has(b)) keys.set(b, sortKey(b));
  const ka = keys.get(a)!;
  const kb = keys.get(b)!;
  if (!ka || !kb) return (collator ??= new Intl.Collator('vi')).compare(a, b);
  const c = compareLevel(ka.primary, kb.primary) || compareLevel(ka.secondary, kb.secondary) || compareLevel(ka.tertiary, kb.tertiary);
  return Math.sign(c);
}
