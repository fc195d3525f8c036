/** The ribbon's notice page: the message travels in its address, in both languages, and comes back as text in the person's language first. */
import { noticeFromQuery, noticeUrl } from '../../src/commands/notice-text';

test('a message with quotes, ampersands and markup survives the address, as text', () => {
  const text = { vi: 'Trang "Ghi chú & <b>x</b>" không phải bảng phụ lục', en: 'The sheet "Ghi chú & <b>x</b>" is not an appendix' };
  const url = new URL(noticeUrl('https://localhost:3000/commands.html', text, 'vi'));
  expect(url.origin + url.pathname).toBe('https://localhost:3000/notice.html');
  expect(noticeFromQuery(url.search)).toEqual({ lang: 'vi', title: 'Chấm điểm không thực hiện được', first: text.vi, second: text.en, close: 'Đóng' });
  const en = noticeFromQuery(new URL(noticeUrl('https://h.example/a/commands.html', text, 'en')).search);
  expect(en).toMatchObject({ lang: 'en', first: text.en, second: text.vi, close: 'Close' });
});
