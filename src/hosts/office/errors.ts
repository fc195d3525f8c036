/// <reference types="office-js" />
/**
 * Excel's failure modes, handled so that nothing is half-written and the person is told what to
 * do, in Vietnamese first and English second:
 *
 * - `describeOfficeError(e, lang)`: any error an action can end with → a kind, one line for the
 *   person, whether trying again may help, and what happened to the workbook;
 * - `OfficeActionError`: the failures the host itself detects (a sync that never answers, a sheet
 *   named like the product's state sheet that is not the product's);
 * - `guardSyncs`: makes every `context.sync()` of a batch fail after a time limit.
 *
 * The core's own refusals (WorkbookError: no appendix found, clearing a protected sheet) come
 * before anything is written and are worded here too.
 *
 * The host records the outcome of a failed action against its error (`workbookOutcome`); the
 * error object itself is never changed (Excel's `code` stays what Excel said).
 */
import { STATE_SHEET } from '../../core/plan';
import { WorkbookError } from '../../core/workbook';
import { Lang } from '../../i18n/format';
import { OfficeHostError, errorCode } from './read';

/** What an action's failure is, for the person. */
export type FailureKind =
  | 'cell-edit-mode'
  | 'timeout'
  | 'payload-too-large'
  | 'no-values'
  | 'sheet-too-large'
  | 'sheet-protected'
  | 'sheet-missing'
  | 'not-owned-sheet'
  | 'no-appendix'
  | 'not-appendix'
  | 'busy'
  | 'unknown';

/** What a failed action left in the workbook. */
export type WorkbookOutcome =
  /** Nothing was written (the batch was refused, or the failure came before any write). */
  | 'unchanged'
  /** Part of the plan was applied; the stored state was made to match what was applied. */
  | 'consistent'
  /** Excel did not answer: it may still apply the batch. */
  | 'unknown';

export type OfficeActionCode = 'SyncTimeout' | 'StateSheetNotOwned';

/** A failure the Office host detects itself (Excel's own failures keep their own error objects). */
export class OfficeActionError extends Error {
  constructor(
    readonly code: OfficeActionCode,
    message: string,
    readonly detail: { sheet?: string; seconds?: number } = {},
  ) {
    super(message);
    this.name = 'OfficeActionError';
  }
}

const outcomes = new WeakMap<object, WorkbookOutcome>();

/** @internal The host records what a failure left in the workbook. */
export function recordOutcome(e: unknown, outcome: WorkbookOutcome): void {
  if (e !== null && (typeof e === 'object' || typeof e === 'function')) outcomes.set(e, outcome);
}

/** What the failed action left in the workbook, when the host knows. */
export function workbookOutcome(e: unknown): WorkbookOutcome | undefined {
  // The core refuses before anything is written.
  if (e instanceof WorkbookError) return 'unchanged';
  return e !== null && (typeof e === 'object' || typeof e === 'function') ? outcomes.get(e) : undefined;
}

export interface DescribedError {
  kind: FailureKind;
  /** One line for the person, in the language asked for. */
  message: string;
  /** Trying the same action again may work (after leaving cell edit mode, after a wait). */
  retry: boolean;
  /** What the failed action left in the workbook, when known. */
  workbook?: WorkbookOutcome;
  /** Excel's (or the host's) error code, for support. */
  code?: string;
}

type Text = Record<Lang, string>;

const KIND_TEXT: Record<FailureKind, (p: { sheet?: string; seconds?: number; detail?: string; likely?: string }) => Text> = {
  'cell-edit-mode': () => ({
    vi: 'Excel đang ở chế độ sửa ô. Hãy thoát chế độ sửa ô (nhấn Enter hoặc Esc) rồi thử lại.',
    en: 'Excel is in cell edit mode. Leave it (press Enter or Esc), then try again.',
  }),
  timeout: (p) => ({
    vi: `Excel không trả lời sau ${p.seconds ?? '?'} giây. Hãy đợi Excel xong việc đang làm, kiểm tra bảng tính rồi thử lại.`,
    en: `Excel did not answer within ${p.seconds ?? '?'} seconds. Wait until Excel has finished what it is doing, check the workbook, then try again.`,
  }),
  'payload-too-large': () => ({
    vi: 'Dữ liệu trao đổi với Excel vượt giới hạn một lần gửi (Excel trên web: 5 MB), kể cả khi đã chia nhỏ. Hãy thử trên Excel cho máy tính, hoặc xóa các hàng, cột thừa ở cuối trang.',
    en: 'The data exchanged with Excel is over the limit of one request (Excel on the web: 5 MB), even in smaller parts. Try Excel for the desktop, or delete unused rows and columns at the end of the sheet.',
  }),
  'no-values': () => ({
    vi: 'Excel không trả về số liệu của vùng ô quá lớn. Hãy xóa các hàng, cột trống có định dạng ở cuối trang (Ctrl+End cho biết trang kéo dài tới đâu) rồi thử lại.',
    en: 'Excel returned no values for a very large range. Delete the formatted empty rows and columns at the end of the sheet (Ctrl+End shows where it ends), then try again.',
  }),
  'sheet-too-large': (p) => ({
    vi: `Trang tính quá lớn để đọc${p.detail ? ` (${p.detail})` : ''}. Hãy xóa các hàng, cột trống có định dạng ở cuối trang rồi thử lại.`,
    en: `The sheet is too large to read${p.detail ? ` (${p.detail})` : ''}. Delete the formatted empty rows and columns at the end of the sheet, then try again.`,
  }),
  'sheet-protected': (p) => ({
    vi: `Trang${p.sheet ? ` "${p.sheet}"` : ''} đang được bảo vệ nên không đổi màu được. Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại.`,
    en: `The sheet${p.sheet ? ` "${p.sheet}"` : ''} is protected, so its colours cannot be changed. Unprotect the sheet (Review › Unprotect Sheet), then try again.`,
  }),
  'sheet-missing': () => ({
    vi: 'Không tìm thấy trang tính: có thể trang đã bị xóa hoặc đổi tên trong lúc chấm. Hãy chấm lại.',
    en: 'A sheet was not found: it may have been deleted or renamed during the run. Score again.',
  }),
  'not-owned-sheet': () => ({
    vi: `Bảng tính đã có trang tên "${STATE_SHEET}" không do add-in tạo ra; add-in không ghi đè lên trang đó. Hãy đổi tên trang ấy rồi thử lại.`,
    en: `The workbook has a sheet named "${STATE_SHEET}" that the add-in did not create; the add-in does not write over it. Rename that sheet, then try again.`,
  }),
  'no-appendix': () => ({
    vi: 'Không tìm thấy trang phụ lục để chấm: không trang nào có các chỉ số của bộ tiêu chí. Hãy mở trang phụ lục rồi thử lại.',
    en: 'No appendix sheet to score: no sheet holds the indicators of the criteria. Open the appendix sheet, then try again.',
  }),
  'not-appendix': (p) => ({
    vi: `Trang "${p.sheet ?? ''}" không phải bảng phụ lục; ${p.likely ? `bảng phụ lục có vẻ là trang "${p.likely}". Hãy mở trang đó rồi bấm "Chấm điểm".` : 'sổ làm việc không có trang nào giống bảng phụ lục.'}`,
    en: `The sheet "${p.sheet ?? ''}" is not an appendix; ${p.likely ? `the appendix looks like the sheet "${p.likely}". Open that sheet, then click "Score".` : 'no sheet of the workbook looks like one.'}`,
  }),
  busy: () => ({
    vi: 'Excel đang bận hoặc mất kết nối. Hãy đợi một lát rồi thử lại.',
    en: 'Excel is busy or the connection was lost. Wait a moment, then try again.',
  }),
  unknown: (p) => ({
    vi: `Excel báo lỗi${p.detail ? `: ${p.detail}` : ''}.`,
    en: `Excel reported an error${p.detail ? `: ${p.detail}` : ''}.`,
  }),
};

const OUTCOME_TEXT: Record<WorkbookOutcome, Text> = {
  unchanged: { vi: 'Bảng tính không bị thay đổi.', en: 'The workbook was not changed.' },
  consistent: {
    vi: 'Phần đã tô màu được ghi nhận đầy đủ, "Xóa màu" vẫn trả lại màu gốc.',
    en: 'What was coloured is recorded, so "Clear colours" still restores the original fills.',
  },
  unknown: { vi: 'Excel có thể vẫn đang ghi: hãy kiểm tra bảng tính.', en: 'Excel may still be writing: check the workbook.' },
};

const RETRY: Record<FailureKind, boolean> = {
  'cell-edit-mode': true,
  timeout: true,
  'payload-too-large': false,
  'no-values': false,
  'sheet-too-large': false,
  'sheet-protected': false,
  'sheet-missing': true,
  'not-owned-sheet': false,
  'no-appendix': false,
  'not-appendix': false,
  busy: true,
  unknown: true,
};

function oneLine(s: unknown): string {
  return String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** The kind of failure an error is. */
export function failureKind(e: unknown): FailureKind {
  if (e instanceof OfficeActionError) return e.code === 'SyncTimeout' ? 'timeout' : 'not-owned-sheet';
  if (e instanceof OfficeHostError) return e.code === 'NoValues' ? 'no-values' : 'sheet-too-large';
  if (e instanceof WorkbookError) return e.code === 'NoAppendix' ? 'no-appendix' : e.code === 'NotAppendix' ? 'not-appendix' : 'sheet-protected';
  switch (errorCode(e)) {
    case 'InvalidOperationInCellEditMode':
      return 'cell-edit-mode';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return 'payload-too-large';
    case 'RangeExceedsLimit':
      return 'sheet-too-large';
    case 'AccessDenied':
      return 'sheet-protected';
    case 'ItemNotFound':
    case 'InvalidObjectPath':
      return 'sheet-missing';
    case 'ActivityLimitReached':
    case 'RequestAborted':
    case 'ServiceNotAvailable':
    case 'Conflict':
    case 'EditModeCannotAcquireLease':
    case 'GeneralException':
      return 'busy';
    default:
      return 'unknown';
  }
}

/**
 * Any error an Office action ends with, as one line for the person: what happened, what to do,
 * and (when the host knows) what the workbook holds now. Never throws.
 */
export function describeOfficeError(e: unknown, lang: Lang): DescribedError {
  const kind = failureKind(e);
  const detail =
    e instanceof OfficeActionError
      ? e.detail
      : e instanceof WorkbookError && e.detail.sheet !== undefined
        ? { sheet: e.detail.sheet, ...(e.detail.likely !== undefined ? { likely: e.detail.likely } : {}) }
        : {};
  const code = e instanceof OfficeActionError || e instanceof OfficeHostError || e instanceof WorkbookError ? e.code : errorCode(e);
  const text = KIND_TEXT[kind]({
    ...detail,
    ...(kind === 'unknown' || kind === 'sheet-too-large' ? { detail: oneLine((e as { message?: unknown } | null)?.message ?? e) } : {}),
  })[lang];
  const workbook = workbookOutcome(e);
  const out: DescribedError = { kind, message: workbook ? `${text} ${OUTCOME_TEXT[workbook][lang]}` : text, retry: RETRY[kind] };
  if (workbook) out.workbook = workbook;
  if (code !== undefined) out.code = code;
  return out;
}

/** Excel refused the whole batch before running any of it: nothing of it was applied. */
export function refusedBeforeRunning(e: unknown): boolean {
  const code = errorCode(e);
  return code === 'InvalidOperationInCellEditMode' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Makes every `context.sync()` of this context fail with OfficeActionError('SyncTimeout') when
 * Excel has not answered after `ms` milliseconds (0: no limit). The batch itself cannot be taken
 * back: Excel may still run it, which is why a timeout's outcome is 'unknown'.
 */
export function guardSyncs(context: Excel.RequestContext, ms: number): void {
  if (!(ms > 0) || !Number.isFinite(ms)) return;
  const original = context.sync.bind(context) as (value?: unknown) => Promise<unknown>;
  const seconds = Math.round(ms / 100) / 10;
  const timed = (value?: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new OfficeActionError('SyncTimeout', `Excel did not answer within ${seconds} s`, { seconds })), ms);
      original(value).then(
        (v) => {
          clearTimeout(timer);
          resolve(v);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
  (context as unknown as { sync: typeof timed }).sync = timed;
}
