/**
 * The pane's remembered choices (language, "only my department"), kept in the browser's
 * localStorage of the add-in's origin. Never throws: storage may be disabled or full.
 */
import { Lang } from '../i18n/format';

const KEY = 'gnlc-scorer:prefs:v1';

export interface Prefs {
  lang: Lang;
  /** The department chosen under "Chỉ đơn vị của tôi" ('' when none). */
  myParty: string;
  /** Whether the list shows only that department's rows. */
  onlyMine: boolean;
}

export const DEFAULT_PREFS: Prefs = { lang: 'vi', myParty: '', onlyMine: false };

export interface PrefStore {
  load(): Prefs;
  save(prefs: Prefs): void;
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null;
  } catch {
    return null;
  }
}

export const localPrefs: PrefStore = {
  load() {
    try {
      const raw = storage()?.getItem(KEY);
      if (!raw) return { ...DEFAULT_PREFS };
      const p = JSON.parse(raw) as Partial<Prefs>;
      return {
        lang: p.lang === 'en' ? 'en' : 'vi',
        myParty: typeof p.myParty === 'string' ? p.myParty.slice(0, 400) : '',
        onlyMine: p.onlyMine === true,
      };
    } catch {
      return { ...DEFAULT_PREFS };
    }
  },
  save(prefs) {
    try {
      storage()?.setItem(KEY, JSON.stringify(prefs));
    } catch {
      // storage full or disabled: the choice lasts for this session only
    }
  },
};

/** A store in memory (tests, or when the pane must not touch storage). */
export function memoryPrefs(initial: Partial<Prefs> = {}): PrefStore & { saved: Prefs } {
  const store = {
    saved: { ...DEFAULT_PREFS, ...initial },
    load: () => ({ ...store.saved }),
    save: (p: Prefs) => {
      store.saved = { ...p };
    },
  };
  return store;
}
