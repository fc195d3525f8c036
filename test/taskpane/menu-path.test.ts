/**
 * Issue #15: a Vietnamese message names the menu path Vietnamese Excel shows ("Xem lại › Bỏ bảo vệ
 * trang tính"), not the English one ("Review › Unprotect Sheet"); the English message keeps its own.
 */
import { message } from '../../src/i18n/messages';

test('the protected-sheet warning names the menu path in the language of the message', () => {
  const vi = message('sheet-protected', { sheet: 'Phụ lục' }, 'vi');
  expect(vi).toContain('(Xem lại › Bỏ bảo vệ trang tính)');
  expect(vi).not.toMatch(/Review|Unprotect/);
  expect(message('sheet-protected', { sheet: 'Phụ lục' }, 'en')).toContain('(Review › Unprotect Sheet)');
});
