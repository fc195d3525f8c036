/** The codes a department types at the start of a cell: a criterion's "1.1.1", an indicator's "1.1.1.a". Pure. */

/** Leading dotted code of a folded text: "1.1.1. bao dam" → "1.1.1"; "3.1.1 su" → "3.1.1". */
export function leadingCode(folded: string): string | null {
  const m = /^\s*(?:tieu chi|tieu chuan|chi so)?\s*(\d{1,3}(?:\s*\.\s*\d{1,3}){0,3})(?![\d,])/.exec(folded);
  if (!m) return null;
  return m[1]!.replace(/\s+/g, '');
}

/** An indicator id typed at the start of a text ("1.1.1.a", "1.1.1.a)"). */
export function leadingId(folded: string): string | null {
  const m = /^\s*(\d{1,3}\.\d{1,3}\.\d{1,3})\.\s*([a-z])(?![a-z0-9])/.exec(folded);
  return m ? `${m[1]}.${m[2]}` : null;
}
