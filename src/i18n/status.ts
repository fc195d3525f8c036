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

/** The headline of a one-party return: "Sở Y tế: 2 / 2 chỉ số đạt". */
export const SCOPED_HEADLINE_TEXT = {
  vi: (party: string, met: number, total: number) => `${party}: ${met} / ${total} chỉ số đạt`,
  en: (party: string, met: number, total: number) => `${party}: ${met} of ${total} indicators met`,
} as const;

/** How a `missing` indicator is shown when it is not the party's missing data. */
export const MISSING_KIND_TEXT = {
  notFound: { vi: 'Không tìm thấy dòng', en: 'Row not found' },
  otherParty: { vi: 'Thuộc đơn vị khác', en: 'Another party' },
} as const;

/** "55 chỉ số thuộc đơn vị khác": the other parties' indicators, shown once, together. */
export const OTHER_PARTIES_TEXT = {
  vi: (count: number) => `${count} chỉ số thuộc đơn vị khác (không tính vào kết quả)`,
  en: (count: number) => `${count} indicators belong to other parties (not counted)`,
} as const;
