/** Generated XML made wrong: the plain scanners' property tests (xml-scan, xml-dom) spoil well-formed documents alike. */
import fc from 'fast-check';

/** A document with one to three spoilers put in anywhere (inside a tag, a text, a reference, between two halves of a character). */
export function spoiled(document: fc.Arbitrary<string>, spoiler: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(document, fc.array(fc.tuple(spoiler, fc.nat()), { minLength: 1, maxLength: 3 })).map(([doc, cuts]) => {
    let out = doc;
    for (const [s, at] of cuts) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + s + out.slice(i);
    }
    return out;
  });
}
