/**
 * Issue #15: a Vietnamese message names the menu path Vietnamese Excel shows ("Xem lại › Bỏ bảo vệ
 * trang tính"), not the English one ("Review › Unprotect Sheet"); the English message keeps its own.
 * Every menu path in the Office host's error messages (each failure kind), the core's messages and
 * the pane's texts is checked against the menus of Excel in each language.
 */
import { describeOfficeError, FailureKind, OfficeActionError } from '../../src/hosts/office/errors';
import { OfficeHostError } from '../../src/hosts/office/read';
import { WorkbookError } from '../../src/core/workbook';
import { MESSAGES, message } from '../../src/i18n/messages';
import { UI } from '../../src/i18n/ui';

/** The menu paths the product names, as Excel labels them in Vietnamese and in English (same row: same command). */
const MENUS: Array<{ vi: string; en: string }> = [
  { vi: 'Xem lại › Bỏ bảo vệ trang tính', en: 'Review › Unprotect Sheet' },
  { vi: 'Trang đầu → Phần bổ trợ', en: 'Home → Add-ins' },
  { vi: 'Tệp › Tài khoản', en: 'File › Account' },
];

const EN_ITEMS = ['Review', 'Unprotect Sheet', 'Protect Sheet', 'Home', 'Add-ins', 'File', 'Account', 'Insert', 'Data', 'View', 'Formulas', 'Page Layout'];
const VI_ITEMS = ['Xem lại', 'Bỏ bảo vệ trang tính', 'Bảo vệ trang tính', 'Trang đầu', 'Phần bổ trợ', 'Tệp', 'Tài khoản', 'Chèn', 'Dữ liệu', 'Dạng xem', 'Công thức', 'Bố trí trang'];
/** A menu item of the other language's Excel beside a menu arrow ("Review ›", "› Unprotect Sheet"). */
const beside = (items: string[]) => new RegExp(`(?:^|[^\\p{L}])(?:${items.join('|')})\\s*[›→]|[›→]\\s*(?:${items.join('|')})(?![\\p{L}])`, 'u');

/** The known menu paths a text names. */
const named = (text: string, lang: 'vi' | 'en') => MENUS.filter((m) => text.includes(m[lang])).map((m) => m.en);

/** The vi and en texts of one message: each names its own language's menus, and both name the same commands. */
function check(name: string, vi: string, en: string): void {
  expect({ name, vi, englishMenuInVietnamese: beside(EN_ITEMS).test(vi) }).toEqual({ name, vi, englishMenuInVietnamese: false });
  expect({ name, en, vietnameseMenuInEnglish: beside(VI_ITEMS).test(en) }).toEqual({ name, en, vietnameseMenuInEnglish: false });
  expect({ name, vi: named(vi, 'vi') }).toEqual({ name, vi: named(en, 'en') });
}

/** One error per failure kind, built the way Excel or the host raises it. */
const KIND_ERRORS: Record<FailureKind, unknown> = {
  'cell-edit-mode': { code: 'InvalidOperationInCellEditMode', message: 'edit mode' },
  timeout: new OfficeActionError('SyncTimeout', 'late', { seconds: 30 }),
  'payload-too-large': { code: 'RequestPayloadSizeLimitExceeded', message: 'too big' },
  'no-values': new OfficeHostError('NoValues', 'no values'),
  'sheet-too-large': new OfficeHostError('SheetTooLarge', '2,000,000 cells'),
  'sheet-protected': { code: 'AccessDenied', message: 'protected' },
  'sheet-missing': { code: 'ItemNotFound', message: 'gone' },
  'not-owned-sheet': new OfficeActionError('StateSheetNotOwned', 'not ours'),
  'no-appendix': new WorkbookError('NoAppendix', 'none'),
  'not-appendix': new WorkbookError('NotAppendix', 'not this one', { sheet: 'Ghi chú', likely: 'Phụ lục' }),
  busy: { code: 'ServiceNotAvailable', message: 'busy' },
  unknown: { code: 'Weird', message: 'odd' },
};

test('the protected-sheet warning names the menu path in the language of the message', () => {
  const vi = message('sheet-protected', { sheet: 'Phụ lục' }, 'vi');
  expect(vi).toContain('(Xem lại › Bỏ bảo vệ trang tính)');
  expect(vi).not.toMatch(/Review|Unprotect/);
  expect(message('sheet-protected', { sheet: 'Phụ lục' }, 'en')).toContain('(Review › Unprotect Sheet)');
});

test('the Office host: a protected sheet is explained with the menu path of each language', () => {
  const e = { code: 'AccessDenied', message: 'protected' };
  const vi = describeOfficeError(e, 'vi');
  expect(vi.kind).toBe('sheet-protected');
  expect(vi.message).toContain('(Xem lại › Bỏ bảo vệ trang tính)');
  expect(vi.message).not.toMatch(/Review|Unprotect/);
  expect(describeOfficeError(e, 'en').message).toContain('(Review › Unprotect Sheet)');
  // The core's own refusal to clear a protected sheet is the same kind, and worded the same way.
  expect(describeOfficeError(new WorkbookError('SheetProtected', 'protected', { sheet: 'Phụ lục' }), 'vi').message).toContain('Xem lại › Bỏ bảo vệ trang tính');
});

test('every failure kind of the Office host: each menu path is Excel’s own in that language', () => {
  for (const [kind, error] of Object.entries(KIND_ERRORS)) {
    const vi = describeOfficeError(error, 'vi');
    expect(vi.kind).toBe(kind);
    check(`office error ${kind}`, vi.message, describeOfficeError(error, 'en').message);
  }
});

test('every core message and every pane text: each menu path is Excel’s own in that language', () => {
  const params = new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? `«${k}»` : undefined) }) as Record<string, string>;
  let paths = 0;
  for (const [key, m] of Object.entries(MESSAGES)) {
    const vi = m.vi(params);
    const en = m.en(params);
    paths += named(vi, 'vi').length;
    check(`message ${key}`, vi, en);
  }
  for (const [key, entry] of Object.entries(UI)) {
    const text = (l: 'vi' | 'en') => {
      const v = (entry as Record<string, unknown>)[l];
      return typeof v === 'function' ? String((v as (p: unknown) => string)(params)) : String(v);
    };
    paths += named(text('vi'), 'vi').length;
    check(`ui ${key}`, text('vi'), text('en'));
  }
  // The check above saw the paths it is about (the protected sheet, opening the add-in).
  expect(paths).toBeGreaterThanOrEqual(2);
});

test('the check itself: an English path in a Vietnamese text, or a path missing from one language, is caught', () => {
  expect(() => check('bad', 'Hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi thử lại.', 'Unprotect the sheet (Review › Unprotect Sheet).')).toThrow();
  expect(() => check('bad', 'Mở Trang đầu → Phần bổ trợ.', 'Open Trang đầu → Add-ins.')).toThrow();
  expect(() => check('bad', 'Hãy bỏ bảo vệ trang rồi thử lại.', 'Unprotect the sheet (Review › Unprotect Sheet).')).toThrow();
  expect(() => check('good', 'Hãy bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính).', 'Unprotect the sheet (Review › Unprotect Sheet).')).not.toThrow();
});
