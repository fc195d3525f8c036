/**
 * The parts the product rewrites are read by the plain XML scanner into an xmldom document
 * (xml-dom.ts), and by xmldom's own parser when the scanner gives up. Held to xmldom's parser
 * here, on generated parts: where the scanner reads a part, xmldom reads it without error and
 * makes the same document (every node's type, name, namespace, prefix and text, every attribute's
 * name, namespace and value, in order, and the same serialisation); where xmldom finds an error,
 * the scanner has given up. Parts come shaped as the workbook, relationships, content types and
 * styles are (namespace declarations on the root and below, prefixed elements and attributes,
 * `xml:space`, a default namespace undeclared, entities, Vietnamese text, declarations as Excel,
 * LibreOffice and openpyxl write them) and then spoiled (undeclared prefixes, an attribute twice
 * under two prefixes of one namespace, reserved prefixes, comments, CDATA, carriage returns, …).
 */
import fc from 'fast-check';
import { scanDocument } from '../../../src/hosts/xlsx/xml-dom';
import { parseWithXmldom, parseXml, XDoc } from '../../../src/hosts/xlsx/package';
import { serializeXml } from '../../../src/hosts/xlsx/xml-write';
import { spoiled } from './spoil';

/** xmldom's parser alone, as the package reads a part the scanner gives up on (an error: the part cannot be read). */
function byXmldom(xml: string): XDoc | Error {
  try {
    return parseWithXmldom(xml);
  } catch (e) {
    return e as Error;
  }
}

type Shape = unknown[];
interface N {
  nodeType: number;
  nodeName: string;
  namespaceURI?: string | null;
  localName?: string | null;
  prefix?: string | null;
  data?: string;
  firstChild: N | null;
  nextSibling: N | null;
  attributes?: { length: number; item(i: number): { name: string; namespaceURI: string | null; localName: string | null; prefix: string | null; value: string } | null };
}

/** Everything of a document the package reads or writes. */
function shapeOf(n: N): Shape {
  const attrs: Shape = [];
  for (let i = 0; i < (n.attributes?.length ?? 0); i++) {
    const a = n.attributes!.item(i)!;
    attrs.push([a.name, a.namespaceURI ?? null, a.localName ?? null, a.prefix ?? null, a.value]);
  }
  const kids: Shape = [];
  for (let c = n.firstChild; c; c = c.nextSibling) kids.push(shapeOf(c));
  return [n.nodeType, n.nodeName, n.namespaceURI ?? null, n.localName ?? null, n.prefix ?? null, n.data ?? null, attrs, kids];
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';

const declaration = fc.constantFrom(
  '',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
  '<?xml version="1.0" encoding="UTF-8"?>\n',
  "<?xml version='1.0' encoding='utf-8'?>",
  '<?xml version="1.0" ?>',
  '\n',
);
const declaration_ = fc.constantFrom(` xmlns="${MAIN}"`, ` xmlns:r="${R}"`, ` xmlns:mc="${MC}"`, ` xmlns:x14ac="${X14AC}"`, ` xmlns:x="${MAIN}"`, ' xmlns=""', ` xmlns:r="${MC}"`);
/** On the root: most of the prefixes used below (a part that uses one it does not declare is refused). */
const rootDeclarations = fc.uniqueArray(declaration_, { minLength: 4, maxLength: 6, selector: (d) => d.split('=')[0] });
/** Below the root: now and then, a prefix declared again (another namespace for it) or the default one undeclared. */
const declarations = fc.uniqueArray(declaration_, { maxLength: 2, selector: (d) => d.split('=')[0] });
const prefix = fc.constantFrom('', '', '', '', 'x:', 'r:', 'mc:', 'x14ac:');
const elementName = fc.tuple(prefix, fc.constantFrom('workbook', 'sheets', 'sheet', 'Relationship', 'Override', 'xf', 'fill', 'numFmt', 'definedName', 'AlternateContent')).map(([p, n]) => p + n);
const attrName = fc.constantFrom('name', 'sheetId', 'r:id', 'Id', 'Target', 'mc:Ignorable', 'x14ac:dyDescent', 'xml:space', 'x:id', 'formatCode');
const attrValue = fc.array(fc.constantFrom('rId1', 'Sở Y tế', '0\\ \\n\\g\\à\\y', '&amp;', '&lt;', '&#34;', '>', "'", ' ', '&#10;', '&#9;', 'x14ac'), { maxLength: 3 }).map((xs) => xs.join(''))
  .map((v) => (v.includes("'") ? v.replace(/"/g, '&quot;') : v));
const attrs = fc.uniqueArray(fc.tuple(attrName, attrValue), { selector: (a) => a[0], maxLength: 4 });
const textPiece = fc.constantFrom('Tổng hợp', 'Phụ lục!$A$1:$H$60', ' ', '\n  ', '\t', '&amp;', '&lt;b&gt;', '&quot;x&apos;', '&#xE0;', 'a > b', '💡', '_xlnm.Print_Area');

interface Tree {
  name: string;
  ns: readonly string[];
  attrs: Array<[string, string]>;
  children: Array<Tree | string> | null;
}
const tree: fc.Memo<Tree> = fc.memo((n) =>
  fc.record({
    name: elementName,
    ns: n >= 3 ? rootDeclarations : fc.oneof({ weight: 5, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: declarations }),
    attrs,
    children: n <= 1 ? fc.constant(null) : fc.option(fc.array(fc.oneof(textPiece, tree(n - 1)), { maxLength: 4 }), { nil: null }),
  }),
);
function xmlOf(t: Tree): string {
  const a = t.ns.join('') + t.attrs.map(([k, v]) => ` ${k}="${v.replace(/"/g, '&quot;')}"`).join('');
  if (t.children === null) return `<${t.name}${a}/>`;
  return `<${t.name}${a}>${t.children.map((c) => (typeof c === 'string' ? c : xmlOf(c))).join('')}</${t.name}>`;
}
const part = fc.tuple(declaration, tree(3), fc.constantFrom('', '\n')).map(([d, t, tail]) => d + xmlOf(t) + tail);

const spoiler = fc.constantFrom(
  '<!-- x -->', '<![CDATA[a]]>', '<?pi x?>', '\r', '\u0001', '&nbsp;', '<', '>', '</a>', '<a>', '"', '=', '\uFEFF',
  ' xmlns:p=""', ' xmlns:xml="u"', ' xmlns:xmlns="u"', ` r:id="1" x:id="2"`, ' q:z="1"', ' xml:lang="vi"', ` xmlns:x="${R}"`, ' xmlns="urn:other"',
  '<r:>', '<r:1/>', '<:a/>', '<r:a:b/>', ' r:="1"',
);
const spoiledDocument = spoiled(part, spoiler);

describe('scanDocument, held to xmldom', () => {
  it('makes the document xmldom makes of every part it reads, and gives up on every part xmldom refuses', () => {
    let read = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.oneof(part, spoiledDocument), (generated) => {
        // The part's bytes, and its text as the package gives xmldom (a spoiler may split a surrogate pair).
        const bytes = Buffer.from(generated, 'utf8');
        const scanned = scanDocument(bytes);
        const expected = byXmldom(bytes.toString('utf8'));
        if (expected instanceof Error) {
          refused++;
          expect(scanned).toBeNull();
          return;
        }
        if (scanned === null) return;
        read++;
        expect(shapeOf(scanned as unknown as N)).toEqual(shapeOf(expected as unknown as N));
        expect(serializeXml(scanned)).toBe(serializeXml(expected));
      }),
      { numRuns: 2000 },
    );
    // Both halves of the property are exercised.
    expect(read).toBeGreaterThan(400);
    expect(refused).toBeGreaterThan(200);
  });

  it('reads the parts as Excel writes them, so the package does not fall back to xmldom on them', () => {
    const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC}" mc:Ignorable="x15"><sheets><sheet name="Phụ lục" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">'Phụ lục'!$A$1:$H$60</definedName></definedNames></workbook>`;
    const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;
    for (const xml of [workbook, rels]) {
      const doc = scanDocument(Buffer.from(xml, 'utf8'));
      expect(doc).not.toBeNull();
      expect(serializeXml(doc!)).toBe(serializeXml(byXmldom(xml) as XDoc));
    }
  });

  it('keeps a line separator (U+2028) as written, where xmldom\'s parser makes it a line feed by the rules of XML 1.1', () => {
    const xml = '<definedNames xmlns="urn:x"><definedName name="ghi_chu">"Dòng 1\u2028Dòng 2"</definedName></definedNames>';
    expect(serializeXml(scanDocument(Buffer.from(xml, 'utf8'))!)).toBe(xml);
    expect(serializeXml(byXmldom(xml) as XDoc)).toBe(xml.replace('\u2028', '\n'));
  });

  it('leaves a part it does not read to xmldom, which reads it or says what is wrong', () => {
    // A comment: outside the scanner's subset, read by xmldom.
    const commented = `<?xml version="1.0"?>\n<Types xmlns="urn:ct"><!-- openpyxl --><Default Extension="xml" ContentType="application/xml"/></Types>`;
    expect(scanDocument(Buffer.from(commented, 'utf8'))).toBeNull();
    expect(serializeXml(parseXml(commented))).toBe(serializeXml(byXmldom(commented) as XDoc));
    // An undeclared prefix: xmldom's error, naming the part.
    expect(() => parseXml('<a><q:b/></a>', 'xl/workbook.xml')).toThrow(/xl\/workbook\.xml/);
  });

  it('gives up on a name that is no qualified name (`r:`, `:a`, `a:b:c`, `r:1`), which the DOM would throw on: the package then says what is wrong', () => {
    for (const bad of [`<a xmlns:r="${R}"><r:/></a>`, '<a><:b/></a>', `<a xmlns:r="${R}"><r:b:c/></a>`, `<a xmlns:r="${R}"><r:1/></a>`, `<a xmlns:r="${R}" r:="1"/>`, `<a xmlns:="urn:x"/>`]) {
      expect({ bad, scanned: scanDocument(Buffer.from(bad, 'utf8')) }).toEqual({ bad, scanned: null });
      // xmldom's parser reads it or refuses it, naming the part: never the DOM's own error.
      try {
        parseXml(bad, 'xl/workbook.xml');
      } catch (e) {
        expect((e as Error).name).toBe('PackageError');
      }
    }
  });
});
