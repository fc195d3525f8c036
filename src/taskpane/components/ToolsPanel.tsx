/**
 * "Mẫu và tổng hợp": make a department template (a new, validated sheet) and consolidate the
 * departments' returns (sheets of the workbook, or .xlsx files inserted when Excel allows) into
 * new master and summary sheets, with what the coordinator should look at: conflicts, parties
 * with no return, departments that were guessed.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SELF_CHECK_UI } from '../../i18n/selfcheck';
import { Button, Checkbox, Dropdown, Field, Input, Label, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { CriteriaSet } from '../../core/criteria';
import { headline } from '../../core/summary';
import { isExpertAssessment, listParties } from '../../core/parties';
import { isStateSheetName } from '../../core/product-sheets';
import { Lang } from '../../i18n/format';
import { T } from '../../i18n/ui';
import { ConsolidationOutcome, PaneFailure, PickedFile, WorkbookTools } from '../backend';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // Fits 320–350 px: the city takes what is left beside a year 7em wide; no control has a minimum width.
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 7em', columnGap: tokens.spacingHorizontalS },
  grow: { minWidth: 0 },
  fill: { minWidth: 0, width: '100%', maxWidth: '100%' },
  /** Fluent's Dropdown is 250 px at least: here it takes the panel's width, its text cut with an ellipsis. */
  dropdown: { minWidth: 0, width: '100%', maxWidth: '100%', boxSizing: 'border-box', '& > button': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } },
  listbox: { maxHeight: 'min(20em, 60vh)', overflowY: 'auto' },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  hidden: { display: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  sheets: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
});

interface Props {
  tools: WorkbookTools;
  /** Sheets that cannot be returns: the appendix the pane scored and its summary sheet. */
  notReturns?: readonly string[];
  criteria: CriteriaSet;
  lang: Lang;
  t: T;
}

type Message = { intent: 'success' | 'error' | 'warning'; text: string };

function failureText(e: unknown, lang: Lang): string {
  if (e instanceof PaneFailure) return e.text[lang];
  return e instanceof Error ? e.message : String(e);
}

async function readFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(bin) };
}

export function ToolsPanel({ tools, criteria, lang, t, notReturns = [] }: Props) {
  const styles = useStyles();
  const parties = useMemo(() => listParties(criteria), [criteria]);
  const [department, setDepartment] = useState('');
  /** Where "Tạo mẫu" puts the template: a new workbook (where Excel can open one) or a sheet of this one. */
  const canBook = tools.canCreateWorkbook?.() ?? false;
  const [where, setWhere] = useState<'book' | 'sheet'>(canBook ? 'book' : 'sheet');
  const [city, setCity] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [sheets, setSheets] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<null | 'template' | 'consolidate' | 'import' | 'sheets'>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [result, setResult] = useState<ConsolidationOutcome | null>(null);
  /** Departments the coordinator set for returns whose department was guessed (sheet → party). */
  const [departments, setDepartments] = useState<Record<string, string>>({});
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async () => {
    setBusy('sheets');
    try {
      setSheets(await tools.sheets());
    } catch (e) {
      setMessage({ intent: 'error', text: failureText(e, lang) });
    } finally {
      setBusy(null);
    }
  }, [tools, lang]);
  // The sheets, when the section opens (and again whenever the language, hence `refresh`, changes).
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function makeTemplate() {
    setBusy('template');
    setMessage(null);
    try {
      const y = Number(year);
      const request = { lang, ...(department ? { department } : {}), ...(city.trim() ? { city: city.trim() } : {}), ...(year.trim() && Number.isInteger(y) ? { year: y } : {}) };
      if (where === 'book' && canBook && tools.createTemplateWorkbook) {
        const book = await tools.createTemplateWorkbook(request);
        setMessage(
          book.indicators > 0
            ? { intent: 'success', text: t('templateBookMade', { sheet: book.sheet, indicators: book.indicators }) }
            : { intent: 'warning', text: t('templateEmpty', { sheet: book.sheet }) },
        );
        return;
      }
      const made = await tools.createTemplate(request);
      setMessage(
        made.indicators > 0
          ? { intent: 'success', text: t('templateMade', { sheet: made.sheet, indicators: made.indicators, cells: made.validatedCells }) }
          : { intent: 'warning', text: t('templateEmpty', { sheet: made.sheet }) },
      );
      setSheets(await tools.sheets());
    } catch (e) {
      setMessage({ intent: 'error', text: failureText(e, lang) });
    } finally {
      setBusy(null);
    }
  }

  async function importFiles(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy('import');
    setMessage(null);
    try {
      const files = await Promise.all([...list].map(readFile));
      const added = await tools.importFiles(files);
      setSheets(await tools.sheets());
      setChosen((c) => new Set([...c, ...added]));
      setMessage({ intent: 'success', text: t('imported', { sheets: added.join(', ') }) });
    } catch (e) {
      setMessage({ intent: 'error', text: failureText(e, lang) });
    } finally {
      setBusy(null);
    }
  }

  /** `confirmed`: departments the coordinator confirmed or corrected, kept for the next consolidations. */
  async function consolidate(confirmed: Record<string, string> = departments) {
    const picked = offered.filter((s) => chosen.has(s));
    setDepartments(confirmed);
    const given = Object.fromEntries(Object.entries(confirmed).filter(([s, d]) => d && picked.includes(s)));
    if (!picked.length) {
      setMessage({ intent: 'warning', text: t('chooseSheets') });
      return;
    }
    setBusy('consolidate');
    setMessage(null);
    try {
      const out = await tools.consolidate({ sheets: picked, lang, ...(Object.keys(given).length ? { departments: given } : {}) });
      setResult(out);
      setMessage({ intent: 'success', text: t('consolidated', { n: out.consolidation.returns.length, master: out.masterSheet, summary: out.summarySheet }) });
      setSheets(await tools.sheets());
    } catch (e) {
      setMessage({ intent: 'error', text: failureText(e, lang) });
    } finally {
      setBusy(null);
    }
  }

  const toggle = (sheet: string, on: boolean) =>
    setChosen((c) => {
      const next = new Set(c);
      if (on) next.add(sheet);
      else next.delete(sheet);
      return next;
    });

  // Offered as returns: not the product's own sheets (state, the master and summary it wrote), not the scored appendix.
  const own = new Set([...notReturns, ...(result ? [result.masterSheet, result.summarySheet] : [])]);
  const offered = sheets.filter((s) => !own.has(s) && !isStateSheetName(s));
  const c = result?.consolidation;
  const inferred = c?.returns.filter((r) => r.inferred) ?? [];
  // The expert assessment is no department's return: its own line, not a missing department.
  const missing = c?.missingParties.filter((p) => !isExpertAssessment(p)) ?? [];
  const expertMissing = c?.missingParties.some(isExpertAssessment) ?? false;
  const notesCut = c?.issues.filter((i) => i.code === 'note-cut') ?? [];

  return (
    <div className={styles.box} data-section="tools">
      <section className={styles.box} aria-labelledby="template-title">
        <h3 className={styles.title} id="template-title">
          {t('templateTitle')}
        </h3>
        <p className={styles.text}>{t('templateIntro')}</p>
        <Field label={t('templateDepartment')}>
          <Dropdown
            className={styles.dropdown}
            value={department ? `${department} (${parties.find((p) => p.party === department)?.indicators.length ?? 0})` : t('templateWholeCity')}
            selectedOptions={[department]}
            onOptionSelect={(_, d) => setDepartment(d.optionValue ?? '')}
            // Below the field, else above it, never beside it (a task pane has no room there). The list
            // is at most 16 lines tall: near the pane's bottom it flips above the field instead of
            // shrinking to nothing (autoSize would keep it below, a few pixels tall).
            positioning={{ position: 'below', align: 'start', fallbackPositions: ['above-start'] }}
            listbox={{ className: styles.listbox }}
            // In the pane's own tree, not a portal on the page: it scrolls with the panel and stays inside it.
            inlinePopup
            data-field="department"
          >
            <Option value="">{t('templateWholeCity')}</Option>
            {parties.map((p) => (
              <Option key={p.party} value={p.party} text={`${p.party} (${p.indicators.length})`}>
                {`${p.party} (${p.indicators.length})`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <div className={styles.row}>
          <Field className={styles.grow} label={t('templateCity')}>
            <Input className={styles.fill} value={city} onChange={(_, d) => setCity(d.value)} data-field="city" />
          </Field>
          <Field className={styles.grow} label={t('templateYear')}>
            <Input className={styles.fill} type="number" value={year} onChange={(_, d) => setYear(d.value)} data-field="year" />
          </Field>
        </div>
        {canBook ? (
          <Field label={t('templateWhere')}>
            <RadioGroup value={where} onChange={(_, d) => setWhere(d.value === 'book' ? 'book' : 'sheet')} data-field="template-where">
              <Radio value="book" label={t('templateAsBook')} />
              <Radio value="sheet" label={t('templateAsSheet')} />
            </RadioGroup>
          </Field>
        ) : tools.canCreateWorkbook ? (
          <p className={styles.note} data-note="no-new-workbook">
            {t('templateBookUnsupported')}
          </p>
        ) : null}
        <Button appearance="primary" disabled={busy !== null} onClick={() => void makeTemplate()} data-action="template">
          {busy === 'template' ? t('working2') : t('makeTemplate')}
        </Button>
      </section>

      <section className={styles.box} aria-labelledby="consolidate-title">
        <h3 className={styles.title} id="consolidate-title">
          {t('consolidateTitle')}
        </h3>
        <p className={styles.text}>{t('consolidateIntro')}</p>
        <div className={styles.sheets} role="group" aria-labelledby="consolidate-sheets" data-field="sheets">
          <Label id="consolidate-sheets" weight="semibold">
            {t('consolidateSheets')}
          </Label>
          {offered.length ? (
            offered.map((s) => <Checkbox key={s} label={s} checked={chosen.has(s)} onChange={(_, d) => toggle(s, !!d.checked)} />)
          ) : (
            <p className={styles.text}>{t('noSheets')}</p>
          )}
        </div>
        <Button size="small" disabled={busy !== null} onClick={() => void refresh()}>
          {t('refreshSheets')}
        </Button>
        {tools.canImportFiles() ? (
          <>
            {/* The browser's file input stays hidden; a Fluent button opens it. */}
            <input
              ref={fileInput}
              className={styles.hidden}
              type="file"
              accept=".xlsx"
              multiple
              tabIndex={-1}
              aria-hidden="true"
              onChange={(e) => {
                void importFiles(e.currentTarget.files);
                e.currentTarget.value = '';
              }}
              data-field="files"
            />
            <Button disabled={busy !== null} onClick={() => fileInput.current?.click()} data-action="import-files">
              {t('importFiles')}
            </Button>
          </>
        ) : null}
        <Button appearance="primary" disabled={busy !== null} onClick={() => void consolidate()} data-action="consolidate">
          {busy === 'consolidate' ? t('working2') : t('consolidate')}
        </Button>
      </section>

      <div aria-live="polite" data-tools-notice={message?.intent ?? ''}>
        {message ? (
          <MessageBar intent={message.intent} layout="multiline">
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      {result && c ? (
        <section className={styles.box} data-section="consolidation">
          <p className={styles.title} data-headline>
            {headline(result.summary.totals, lang)}
          </p>
          {c.conflicts.length ? (
            <>
              <h4 className={styles.title}>{t('conflictsTitle')}</h4>
              <ul className={styles.list} data-list="conflicts">
                {c.conflicts.map((x) => (
                  <li key={`${x.id} ${x.field}`}>
                    {x.id}: {x.values.map((v) => `${v.return} = ${v.value}`).join('; ')} — {x.resolved === 'responsible' ? t('conflictResponsible') : t('conflictInvalid')}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {missing.length ? (
            <>
              <h4 className={styles.title}>{t('missingTitle')}</h4>
              <ul className={styles.list} data-list="missing">
                {missing.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          ) : null}
          {notesCut.length ? (
            <>
              <h4 className={styles.title}>{t('notesCutTitle')}</h4>
              <ul className={styles.list} data-list="notes-cut">
                {notesCut.map((i) => (
                  <li key={i.id}>{i.message[lang]}</li>
                ))}
              </ul>
            </>
          ) : null}
          {expertMissing ? (
            <p className={styles.text} data-expert-missing>
              {t('expertPending')}
            </p>
          ) : null}
          {inferred.length ? (
            <>
              <h4 className={styles.title}>{t('inferredTitle')}</h4>
              <p className={styles.text}>{t('inferredHint')}</p>
              <ul className={styles.list} data-list="inferred">
                {inferred.map((r) => (
                  <li key={r.name}>
                    <Field label={t('inferredFor', { sheet: r.name })}>
                      <Select
                        className={styles.fill}
                        value={departments[r.name] ?? r.department ?? ''}
                        onChange={(_, d) => setDepartments((all) => ({ ...all, [r.name]: d.value }))}
                        data-inferred={r.name}
                      >
                        {r.department && !parties.some((p) => p.party === r.department) ? <option value={r.department}>{r.department}</option> : null}
                        {parties.map((p) => (
                          <option key={p.party} value={p.party}>
                            {p.party}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </li>
                ))}
              </ul>
              <Button
                size="small"
                disabled={busy !== null}
                // Every guess shown is taken as confirmed: as chosen, or as guessed.
                onClick={() => void consolidate({ ...departments, ...Object.fromEntries(inferred.map((r) => [r.name, departments[r.name] ?? r.department ?? ''])) })}
                data-action="reconsolidate"
              >
                {t('reconsolidate')}
              </Button>
            </>
          ) : null}
        </section>
      ) : null}
      <section className={styles.box} aria-labelledby="tools-selfcheck">
        <h3 id="tools-selfcheck" className={styles.title}>
          {SELF_CHECK_UI.title[lang]}
        </h3>
        {/* "?selfcheck" of the page the pane is (taskpane.html in Excel, preview.html in the preview). */}
        <Button as="a" size="small" href="?selfcheck" data-action="selfcheck">
          {SELF_CHECK_UI.title[lang]}
        </Button>
      </section>
    </div>
  );
}
