/**
 * A simple HTML rendering of the fake workbook: sheet tabs, and the active tab's cells with their
 * fills, fonts, merges and the current selection; re-rendered after each pane action. The view
 * scrolls to the selection when it changes (the pane's "go to cell" selects far down the sheet).
 * A formula bar types into the selected cell, as a person types in Excel (live checking sees it).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Input, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import type { CellView, FakeSheetView, FakeWorkbookAccess } from '../testing/fake-excel';
import { displayText } from '../testing/fake-excel/model';
import { columnLetters, parseLocalAddress } from '../testing/fake-excel/address';
import { Lang } from '../i18n/format';
import { ui } from '../i18n/ui';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minWidth: 0, minHeight: 0, flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  scroller: { flexGrow: 1, overflow: 'auto', minHeight: 0 },
  formula: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS, flexGrow: 1, minWidth: 0 },
  formulaInput: { flexGrow: 1, minWidth: '120px' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontFamily: 'Calibri, Carlito, "Segoe UI", Arial, sans-serif', fontSize: '11px', color: '#000' },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: '#F3F3F3', border: '1px solid #D4D4D4', width: '36px' },
  colHead: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: '#F3F3F3', border: '1px solid #D4D4D4', color: '#444', fontWeight: 400, height: '20px' },
  rowHead: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: '#F3F3F3', border: '1px solid #D4D4D4', color: '#444', fontWeight: 400, textAlign: 'center', padding: '0 4px' },
  cell: { border: '1px solid #E1E1E1', padding: '1px 3px', verticalAlign: 'top', overflow: 'hidden', whiteSpace: 'pre', height: '18px', backgroundColor: '#FFFFFF', cursor: 'cell' },
  // Excel: wrapped text grows the row; unwrapped text runs on into empty cells to its right.
  wrap: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  spill: { overflow: 'visible' },
  selected: { outline: '2px solid #107C41', outlineOffset: '-2px' },
  tabs: { flexShrink: 0, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, backgroundColor: tokens.colorNeutralBackground3, overflowX: 'auto' },
  empty: { padding: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
});

const MAX_RENDER_ROWS = 400;
const MAX_RENDER_COLS = 30;

function widthPx(sheet: FakeSheetView, col: number): number {
  const pt = sheet.columnWidth(columnLetters(col));
  if (pt === null) return 72;
  return Math.max(24, Math.min(480, Math.round(pt * 1.33)));
}

/** What Excel would display for a cell (the fake's own formatting of numbers). */
function shownText(c: CellView | undefined): string {
  if (!c || c.value === null) return '';
  // ";;;": every section empty, so Excel shows nothing (the product's markers are kept out of sight so).
  if (/^;;;?$/.test(c.numberFormat)) return '';
  return displayText({ value: c.value, ...(c.numberFormat !== 'General' ? { numberFormat: c.numberFormat } : {}) });
}

function rect(a: string) {
  return parseLocalAddress(a);
}

export interface WorkbookViewProps {
  workbook: FakeWorkbookAccess;
  /** The tab shown (a name); defaults to the model's active sheet. */
  shown: string | null;
  onShow: (name: string) => void;
  lang: Lang;
  /** Changes after every action, so the view re-reads the model. */
  version: number;
  /** A click on a cell (shift-click: extend the selection from the last clicked cell), as a person selects in Excel. */
  onSelectCell: (sheet: string, address: string, extend: boolean) => void;
  /** Text typed into the formula bar for the selected cell (Enter). */
  onEditCell?: (sheet: string, address: string, text: string) => void;
}

export function WorkbookView({ workbook, shown, onShow, lang, version, onSelectCell, onEditCell }: WorkbookViewProps) {
  const styles = useStyles();
  const names = workbook.sheetNames();
  const sheetName = (shown && names.includes(shown) ? shown : null) ?? workbook.activeSheet() ?? names[0] ?? null;
  const sheet = sheetName ? workbook.sheet(sheetName) : null;
  const visible = names.filter((n) => workbook.sheet(n)?.visibility === 'Visible');
  const sel = workbook.selection();
  const selection = sel && sel.sheet === sheetName ? sel.addresses.map(rect).filter((r): r is NonNullable<typeof r> => r !== null) : [];
  const selectionText = sel ? `${sel.sheet}!${sel.addresses.join(',')}` : '—';

  const grid = useMemo(() => {
    if (!sheet) return null;
    const cells = new Map<number, CellView>();
    let bottom = -1;
    let right = -1;
    for (const [address, c] of Object.entries(sheet.cells())) {
      const r = rect(address);
      if (!r || r.top >= MAX_RENDER_ROWS || r.left >= MAX_RENDER_COLS) continue;
      cells.set(r.top * MAX_RENDER_COLS + r.left, c);
      bottom = Math.max(bottom, r.top);
      right = Math.max(right, r.left);
    }
    const merges = sheet.merges.map(rect).filter((r): r is NonNullable<typeof r> => r !== null);
    for (const m of merges) {
      bottom = Math.max(bottom, Math.min(m.bottom, MAX_RENDER_ROWS - 1));
      right = Math.max(right, Math.min(m.right, MAX_RENDER_COLS - 1));
    }
    if (bottom < 0) return null;
    const rows = bottom + 1;
    const cols = right + 1;
    const covered = new Set<number>();
    const spans = new Map<number, { rowSpan: number; colSpan: number }>();
    for (const m of merges) {
      if (m.top >= rows || m.left >= cols) continue;
      spans.set(m.top * MAX_RENDER_COLS + m.left, { rowSpan: Math.min(m.bottom, rows - 1) - m.top + 1, colSpan: Math.min(m.right, cols - 1) - m.left + 1 });
      for (let r = m.top; r <= Math.min(m.bottom, rows - 1); r++) for (let c = m.left; c <= Math.min(m.right, cols - 1); c++) if (r !== m.top || c !== m.left) covered.add(r * MAX_RENDER_COLS + c);
    }
    return { rows, cols, covered, spans, cells };
  }, [sheet?.name, version]);

  // The first cell of the selection on this sheet: where the view scrolls to, and what the formula bar edits.
  const first = selection[0] ?? null;
  const active = first ? `${columnLetters(first.left)}${first.top + 1}` : null;
  const scroller = useRef<HTMLDivElement>(null);
  const selectionKey = `${sheetName ?? ''}!${sel?.addresses.join(',') ?? ''}`;
  useEffect(() => {
    const box = scroller.current;
    if (!box || !first) return;
    const cell = box.querySelector<HTMLElement>(`td[data-address="${active}"]`);
    if (!cell) return;
    // Already in view (below the sticky column headers, right of the row numbers): stay put.
    const b = box.getBoundingClientRect();
    const c = cell.getBoundingClientRect();
    const inView = c.top >= b.top + 20 && c.bottom <= b.bottom && c.left >= b.left + 36 && c.right <= b.right;
    if (!inView) cell.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    // Runs when the selection (or the sheet shown) changes, not on every re-read.
  }, [selectionKey, grid]);

  const cellText = sheet && active ? shownText(sheet.cell(active)) : '';
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [selectionKey, version]);

  const isSelected = (row: number, col: number) => selection.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);

  return (
    <section className={styles.root} aria-label={ui('previewWorkbook', lang)} data-workbook-view>
      <div className={styles.bar}>
        <strong>{workbook.name}</strong>
        <span>
          {ui('previewSelection', lang)}: <span data-selection>{selectionText}</span>
        </span>
        {onEditCell && sheetName && active ? (
          <span className={styles.formula}>
            <Input
              className={styles.formulaInput}
              size="small"
              aria-label={`${ui('previewCellContent', lang)} ${active}`}
              title={ui('previewCellHint', lang)}
              value={draft ?? cellText}
              onChange={(_, d) => setDraft(d.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && draft !== null) {
                  onEditCell(sheetName, active, draft);
                  setDraft(null);
                } else if (e.key === 'Escape') setDraft(null);
              }}
              data-formula-bar={active}
            />
          </span>
        ) : null}
      </div>
      <div ref={scroller} className={styles.scroller} data-sheet-view={sheet?.name ?? ''} tabIndex={0} aria-label={sheet?.name ?? ''}>
        {sheet && grid ? (
          <table className={styles.table} data-grid style={{ width: `${36 + Array.from({ length: grid.cols }, (_, c) => widthPx(sheet, c)).reduce((a, b) => a + b, 0)}px` }}>
            <colgroup>
              <col style={{ width: '36px' }} />
              {Array.from({ length: grid.cols }, (_, c) => (
                <col key={c} style={{ width: `${widthPx(sheet, c)}px` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th className={styles.corner} scope="col" aria-label="" />
                {Array.from({ length: grid.cols }, (_, c) => (
                  <th key={c} className={styles.colHead} scope="col">
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: grid.rows }, (_, r) => (
                <tr key={r}>
                  <th className={styles.rowHead} scope="row">
                    {r + 1}
                  </th>
                  {Array.from({ length: grid.cols }, (_, c) => {
                    const k = r * MAX_RENDER_COLS + c;
                    if (grid.covered.has(k)) return null;
                    const cell = grid.cells.get(k);
                    const span = grid.spans.get(k);
                    const fill = cell?.fill && cell.fill.pattern !== 'None' ? cell.fill.color : undefined;
                    const font = cell?.font;
                    const text = shownText(cell);
                    const right = grid.cells.get(k + 1);
                    const spills = !cell?.wrap && !span && text !== '' && typeof cell?.value === 'string' && (!right || right.value === null) && !grid.covered.has(k + 1);
                    const className = [styles.cell, cell?.wrap ? styles.wrap : '', spills ? styles.spill : '', isSelected(r, c) ? styles.selected : ''].filter(Boolean).join(' ');
                    const address = `${columnLetters(c)}${r + 1}`;
                    return (
                      <td
                        key={c}
                        className={className}
                        rowSpan={span?.rowSpan}
                        colSpan={span?.colSpan}
                        data-address={address}
                        onClick={(e) => sheetName && onSelectCell(sheetName, address, e.shiftKey)}
                        // A double click types into the cell, as in Excel: here through the formula bar.
                        onDoubleClick={() => setTimeout(() => document.querySelector<HTMLInputElement>('[data-formula-bar]')?.focus(), 0)}
                        {...(fill ? { 'data-fill': fill } : {})}
                        style={{
                          ...(fill ? { backgroundColor: fill } : {}),
                          ...(font?.bold ? { fontWeight: 700 } : {}),
                          ...(font?.italic ? { fontStyle: 'italic' } : {}),
                          ...(font?.color ? { color: font.color } : {}),
                          ...(font?.size ? { fontSize: `${font.size}px` } : {}),
                          ...(typeof cell?.value === 'number' ? { textAlign: 'right' } : {}),
                        }}
                      >
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className={styles.empty}>{ui('previewEmpty', lang)}</p>
        )}
      </div>
      <div className={styles.tabs}>
        <TabList size="small" selectedValue={sheetName ?? ''} onTabSelect={(_, d) => onShow(String(d.value))} aria-label={ui('previewSheets', lang)}>
          {visible.map((name) => (
            <Tab key={name} value={name} data-tab={name}>
              {name}
            </Tab>
          ))}
        </TabList>
      </div>
    </section>
  );
}
