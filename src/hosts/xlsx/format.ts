/**
 * The text Excel would display for a number under a number format, for the common formats a
 * department uses (General, fixed decimals, thousands, percent, dates and times). exceljs's own
 * `cell.text` ignores the format ("0.955" for 95,5 %, a JavaScript date string for a date), and the
 * core shows this text in messages ("Ô chứa ngày tháng (15/03/2025)"). Anything not understood
 * falls back to the plain number. Separators are Excel's invariant ones ("1,250.5").
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** General: up to 11 significant digits, no exponent for ordinary magnitudes. */
export function generalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) return n.toExponential(5).replace(/\.?0+e/, 'E').replace('E+', 'E+');
  return String(Number(n.toPrecision(11)));
}

/** Removes [colour]/[$-locale] blocks and the escapes and fills Excel uses for layout. */
function stripDecoration(section: string): string {
  return section.replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, '').replace(/_./g, '').replace(/\*./g, '');
}

/** Splits a format into sections at unquoted ";". */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format's codes without quoted literals and escapes, for classifying it. */
function codes(section: string): string {
  return section.replace(/"[^"]*"/g, '').replace(/\\./g, '');
}

function isDateSection(section: string): boolean {
  const c = codes(stripDecoration(section)).replace(/General/gi, '');
  return /[dmyhs]/i.test(c) && !/[0#?]/.test(c.replace(/s+\.0+/gi, ''));
}

/** Serial number → calendar parts (1900 system; serial 60 is Excel's phantom 29 Feb 1900). */
function serialParts(serial: number, date1904: boolean) {
  let whole = Math.floor(serial);
  let frac = serial - whole;
  let seconds = Math.round(frac * 86400);
  if (seconds >= 86400) {
    whole += 1;
    seconds -= 86400;
  }
  frac = seconds;
  let days = whole + (date1904 ? 1462 : 0);
  if (!date1904 && days < 61) days += 1; // before the phantom leap day
  const ms = (days - 25569) * 86400000;
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    m: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    dow: d.getUTCDay(),
    h: Math.floor(frac / 3600),
    mi: Math.floor((frac % 3600) / 60),
    s: frac % 60,
  };
}

function formatDate(serial: number, section: string, date1904: boolean): string {
  const p = serialParts(serial, date1904);
  const s = stripDecoration(section);
  const ampm = /AM\/PM|A\/P/i.test(s);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let out = '';
  let lastWasHour = false;
  const tokens = s.match(/"[^"]*"|\\.|yyyy|yy|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|A\/P|\[h+\]|\[m+\]|\[s+\]|./gi) ?? [];
  tokens.forEach((tok, i) => {
    const low = tok.toLowerCase();
    const nextIsSeconds = () => tokens.slice(i + 1).find((t) => /[a-z]/i.test(t))?.toLowerCase().startsWith('s') ?? false;
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (tok.startsWith('\\')) out += tok.slice(1);
    else if (low === 'yyyy') out += pad(p.y, 4);
    else if (low === 'yy') out += pad(p.y % 100);
    else if (low === 'mmmmm') out += MONTHS[p.m - 1]!.charAt(0);
    else if (low === 'mmmm') out += MONTHS[p.m - 1]!;
    else if (low === 'mmm') out += MONTHS[p.m - 1]!.slice(0, 3);
    else if (low === 'mm' || low === 'm') {
      const minutes = lastWasHour || nextIsSeconds();
      const v = minutes ? p.mi : p.m;
      out += low === 'mm' ? pad(v) : String(v);
    } else if (low === 'dddd') out += DAYS[p.dow]!;
    else if (low === 'ddd') out += DAYS[p.dow]!.slice(0, 3);
    else if (low === 'dd') out += pad(p.d);
    else if (low === 'd') out += String(p.d);
    else if (low === 'hh' || low === 'h') {
      const h = ampm ? ((p.h + 11) % 12) + 1 : p.h;
      out += low === 'hh' ? pad(h) : String(h);
    } else if (low === 'ss') out += pad(p.s);
    else if (low === 's') out += String(p.s);
    else if (low === 'am/pm') out += p.h < 12 ? 'AM' : 'PM';
    else if (low === 'a/p') out += p.h < 12 ? 'A' : 'P';
    else out += tok;
    if (/[a-z]/i.test(tok)) lastWasHour = low === 'hh' || low === 'h';
  });
  return out;
}

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(n: number, section: string): string {
  const s = stripDecoration(section);
  const c = codes(s);
  const m = /[0#?][0#?,]*(\.[0#?]*)?,*/.exec(c);
  if (!m) return literal(s) || generalText(n);
  const percent = (c.match(/%/g) ?? []).length;
  let value = n * Math.pow(100, percent);
  // Trailing commas after the digits scale by thousands.
  const trailing = /,+$/.exec(m[0])?.[0].length ?? 0;
  if (trailing) value /= Math.pow(1000, trailing);
  const decimals = m[1] ? m[1].length - 1 : 0;
  const grouped = /[0#?],[0#?]/.test(m[0].replace(/\..*$/, ''));
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', frac = ''] = fixed.split('.');
  let int = whole;
  const minInt = (m[0].replace(/\..*$/, '').match(/0/g) ?? []).length;
  if (minInt === 0 && int === '0') int = '';
  if (grouped) int = groupThousands(int);
  let number = int + (decimals ? '.' + frac : '');
  // '#' decimals drop trailing zeros
  if (m[1] && /#/.test(m[1])) number = number.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
  const before = literal(s.slice(0, codePosition(s, m.index)));
  const after = literal(s.slice(codePosition(s, m.index + m[0].length - 1, true)));
  return before + number + after;
}

/** Position in the section of its `codeIndex`-th code character (quoted parts and escapes do not count). */
function codePosition(section: string, codeIndex: number, after = false): number {
  let ci = 0;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end;
      continue;
    }
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ci === codeIndex) return after ? i + 1 : i;
    ci++;
  }
  return section.length;
}

function literal(part: string): string {
  return part.replace(/"([^"]*)"|\\(.)|([#0?,])|([^])/g, (_, q, e, code, other) => q ?? e ?? (code !== undefined ? '' : other));
}

/** The text Excel would display for `n` under `format`. */
export function displayNumber(n: number, format: string | undefined, date1904 = false): string {
  if (!Number.isFinite(n)) return String(n);
  if (!format || /^general$/i.test(format.trim()) || format === '@') return generalText(n);
  try {
    const parts = sections(format);
    let section = parts[0]!;
    let value = n;
    if (n < 0 && parts.length > 1 && parts[1]!.trim() !== '') {
      section = parts[1]!;
      value = -n;
    } else if (n === 0 && parts.length > 2 && parts[2]!.trim() !== '') {
      section = parts[2]!;
    }
    if (isDateSection(section)) return n < 0 ? generalText(n) : formatDate(n, section, date1904);
    if (/general/i.test(codes(section))) {
      const body = generalText(Math.abs(value));
      return (value < 0 ? '-' : '') + literal(stripDecoration(section).replace(/general/i, '\u0000')).replace('\u0000', body);
    }
    const text = formatNumberSection(Math.abs(value), section);
    return value < 0 && section === parts[0] ? '-' + text : text;
  } catch {
    return generalText(n);
  }
}
