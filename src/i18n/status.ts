/** The statuses in words, in both languages. */
export const STATUS_TEXT = {
  met: { vi: 'Đạt', en: 'Met' },
  unmet: { vi: 'Chưa đạt', en: 'Not met' },
  invalid: { vi: 'Không hợp lệ', en: 'Invalid' },
  missing: { vi: 'Chưa có số liệu', en: 'No data' },
} as const;
