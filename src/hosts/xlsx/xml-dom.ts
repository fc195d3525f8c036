/**
 * A part the product rewrites (the workbook, its relationships, the content types, the styles),
 * read into the same xmldom document xmldom's own parser would make of it, but read by the plain
 * XML scanner (xml-scan.ts) that already reads the scored sheet.
 *
 * xmldom's parser builds a regular expression over the whole of Unicode's name characters for
 * every end tag it reads; on the few small parts of a run that was a tenth of writing the scored
 * copy. Here the scanner gives the tags, and the document is built with xmldom's own DOM calls
 * (createElementNS, setAttributeNS, createTextNode), namespaces resolved as Namespaces in XML 1.0
 * §6 says. Anything outside the scanner's subset, and anything here that xmldom's parser might
 * read otherwise (a carriage return before the root, a prefix not declared, an attribute twice
 * once its namespace is known), gives null: the caller parses the part with xmldom, which says
 * what is wrong with it, if anything is. test/hosts/xlsx/xml-dom.test.ts holds the two to the
 * same documents over generated parts.
 */
import { DOMImplementation, DOMParser } from '@xmldom/xmldom';
import { DECLARATION, scanPlainXml } from './xml-scan';

// The document xmldom's parser makes (package.ts's XDoc; named here, as package.ts imports this file).
type XDoc = ReturnType<DOMParser['parseFromString']>;
type XEl = NonNullable<XDoc['documentElement']>;

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
/** Prefix → namespace in scope (the empty prefix: the default namespace; '' as a namespace: none). */
type Scope = Map<string, string>;
const TOP: Scope = new Map([['xml', XML_NS]]);

const prefixOf = (name: string) => {
  const i = name.indexOf(':');
  return i < 0 ? '' : name.slice(0, i);
};

/**
 * A qualified name as Namespaces in XML 1.0 §4 has one (a name, or a prefix, `:` and a local
 * name, each starting with a letter or `_`); xmldom's createElementNS and setAttributeNS throw on
 * any other (`r:`, `:a`, `a:b:c`, `r:1`). The scanner has checked the first character and the rest.
 */
function qualified(name: string): boolean {
  const i = name.indexOf(':');
  if (i < 0) return true;
  if (i === 0 || name.indexOf(':', i + 1) >= 0) return false;
  const c = name.charCodeAt(i + 1);
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The document, or null: the caller then parses the text with xmldom. */
export function scanDocument(bytes: Buffer): XDoc | null {
  const doc = new DOMImplementation().createDocument(null, null as unknown as string) as unknown as XDoc;
  const head = bytes.toString('latin1', 0, Math.min(bytes.length, 512));
  let at = 0;
  if (head.startsWith('<?xml')) {
    const decl = DECLARATION.exec(head);
    if (!decl || decl[0].includes('\r')) return null; // a carriage return in it: xmldom's, which makes line feeds of them first
    // xmldom keeps the declaration as a processing instruction: its data from the first character after the white space.
    doc.appendChild(doc.createProcessingInstruction('xml', decl[0].slice(5, -2).replace(/^[ \t\n]+/, '')));
    at = decl[0].length;
  }
  // White space before the root: a text node of the document, as xmldom's parser makes, its line ends made line feeds (XML 1.0 §2.11).
  let root = at;
  while (root < head.length && (head[root] === ' ' || head[root] === '\n' || head[root] === '\t' || head[root] === '\r')) root++;
  if (root === head.length || head[root] !== '<') return null;
  if (root > at) doc.appendChild(doc.createTextNode(head.slice(at, root).replace(/\r\n?/g, '\n')));

  const open: XEl[] = [];
  const scopes: Scope[] = [TOP];
  let failed = false;
  const ok = scanPlainXml(bytes, {
    open(_local, attrs, _selfClosing, name) {
      if (failed) return;
      if (!qualified(name)) {
        failed = true;
        return;
      }
      let scope = scopes[scopes.length - 1]!;
      for (const a in attrs) {
        if (!qualified(a)) {
          failed = true;
          return;
        }
        if (a !== 'xmlns' && !a.startsWith('xmlns:')) continue;
        const prefix = a === 'xmlns' ? '' : a.slice(6);
        const uri = attrs[a]!;
        // An empty namespace undeclares only the default one (Namespaces in XML 1.0 §6.2, §5); `xml` and `xmlns` are reserved (§3).
        if ((prefix !== '' && uri === '') || prefix === 'xml' || prefix === 'xmlns' || uri === XML_NS || uri === XMLNS_NS) {
          failed = true;
          return;
        }
        if (scope === scopes[scopes.length - 1]) scope = new Map(scope);
        scope.set(prefix, uri);
      }
      const uri = scope.get(prefixOf(name));
      if (uri === undefined && name.includes(':')) {
        failed = true;
        return;
      }
      const el = doc.createElementNS(uri || null, name) as XEl;
      const taken = new Set<string>();
      for (const a in attrs) {
        const value = attrs[a]!;
        if (a === 'xmlns' || a.startsWith('xmlns:')) {
          el.setAttributeNS(XMLNS_NS, a, value);
          continue;
        }
        const p = prefixOf(a);
        if (p === '') {
          el.setAttributeNS(null, a, value);
          continue;
        }
        const ns = scope.get(p);
        // A prefix not declared, or two attributes that are one once their namespace is known (§6.3).
        const key = `${ns}|${a.slice(p.length + 1)}`;
        if (ns === undefined || taken.has(key)) {
          failed = true;
          return;
        }
        taken.add(key);
        el.setAttributeNS(ns, a, value);
      }
      (open.length ? open[open.length - 1]! : doc).appendChild(el);
      // A self-closing tag is closed at once (its close event follows).
      open.push(el);
      scopes.push(scope);
    },
    text(t) {
      if (!failed) open[open.length - 1]!.appendChild(doc.createTextNode(t));
    },
    close() {
      if (failed || !open.length) return;
      open.pop();
      scopes.pop();
    },
  });
  return ok && !failed && doc.documentElement ? doc : null;
}
