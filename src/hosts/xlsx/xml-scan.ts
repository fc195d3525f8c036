/**
 * A scanner for the plain XML that spreadsheet tools write for a worksheet: elements, attributes
 * in quotes, text with the five predefined entities and character references, an XML declaration
 * at the start, white space around the root. It gives a handler the same events saxes gives
 * (package-read.ts's XmlHandlers: each start tag with its attributes, each run of text inside the
 * root, each end tag; a self-closing tag opened then closed) and the byte after each tag's `>`.
 *
 * It exists for speed: scoring reads the sheet it scores once per run, and saxes's general
 * machinery (a state per character, an object per tag and per attribute, positions counted in
 * characters and turned back into bytes) was a fifth of a run on the example. It never decides
 * what is well-formed XML: it accepts only a strict subset it checks as it goes, and gives up
 * (returns false) at the first thing outside it — a comment, CDATA, a processing instruction, a
 * DOCTYPE, a name outside ASCII, a carriage return or control character in text or an attribute,
 * an unknown entity, a tag that does not close the element open, a second root, text around the
 * root — wherever it is. The caller then reads the part again with saxes, from the start, and
 * saxes reports what is wrong with it, if anything is. test/hosts/xlsx/xml-scan.test.ts holds the
 * two to the same events over generated documents.
 *
 * A handler may read an element's content itself (ScanHandlers.content): package-read.ts reads a
 * sheet's rows so, with readTag and the small readers at the end of this file, which accept what
 * startTag accepts or less (test/hosts/xlsx/sheet-rows.test.ts holds that reader to saxes).
 */

/** What the scanner tells its caller: as saxes's events in package-read.ts (XmlHandlers). */
export interface ScanHandlers {
  open(local: string, attrs: Record<string, string>, selfClosing: boolean, name: string): void;
  text?(t: string): void;
  close(local: string): void;
  byteEnd?: () => number;
  /**
   * Told after an element is opened (not a self-closing one), with where its content starts in
   * `s` (the part as text of one character per byte): the position of the end tag that closes it,
   * when the handler read the content itself (the scanner goes on from there, with no event for
   * what is between), or -1 for the scanner to read the content.
   */
  content?(local: string, at: number, s: string, bytes: Buffer): number;
}

const LT = 60;
const GT = 62;
const SLASH = 47;
const AMP = 38;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const CLOSE_BRACKET = 93;

/** An XML declaration as saxes reads one without complaint (version 1.0: saxes reads 1.1 by other rules). */
export const DECLARATION = /^<\?xml[ \t\n\r]+version[ \t\n\r]*=[ \t\n\r]*(["'])1\.0\1(?:[ \t\n\r]+encoding[ \t\n\r]*=[ \t\n\r]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\n\r]+standalone[ \t\n\r]*=[ \t\n\r]*(["'])(?:yes|no)\3)?[ \t\n\r]*\?>/;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** ASCII name characters (XML 1.0 §2.3); a name with any other character is left to saxes. */
const isNameStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;
/** An element's name without its prefix (`x:c` → `c`). */
export const localName = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

/** A character XML 1.0 allows (§2.2). */
const isXmlChar = (n: number) => n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entities and character references replaced (null: one saxes would refuse, or one this scanner leaves to it). */
function decodeEntities(t: string): string | null {
  let out = '';
  let from = 0;
  for (let amp = t.indexOf('&'); amp >= 0; amp = t.indexOf('&', from)) {
    const semi = t.indexOf(';', amp + 1);
    if (semi < 0) return null;
    const name = t.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35) {
      const n = /^#x[0-9a-fA-F]{1,6}$/.test(name) ? parseInt(name.slice(2), 16) : /^#[0-9]{1,7}$/.test(name) ? parseInt(name.slice(1), 10) : -1;
      if (!isXmlChar(n)) return null;
      ch = String.fromCodePoint(n);
    } else {
      ch = PREDEFINED[name];
      if (ch === undefined) return null;
    }
    out += t.slice(from, amp) + ch;
    from = semi + 1;
  }
  return out + t.slice(from);
}

/**
 * The characters of [a, b): text (`inText`) or an attribute's value. Null where saxes would refuse
 * them or might read them otherwise than as they are (white space in a value may be normalised, a
 * carriage return in text is): a control character, `<` in a value, `]]>` in text, a
 * noncharacter, a bad entity.
 */
export function characters(bytes: Buffer, s: string, a: number, b: number, inText: boolean): string | null {
  let high = false;
  let amp = false;
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20) {
      if (!inText || (c !== 10 && c !== 9)) return null;
    } else if (c >= 0x80) high = true;
    else if (c === AMP) amp = true;
    else if (c === LT) return null;
    else if (c === GT && inText && k - a >= 2 && s.charCodeAt(k - 1) === CLOSE_BRACKET && s.charCodeAt(k - 2) === CLOSE_BRACKET) return null;
  }
  let t = high ? bytes.toString('utf8', a, b) : s.slice(a, b);
  if (high && /[\uFFFE\uFFFF]/.test(t)) return null;
  if (amp) {
    const decoded = decodeEntities(t);
    if (decoded === null) return null;
    t = decoded;
  }
  return t;
}

/** Only white space in [a, b) (around the root). */
function blank(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (!isSpace(s.charCodeAt(k))) return false;
  return true;
}

/**
 * Scans `bytes` (UTF-8) and calls the handlers as saxes would; false, possibly after some events,
 * when the document leaves the subset above (the caller then starts again with saxes).
 */
export function scanPlainXml(bytes: Buffer, h: ScanHandlers): boolean {
  if (bytes.length === 0 || bytes[0] === 0xef) return false; // empty, or a byte-order mark: saxes's to judge
  return new Scan(bytes, h).run();
}

/** Where an attribute's name ends and its value lies (between its quotes), as attributeAt finds them. */
interface AttributeAt {
  nameEnd: number;
  from: number;
  to: number;
}
const at: AttributeAt = { nameEnd: 0, from: 0, to: 0 };

/** A start tag's end at `k`: the position after its `>` or `/>`; 0 when something else is there, -1 for a `/` without `>`. */
function tagEnd(s: string, k: number): number {
  const c = s.charCodeAt(k);
  if (c === GT) return k + 1;
  if (c !== SLASH) return 0;
  return s.charCodeAt(k + 1) === GT ? k + 2 : -1;
}

/**
 * The attribute whose name starts at `k` (a name start character): a name, white space, `=`, white
 * space, a value in either quotes, its positions put in `out`; false when it is not so.
 */
function attributeAt(s: string, k: number, out: AttributeAt): boolean {
  let a = k + 1;
  while (isNameChar(s.charCodeAt(a))) a++;
  out.nameEnd = a;
  while (isSpace(s.charCodeAt(a))) a++;
  if (s.charCodeAt(a) !== EQ) return false;
  a++;
  while (isSpace(s.charCodeAt(a))) a++;
  const q = s.charCodeAt(a);
  if (q !== QUOT && q !== APOS) return false;
  const close = s.indexOf(q === QUOT ? '"' : "'", a + 1);
  if (close < 0) return false;
  out.from = a + 1;
  out.to = close;
  return true;
}

/** One scan: the part as text of one character per byte, where the last tag read ends, the elements open. */
class Scan {
  /** Positions in this text are positions in the bytes; a run with bytes over 0x7F is decoded from the bytes as UTF-8. */
  private readonly s: string;
  private end = 0;
  private readonly open: string[] = [];

  constructor(
    private readonly bytes: Buffer,
    private readonly h: ScanHandlers,
  ) {
    this.s = bytes.toString('latin1');
    h.byteEnd = () => this.end;
  }

  run(): boolean {
    const { s, bytes, h, open } = this;
    const n = s.length;
    let i = 0;
    if (s.startsWith('<?xml')) {
      const decl = DECLARATION.exec(n > 400 ? s.slice(0, 400) : s);
      if (!decl) return false;
      i = decl[0].length;
    }
    let rootDone = false;
    while (i < n) {
      const lt = s.indexOf('<', i);
      const stop = lt < 0 ? n : lt;
      if (stop > i) {
        if (open.length === 0) {
          if (!blank(s, i, stop)) return false;
        } else {
          const t = characters(bytes, s, i, stop, true);
          if (t === null) return false;
          h.text?.(t);
        }
      }
      if (lt < 0) break;
      const first = s.charCodeAt(lt + 1);
      if (first === SLASH) i = this.endTag(lt);
      else if (!isNameStart(first) || rootDone) return false; // `<!`, `<?`, a name saxes judges, a second root
      else i = this.startTag(lt);
      if (i < 0) return false;
      if (open.length === 0) rootDone = true;
    }
    return rootDone;
  }

  /** An end tag at `lt` (its name, white space, `>`) closing the element open; the position after it (-1: not so). */
  private endTag(lt: number): number {
    const { s, open } = this;
    let j = lt + 2;
    while (isNameChar(s.charCodeAt(j))) j++;
    const name = s.slice(lt + 2, j);
    while (isSpace(s.charCodeAt(j))) j++;
    if (s.charCodeAt(j) !== GT || open.length === 0 || open[open.length - 1] !== name) return -1;
    open.pop();
    this.end = j + 1;
    this.h.close(localName(name));
    return this.end;
  }

  /** A start tag at `lt`, handed to the handler; the position after its `>` (-1: outside the subset). */
  private startTag(lt: number): number {
    const { s, bytes } = this;
    let j = lt + 1;
    while (isNameChar(s.charCodeAt(j))) j++;
    const name = s.slice(lt + 1, j);
    // A plain object (saxes makes one without a prototype, a dictionary of its own per tag, several times larger):
    // a name the prototype has (`constructor`, `__proto__`, …) looks like a duplicate below and is left to saxes.
    const attrs: Record<string, string> = {};
    for (;;) {
      let k = j;
      while (isSpace(s.charCodeAt(k))) k++;
      const end = tagEnd(s, k);
      if (end < 0) return -1;
      if (end > 0) {
        const selfClosing = end === k + 2;
        this.end = end;
        const local = localName(name);
        if (!selfClosing) this.open.push(name);
        this.h.open(local, attrs, selfClosing, name);
        if (selfClosing) this.h.close(local);
        else if (this.h.content) {
          const to = this.h.content(local, this.end, s, bytes);
          if (to >= 0) return to;
        }
        return this.end;
      }
      // An attribute: after white space, a name, `=`, a value in quotes, never twice.
      if (k === j || !isNameStart(s.charCodeAt(k)) || !attributeAt(s, k, at)) return -1;
      const attr = s.slice(k, at.nameEnd);
      const value = characters(bytes, s, at.from, at.to, false);
      if (value === null || attrs[attr] !== undefined) return -1;
      attrs[attr] = value;
      j = at.to + 1;
    }
  }
}

/** What readTag gives: where the tag ends (after its `>`), whether it closes itself, and the values asked for (undefined: absent). */
export interface TagRead {
  end: number;
  selfClosing: boolean;
  a: string | undefined;
  b: string | undefined;
  c: string | undefined;
}

/** Attribute names' [start, end) in the tag being read (to refuse one given twice). */
const seen: number[] = [];

/** Whether s[a, b) is `name`. */
function isText(s: string, a: number, b: number, name: string): boolean {
  if (b - a !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(a + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** Whether s[a1, b1) and s[a2, b2) are the same text. */
function sameText(s: string, a1: number, b1: number, a2: number, b2: number): boolean {
  if (b1 - a1 !== b2 - a2) return false;
  for (let k = 0; k < b1 - a1; k++) if (s.charCodeAt(a1 + k) !== s.charCodeAt(a2 + k)) return false;
  return true;
}

/** An attribute value of printable ASCII with no `<` or `&`: what it says, with nothing to decode or refuse. */
function plainValue(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c >= 0x7f || c === LT || c === AMP) return false;
  }
  return true;
}

/**
 * The rest of a start tag whose name ends at `j`, read as Scan.startTag reads one (white space, then
 * attributes in quotes, never one twice, then `>` or `/>`), without an object per tag: the values of
 * the attributes named `na`, `nb` and `nc` go into `out`, decoded; the others are only checked.
 * False where startTag would give up, and where it might (a name Object.prototype has: startTag
 * finds it "given twice"): the caller then leaves the part to the scanner.
 */
export function readTag(s: string, bytes: Buffer, j: number, na: string, nb: string, nc: string, out: TagRead): boolean {
  out.a = undefined;
  out.b = undefined;
  out.c = undefined;
  seen.length = 0;
  for (;;) {
    let k = j;
    while (isSpace(s.charCodeAt(k))) k++;
    const end = tagEnd(s, k);
    if (end < 0) return false;
    if (end > 0) {
      out.end = end;
      out.selfClosing = end === k + 2;
      return true;
    }
    if (k === j || !isNameStart(s.charCodeAt(k)) || !attributeAt(s, k, at)) return false;
    const { nameEnd, from, to } = at;
    for (let x = 0; x < seen.length; x += 2) if (sameText(s, seen[x]!, seen[x + 1]!, k, nameEnd)) return false;
    seen.push(k, nameEnd);
    const which = isText(s, k, nameEnd, na) ? 1 : isText(s, k, nameEnd, nb) ? 2 : isText(s, k, nameEnd, nc) ? 3 : 0;
    if (which) {
      const v = characters(bytes, s, from, to, false);
      if (v === null) return false;
      if (which === 1) out.a = v;
      else if (which === 2) out.b = v;
      else out.c = v;
    } else {
      if (!plainValue(s, from, to) && characters(bytes, s, from, to, false) === null) return false;
      for (const name of PROTOTYPE_NAMES) if (isText(s, k, nameEnd, name)) return false;
    }
    j = to + 1;
  }
}

/** Names a plain object has from its prototype (Object.prototype's own, ES2022 §20.1.3 and Annex B). */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/**
 * Whether an element named exactly `name` (no prefix) starts at `lt` (its `<`): the position after
 * the name, or -1.
 */
export function startTagNamed(s: string, lt: number, name: string): number {
  if (s.charCodeAt(lt) !== LT) return -1;
  const at = lt + 1;
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(at + k) !== name.charCodeAt(k)) return -1;
  return isNameChar(s.charCodeAt(at + name.length)) ? -1 : at + name.length;
}

/** The end tag `</name>` (white space allowed before `>`) at `lt`: the position after it, or -1. */
export function endTagNamed(s: string, lt: number, name: string): number {
  if (s.charCodeAt(lt) !== LT || s.charCodeAt(lt + 1) !== SLASH) return -1;
  const at = lt + 2;
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(at + k) !== name.charCodeAt(k)) return -1;
  let j = at + name.length;
  if (isNameChar(s.charCodeAt(j))) return -1;
  while (isSpace(s.charCodeAt(j))) j++;
  return s.charCodeAt(j) === GT ? j + 1 : -1;
}

/** Past white space (space, tab, line feed: what text may hold here) from `i`; -1 at a carriage return (text with one is not scanned). */
export function skipBlank(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) i++;
    else return c === 13 ? -1 : i;
  }
}
