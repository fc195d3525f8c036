/**
 * The pane while its scoring engine (engine.ts, a chunk of its own) arrives: the App is shown at
 * once with its actions waiting ("Đang tải…"), then given the backend and the criteria. When the
 * engine has already arrived as the pane first shows (it is fetched in parallel with the entry),
 * the App's first render has it: one render, not two. A chunk that does not load, or a bundled
 * criteria set that does not validate, is said in the pane.
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

export function Boot({ engine, arrived }: { engine: () => Promise<Engine>; arrived?: Engine | undefined }) {
  const [ready, setReady] = useState<Engine | null>(arrived ?? null);
  const [failed, setFailed] = useState<LoadError | null>(null);
  useEffect(() => {
    if (arrived) return;
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
  }, [engine, arrived]);
  return <App backend={ready?.backend ?? null} criteria={ready?.criteria ?? null} {...(failed ? { loadError: failed } : {})} />;
}

/** The bundled criteria set could not be read (a broken build, never a user's mistake: the tests validate it). */
export class CriteriaError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'CriteriaError';
  }
}
