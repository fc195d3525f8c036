/** The statuses in words, in both languages. */
export const STATUS_TEXT = {
  met: { vi: 'Đạt', en: 'Met' },
  unmet: { vi: 'Chưa đạt', en: 'Not met' },
  invalid: { vi: 'Không hợp lệ', en: 'Invalid' },
  missing: { vi: 'Chưa có số liệu', en: 'No data' },
} as const;

/** The headline of a run: "50 / 57 chỉ số đạt". */
export const HEADLINE_TEXT = {
  vi: (met: number, total: number) => `${met} / ${total} chỉ số đạt`,
  en: (met: number, total: number) => `${met} of ${total} indicators met`,
} as const;
