/** What the ribbon's notice page shows, from its query (pure, so both ends agree on the format). */
import { Lang } from '../i18n/format';
import { UI } from '../i18n/ui';

export interface Notice {
  lang: Lang;
  title: string;
  /** The message in the person's language, then in the other one. */
  first: string;
  second: string;
  close: string;
}

/** The notice page's address, relative to the function file's: the message in both languages. */
export function noticeUrl(base: string, text: Record<Lang, string>, lang: Lang): string {
  const url = new URL('notice.html', base);
  url.searchParams.set('lang', lang);
  url.searchParams.set('vi', text.vi);
  url.searchParams.set('en', text.en);
  return url.toString();
}

export function noticeFromQuery(search: string): Notice {
  const q = new URLSearchParams(search);
  const lang: Lang = q.get('lang') === 'en' ? 'en' : 'vi';
  const other: Lang = lang === 'vi' ? 'en' : 'vi';
  const first = q.get(lang) ?? '';
  const second = q.get(other) ?? '';
  return { lang, title: UI.ribbonFailed[lang], first, second: second === first ? '' : second, close: UI.close[lang] };
}
