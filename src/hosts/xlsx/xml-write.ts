/**
 * The DOM serialiser for the parts the product rewrites, escaping as the part's own writer did.
 * XML lets a writer spell `"`, `'` and `>` in text either literally or as references; the DOM
 * keeps only the characters (XML 1.0 §2.4, §4.6), so the part's spelling is read from its stored
 * text once (`escapesOf`) and followed here. A part patched and patched back is then the same
 * bytes (Excel writes `"` in text literally, exceljs as `&quot;`), which xmldom's own serialiser
 * (always literal) cannot give. Nodes are written as they are, in order, attributes included
 * (namespace declarations are attributes in the DOM): the product only creates elements with
 * prefixes already declared on the part's root.
 */

export interface Escapes {
  quotInText: boolean;
  aposInText: boolean;
  gtInText: boolean;
  gtInAttr: boolean;
}

/** How a part's writer escapes: read from its text (its first 2 MB: one writer wrote it all; a text that never needs it: as Excel writes). */
export function escapesOf(text: string): Escapes {
  const xml = text.length > 2_000_000 ? text.slice(0, 2_000_000) : text;
  return {
    quotInText: />[^<]*&quot;/.test(xml),
    aposInText: />[^<]*&apos;/.test(xml),
    gtInText: !/>[^<]*[^\]]>/.test(xml.replace(/<\?[^>]*\?>/g, '').replace(/<!--[\s\S]*?-->/g, '')),
    gtInAttr: /="[^"]*&gt;/.test(xml),
  };
}

export const EXCEL_ESCAPES: Escapes = { quotInText: false, aposInText: false, gtInText: true, gtInAttr: true };

type N = {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: N | null;
  nextSibling: N | null;
  attributes?: { length: number; item(i: number): { name: string; value: string } | null };
  data?: string;
  target?: string;
};

/** Characters an attribute's value may need escaped (most values have none, and are written as they are). */
export const ATTR_ESCAPED = /[&<"\t\n\r>]/;
const ATTR_ESCAPED_ALL = new RegExp(ATTR_ESCAPED.source, 'g');

export function attrValue(v: string, e: Escapes): string {
  if (!ATTR_ESCAPED.test(v)) return v;
  return v.replace(ATTR_ESCAPED_ALL, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '"' ? '&quot;' : c === '>' ? (e.gtInAttr ? '&gt;' : '>') : `&#${c.charCodeAt(0)};`,
  );
}

/** The characters a text must have escaped, by which of `"`, `'` and `>` the writer escapes (`&` and `<` always). */
const TEXT_TO_ESCAPE: RegExp[] = [];

export function escapeText(v: string, e: Escapes): string {
  const key = (e.quotInText ? 4 : 0) | (e.aposInText ? 2 : 0) | (e.gtInText ? 1 : 0);
  let re = TEXT_TO_ESCAPE[key];
  if (!re) TEXT_TO_ESCAPE[key] = re = new RegExp(`[&<${e.gtInText ? '>' : ''}${e.quotInText ? '"' : ''}${e.aposInText ? "'" : ''}]`, 'g');
  re.lastIndex = 0;
  if (!re.test(v)) return v;
  return v.replace(re, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? (e.gtInText ? '&gt;' : '>') : c === '"' ? (e.quotInText ? '&quot;' : '"') : e.aposInText ? '&apos;' : "'",
  );
}

function write(node: N, e: Escapes, out: string[]): void {
  switch (node.nodeType) {
    case 1: {
      out.push('<', node.nodeName);
      const attrs = node.attributes!;
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs.item(i)!;
        out.push(' ', a.name, '="', attrValue(a.value, e), '"');
      }
      if (!node.firstChild) {
        out.push('/>');
        return;
      }
      out.push('>');
      for (let c: N | null = node.firstChild; c; c = c.nextSibling) write(c, e, out);
      out.push('</', node.nodeName, '>');
      return;
    }
    case 3:
      out.push(escapeText(node.data ?? '', e));
      return;
    case 4:
      out.push('<![CDATA[', node.data ?? '', ']]>');
      return;
    case 7:
      out.push('<?', node.target ?? node.nodeName, node.data ? ' ' + node.data : '', '?>');
      return;
    case 8:
      out.push('<!--', node.data ?? '', '-->');
      return;
    case 9:
      for (let c: N | null = node.firstChild; c; c = c.nextSibling) write(c, e, out);
      return;
    default:
      return;
  }
}

/** A document's text, escaped as `escapes` says. */
export function serializeXml(doc: object, escapes: Escapes = EXCEL_ESCAPES): string {
  const out: string[] = [];
  write(doc as unknown as N, escapes, out);
  return out.join('');
}
