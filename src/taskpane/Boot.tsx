/**
 * The pane while its scoring engine (engine.ts, a chunk of its own) arrives: the App is shown at
 * once with its actions waiting ("Đang tải…"), then given the backend and the criteria. A chunk
 * that does not load, or a bundled criteria set that does not validate, is said in the pane.
 */
import { useEffect, useState } from 'react';
import type { CriteriaSet } from '../core/criteria';
import { App, LoadError } from './App';
import type { PaneBackend } from './backend';

/** What the engine chunk gives the pane. */
export interface Engine {
  backend: PaneBackend;
  criteria: CriteriaSet;
}

export function Boot({ engine }: { engine: () => Promise<Engine> }) {
  const [ready, setReady] = useState<Engine | null>(null);
  const [failed, setFailed] = useState<LoadError | null>(null);
  useEffect(() => {
    let live = true;
    engine().then(
      (e) => live && setReady(e),
      (e: unknown) => {
        console.error(e);
        if (live) setFailed(e instanceof CriteriaError ? 'errorCriteria' : 'errorLoading');
      },
    );
    return () => {
      live = false;
    };
  }, [engine]);
  return <App backend={ready?.backend ?? null} criteria={ready?.criteria ?? null} {...(failed ? { loadError: failed } : {})} />;
}

/** The bundled criteria set did not validate (a broken build, never a user's mistake). */
export class CriteriaError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'CriteriaError';
  }
}
