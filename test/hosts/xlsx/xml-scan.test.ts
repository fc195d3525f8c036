/**
 * The sheet reader scans the part it scores as plain XML (xml-scan.ts) and reads it through saxes
 * when the scan gives up. Held to saxes here, on generated documents: where the scan reads a
 * document, saxes reads it without error and gives the same start tags (names, attributes,
 * self-closing), the same text inside the root and the same end tags, each tag ending at the same
 * byte; where saxes finds an error, the scan has given up. Documents come well-formed (element
 * trees with prefixes, entities, character references, Vietnamese text, an XML declaration
 * followed by CRLF as Excel writes it) and then spoiled (comments, CDATA, a DOCTYPE, carriage
 * returns, control characters, unknown entities, duplicate attributes, crossed tags, a second
 * root, a byte-order mark, text around the root).
 */
import fc from 'fast-check';
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { scanPlainXml } from '../../../src/hosts/xlsx/xml-scan';
import { spoiled } from './spoil';

type Event = [string, ...unknown[]];

/** saxes's events, as package-read.ts's parser gives them to its handlers (the byte after each tag from saxes's character position). */
function bySaxes(bytes: Buffer): Event[] | Error {
  const text = bytes.toString('utf8');
  const out: Event[] = [];
  let depth = 0;
  const parser = new SaxesParser({ xmlns: false });
  let failure: Error | undefined;
  const byteAt = () => Buffer.byteLength(text.slice(0, parser.position), 'utf8');
  parser.on('error', (e) => {
    failure ??= e;
  });
  parser.on('opentag', (t: SaxesTagPlain) => {
    depth++;
    out.push(['open', t.name, { ...t.attributes }, t.isSelfClosing, byteAt()]);
  });
  parser.on('text', (t) => {
    if (depth > 0) out.push(['text', t]);
  });
  parser.on('cdata', (t) => out.push(['text', t]));
  parser.on('closetag', (t) => {
    depth--;
    out.push(['close', t.name, byteAt()]);
  });
  try {
    parser.write(text).close();
  } catch (e) {
    return e as Error;
  }
  return failure ?? merged(out);
}

/** The scan's events, in the same form; null when it gave up. */
function byScan(bytes: Buffer): Event[] | null {
  const out: Event[] = [];
  // The handlers get an end tag's local name; saxes's event has the name as written, which is the open element's.
  const open: string[] = [];
  const h = {
    open: (_local: string, attrs: Record<string, string>, selfClosing: boolean, name: string) => {
      open.push(name);
      out.push(['open', name, { ...attrs }, selfClosing, h.byteEnd!()]);
    },
    text: (t: string) => out.push(['text', t]),
    close: () => out.push(['close', open.pop(), h.byteEnd!()]),
    byteEnd: undefined as (() => number) | undefined,
  };
  return scanPlainXml(bytes, h) ? merged(out) : null;
}

/** Adjacent texts as one (saxes may split text at an entity or a chunk's end; the handlers join them). */
function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (e[0] === 'text' && last && last[0] === 'text') last[1] = (last[1] as string) + (e[1] as string);
    else out.push(e);
  }
  return out;
}

const prefix = fc.constantFrom('', '', '', 'x:', 'x14ac:', 'mc:');
const elementName = fc.tuple(prefix, fc.constantFrom('c', 'row', 'v', 'f', 'is', 't', 'r', 'sheetData', 'col', 'mergeCell', 'a.b-c_1')).map(([p, n]) => p + n);
const space = fc.constantFrom(' ', ' ', '  ', '\n', '\t', '\r\n');
const textPiece = fc.constantFrom('12', '0.5', 'Sở Y tế', 'chỉ số đạt', ' ', '\n  ', '&amp;', '&lt;b&gt;', '&quot;x&apos;', '&#65;', '&#x1F600;', '&#xE0;', 'a > b', 'x]y', '💡', '\t');
const attrValue = fc.array(fc.constantFrom('A1', '3', 's', 'inlineStr', '1:9', 'Tên', '&amp;', '&lt;', '&#34;', '>', "'", '"', ' '), { maxLength: 3 }).map((xs) => xs.join(''))
  // A value cannot hold both quotes as they are: the double one as a reference then.
  .map((v) => (v.includes("'") ? v.replace(/"/g, '&quot;') : v));
const attrs = fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'spans', 'x14ac:dyDescent', 'ref', 'customFormat', 'ht'), attrValue, space, fc.boolean()), { selector: (a) => a[0], maxLength: 4 });

interface Tree {
  name: string;
  attrs: Array<[string, string, string, boolean]>;
  children: Array<Tree | string> | null;
  closeSpace: string;
}

const tree: fc.Memo<Tree> = fc.memo((n) =>
  fc.record({
    name: elementName,
    attrs,
    children: n <= 1 ? fc.constant(null) : fc.option(fc.array(fc.oneof(textPiece, tree(n - 1)), { maxLength: 4 }), { nil: null }),
    closeSpace: fc.constantFrom('', '', ' ', '\n'),
  }),
);

function xmlOf(t: Tree): string {
  const a = t.attrs
    .map(([k, v, sp, single]) => {
      // A value in the other quotes when it holds the one it is written in.
      const q = single ? (v.includes("'") ? '"' : "'") : v.includes('"') ? "'" : '"';
      return `${sp}${k}=${q}${v}${q}`;
    })
    .join('');
  if (t.children === null) return `<${t.name}${a}${t.closeSpace}/>`;
  return `<${t.name}${a}>${t.children.map((c) => (typeof c === 'string' ? c : xmlOf(c))).join('')}</${t.name}${t.closeSpace}>`;
}

const declaration = fc.constantFrom('', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n', "<?xml version='1.0'?>", '<?xml version="1.0" encoding="UTF-8"?>\n');
const document = fc.tuple(declaration, tree(4), fc.constantFrom('', '\n', '\r\n')).map(([d, t, tail]) => d + xmlOf(t) + tail);

/** Things saxes refuses, reads otherwise, or that this scanner leaves to it. */
const spoiler = fc.constantFrom(
  '<!-- note -->', '<![CDATA[x < y]]>', '<!DOCTYPE x>', '<?pi x?>', '\r', '\u0001', '&nbsp;', '&#0;', '&#xFFFE;', '&', ']]>', '<', '>',
  '</c>', '<c>', '<c/>', ' r="1" r="2"', '"', "'", '=', 'x', '\uFEFF', '\uFFFF', 'é', '<é/>', '< c/>', '</ c>', '<c r=1/>', '<c r="a<b"/>', ' constructor="1"', ' __proto__="x"', ' toString="2"',
);
const spoiledDocument = spoiled(document, spoiler);

describe('scanPlainXml, held to saxes', () => {
  it('reads well-formed plain documents as saxes does: the same tags, attributes, texts and tag ends', () => {
    fc.assert(
      fc.property(document, (xml) => {
        const bytes = Buffer.from(xml, 'utf8');
        const scanned = byScan(bytes);
        expect(scanned).not.toBeNull();
        expect(scanned).toEqual(bySaxes(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('gives up on every document saxes refuses, and reads the others it does not give up on as saxes does', () => {
    let refused = 0;
    let read = 0;
    fc.assert(
      fc.property(spoiledDocument, (xml) => {
        const bytes = Buffer.from(xml, 'utf8');
        const scanned = byScan(bytes);
        const expected = bySaxes(bytes);
        if (expected instanceof Error) {
          refused++;
          expect(scanned).toBeNull();
        } else if (scanned !== null) {
          read++;
          expect(scanned).toEqual(expected);
        }
      }),
      { numRuns: 1500 },
    );
    // Both kinds occur, so neither half of the property is empty.
    expect(refused).toBeGreaterThan(100);
    expect(read).toBeGreaterThan(20);
  });

  it('reads a sheet as Excel writes it, each tag ending just after its `>`', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="m"><sheetData><row r="1" spans="1:2"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"/></row></sheetData></worksheet>';
    const events = byScan(Buffer.from(xml, 'utf8'))!;
    const tags = events.filter((e) => e[0] !== 'text').map((e) => {
      const end = e[e.length - 1] as number;
      return xml.slice(xml.lastIndexOf('<', end - 1), end);
    });
    expect(tags).toEqual(['<worksheet xmlns="m">', '<sheetData>', '<row r="1" spans="1:2">', '<c r="A1" t="s">', '<v>', '</v>', '</c>', '<c r="B1" s="2"/>', '<c r="B1" s="2"/>', '</row>', '</sheetData>', '</worksheet>']);
    expect(events.find((e) => e[0] === 'text')).toEqual(['text', '0']);
  });
});
