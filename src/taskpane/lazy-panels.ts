/**
 * The "panels" chunk (panels.ts) as a hook: the module when it has arrived, else null, with a
 * re-render when it does. `idle`: fetch it when the browser is next idle (after the first paint);
 * `now`: fetch it at once (the results or the tools are wanted).
 */
import { useEffect, useState } from 'react';

export type Panels = typeof import('./panels');

let panels: Panels | null = null;
let loading: Promise<Panels> | null = null;

/** Starts fetching the chunk (once); resolves to its module. */
export function loadPanels(): Promise<Panels> {
  loading ??= import(/* webpackChunkName: "panels" */ './panels').then(
    (m) => (panels = m),
    (e: unknown) => {
      loading = null; // a later need tries again
      throw e;
    },
  );
  return loading;
}

type IdleWindow = { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };

/** The chunk's module, or null while it arrives; `failed` when it could not be loaded. */
export function usePanels(wanted: boolean): { panels: Panels | null; failed: boolean } {
  const [mod, setMod] = useState<Panels | null>(panels);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (mod) return;
    let live = true;
    const load = () =>
      void loadPanels().then(
        (m) => live && setMod(m),
        (e: unknown) => {
          console.error(e);
          if (live) setFailed(true);
        },
      );
    const w = (typeof window === 'undefined' ? {} : window) as IdleWindow;
    // Wanted now, or no idle callback (jsdom, older hosts): at once; else once the browser is idle.
    if (wanted || !w.requestIdleCallback) {
      load();
      return () => {
        live = false;
      };
    }
    const handle = w.requestIdleCallback(load, { timeout: 1000 });
    return () => {
      live = false;
      w.cancelIdleCallback?.(handle);
    };
  }, [mod, wanted]);
  return { panels: mod, failed: failed && !mod };
}
