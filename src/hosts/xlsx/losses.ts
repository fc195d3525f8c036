/**
 * What exceljs would lose when it writes a workbook back: it reads cells, styles, merges,
 * comments, tables, images, data validations and most conditional formats, and silently drops
 * the rest. This looks at the parts of the .xlsx zip so a host can warn before writing a copy.
 */
import JSZip from 'jszip';

export type LossKind =
  | 'chart'
  | 'chartsheet'
  | 'shape'
  | 'pivot'
  | 'macro'
  | 'control'
  | 'slicer'
  | 'sparkline'
  | 'x14-validation'
  | 'threaded-comment'
  | 'external-link'
  | 'data-connection'
  | 'in-workbook-link'
  | 'dynamic-array'
  | 'image-in-cell';

export interface WriteLoss {
  kind: LossKind;
  /** How many parts or elements of that kind the file holds. */
  count: number;
}

const PART_KINDS: Array<[RegExp, LossKind]> = [
  [/^xl\/charts\/chart\d+\.xml$/, 'chart'],
  [/^xl\/(chartsheets|dialogsheets|macrosheets)\/sheet\d+\.xml$/, 'chartsheet'],
  [/^xl\/pivotTables\/pivotTable\d+\.xml$/, 'pivot'],
  [/^xl\/vbaProject\.bin$/, 'macro'],
  [/^xl\/(ctrlProps|activeX)\/[^/]+\.xml$/, 'control'],
  [/^xl\/(slicers|timelines)\/[^/]+\.xml$/, 'slicer'],
  [/^xl\/threadedComments\/[^/]+\.xml$/, 'threaded-comment'],
  [/^xl\/externalLinks\/externalLink\d+\.xml$/, 'external-link'],
  [/^xl\/(connections\.xml|queryTables\/[^/]+\.xml)$/, 'data-connection'],
  [/^xl\/metadata\.xml$/, 'dynamic-array'],
  [/^xl\/richData\/[^/]+\.xml$/, 'image-in-cell'],
];

function countMatches(xml: string, re: RegExp): number {
  return (xml.match(re) ?? []).length;
}

/** The features of an .xlsx that exceljs drops on writing, with counts; empty when nothing would be lost. */
export async function findWriteLosses(data: Uint8Array): Promise<WriteLoss[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return [];
  }
  const counts = new Map<LossKind, number>();
  const add = (kind: LossKind, n = 1) => {
    if (n > 0) counts.set(kind, (counts.get(kind) ?? 0) + n);
  };
  for (const path of Object.keys(zip.files)) {
    if (zip.files[path]!.dir) continue;
    for (const [re, kind] of PART_KINDS) if (re.test(path)) add(kind);
    if (/^xl\/drawings\/drawing\d+\.xml$/.test(path)) {
      const xml = await zip.file(path)!.async('string');
      // exceljs keeps pictures (xdr:pic); shapes, text boxes, connectors and groups are dropped.
      add('shape', countMatches(xml, /<xdr:(sp|grpSp|cxnSp)\b/g));
    }
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
      const xml = await zip.file(path)!.async('string');
      add('sparkline', countMatches(xml, /<x14:sparklineGroup\b/g));
      add('x14-validation', countMatches(xml, /<x14:dataValidation\b/g));
      add('control', countMatches(xml, /<(oleObject|control)\b/g));
      // exceljs reads only hyperlinks with a relationship; a link to a place in the workbook has none.
      for (const m of xml.matchAll(/<hyperlink\b([^>]*)\/?>/g)) if (/\slocation="/.test(m[1]!) && !/\sr:id="/.test(m[1]!)) add('in-workbook-link');
    }
  }
  const order: LossKind[] = [
    'chartsheet', 'chart', 'pivot', 'macro', 'shape', 'control', 'slicer', 'sparkline', 'x14-validation',
    'threaded-comment', 'external-link', 'data-connection', 'in-workbook-link', 'dynamic-array', 'image-in-cell',
  ];
  return order.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}
