/** Text normalisation shared by the cell reader and the mapper. Pure. */

// Zero-width, bidi controls and BOM: invisible characters that only get in the way of matching.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

const SPACES_IN_LINE = /[^\S\n]+/g;
// What SPACES and trim would change: white space other than a single space, or a space at an end.
const SPACED = /[^\S ]| {2}|^ | $/;
// Texts cleanText returns as they are.
const PLAIN = /^[\x21-\x7E]+(?: [\x21-\x7E]+)*$/;

/**
 * NFC, invisible characters removed, every run of white space (incl. non-breaking) one space,
 * trimmed. With `keepLines`, line breaks stay (one per break), so text printed on separate lines
 * (a choice and its mark) keeps its shape.
 */
export function cleanText(s: string, keepLines = false): string {
  if (PLAIN.test(s)) return s; // printable ASCII, single spaces, no ends to trim: already clean
  const t = s.normalize('NFC').replace(INVISIBLE, '');
  // White space that is single spaces between words already: returned as it is, not copied by the replace.
  if (!keepLines) return SPACED.test(t) ? t.replace(SPACES, ' ').trim() : t;
  return t.replace(/\r\n?/g, '\n').replace(SPACES_IN_LINE, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
}

// foldText's results for short texts.
const foldCache = new Map<string, string>();

/** Lower case, without diacritics (đ/Đ → d explicitly), spaces folded. For matching labels and keywords. */
export function foldText(s: string, keepLines = false): string {
  if (keepLines || s.length > 200) return foldUncached(s, keepLines);
  let f = foldCache.get(s);
  if (f === undefined) {
    if (foldCache.size > 5000) foldCache.clear(); // bounded: labels and keywords repeat, values rarely do
    foldCache.set(s, (f = foldUncached(s, false)));
  }
  return f;
}

function foldUncached(s: string, keepLines: boolean): string {
  return cleanText(s, keepLines)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

// Folded text that is already words: letters, digits and % between single spaces, none at the ends.
const WORDS_ALREADY = /^[a-z0-9%]+(?: [a-z0-9%]+)*$/;

/** Folded text with punctuation turned into spaces: for comparing indicator texts and party names. */
export function foldWords(s: string): string {
  const f = foldText(s);
  // Most texts are words already: returned as they are, not copied by the replace.
  if (WORDS_ALREADY.test(f)) return f;
  return f.replace(/[^a-z0-9%]+/g, ' ').trim();
}

// Latin-1 letters that proper Vietnamese (Unicode) uses; the others betray a legacy 8-bit font.
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');

/**
 * True when text looks like Vietnamese typed in a legacy 8-bit encoding (TCVN3/ABC or VNI)
 * and shown with a Unicode font: "Chu¨a cã sè liÖu", "Vieät Nam". Such text cannot be read reliably.
 */
export function looksLegacyEncoded(s: string): boolean {
  let odd = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xa1 && c <= 0xff && !VIETNAMESE_LATIN1.has(ch) && ch !== '°' && ch !== '«' && ch !== '»' && ch !== '×' && ch !== '·') odd++;
  }
  if (odd >= 2) return true;
  // VNI: a vowel followed by a Latin-1 mark letter that Vietnamese never writes after it.
  return /[aeiouyAEIOUY][øùûõïäëöñ]|ñ[aeiou]|[AEIOUaeiou]ø/.test(s) && odd >= 1;
}
