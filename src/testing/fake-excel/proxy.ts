/**
 * The generic part of the fake: proxies, the command queue and `sync()`, as Office.js has them.
 *
 * - Every API object is a proxy bound to a path; it is resolved on the "server" (the model) at the
 *   sync that follows its creation, in queue order (so `add` then `getItem` in one batch works,
 *   and `getItem` of a missing sheet fails that sync with ItemNotFound).
 * - `load()` queues a load; loaded values are readable only after the sync. Reading a property
 *   that was never loaded throws PropertyNotLoaded; a ClientResult's `value` before its sync
 *   throws ValueNotLoaded. `isNullObject` is known after the sync that resolved the object.
 * - Property sets and methods are queued and take effect at `sync()`. Like Office.js, a set also
 *   updates the proxy's local copy.
 * - Anything derived from a null object is a null object; loading from one gives undefined;
 *   writing to one fails the sync (ItemNotFound) — a real add-in must not rely on either.
 * - A sync whose request (≈ bytes of arguments and values) or response (≈ bytes of loaded
 *   values) is over the limit fails with Request/ResponsePayloadSizeLimitExceeded, as Excel on
 *   the web does at 5 MB; a request is rejected before anything runs.
 * - Like Excel, a batch is not a transaction: the commands before a failing one stay applied.
 * - Failure modes of the real Excel can be injected per sync (see FakeFault): a batch refused
 *   while the person edits a cell, a sync that never answers, a failure half-way through a batch,
 *   `values` coming back null for a huge range, or something changing the workbook just before
 *   the sync runs (a co-author deleting or protecting a sheet).
 */
import { FakeErrorCode, FakeOfficeError } from './errors';

export interface FakeLimits {
  /** Largest request of one sync, bytes (≈ JSON of every argument and written value). Default 5 MB. */
  maxRequestBytes: number;
  /** Largest response of one sync, bytes (≈ JSON of every loaded value). Default 5 MB. */
  maxResponseBytes: number;
  /** Largest range whose cell data one load may read (Excel: 5,000,000 cells). */
  maxGetCells: number;
  /** Longest address string getRanges accepts (Excel: 8,192 characters). */
  maxAddressLength: number;
}

export const DEFAULT_LIMITS: FakeLimits = {
  maxRequestBytes: 5 * 1024 * 1024,
  maxResponseBytes: 5 * 1024 * 1024,
  maxGetCells: 5_000_000,
  maxAddressLength: 8192,
};

export interface FakeCounters {
  /** context.sync() calls (failed ones included). */
  syncs: number;
  /** Proxy objects created (navigation properties and collection items included). */
  proxies: number;
  /** load() calls. */
  loads: number;
  /** Property sets and mutating method calls. */
  writes: number;
  /** Every API method call (load and the getters that return objects included). */
  calls: number;
}

/** One queued command, as recorded in the log once its sync ran. */
export interface FakeLogEntry {
  /** 1-based index of the sync that ran it. */
  sync: number;
  kind: 'set' | 'call' | 'load';
  /** The proxy's type ("Range", "RangeAreas", "RangeFill", "Worksheet", …). */
  type: string;
  /** Property or method name. */
  member: string;
  /** The address (or sheet name) the command applied to, when it has one. */
  target?: string;
  write: boolean;
}

export interface FakeSyncRecord {
  index: number;
  requestBytes: number;
  responseBytes: number;
  commands: number;
  writes: number;
  error?: string;
}

/**
 * A failure of the real Excel, injected into one sync:
 * - `refuse`: the whole batch is refused before anything runs (InvalidOperationInCellEditMode
 *   while the person edits a cell; RequestPayloadSizeLimitExceeded);
 * - `hang`: the sync never answers (nothing runs; the promise never settles);
 * - `fail-after`: the first `commands` commands run (loads and writes, not proxy creation),
 *   then the batch fails with `code` (what ran stays applied, as in Excel);
 * - `null-values`: `values` of every Range of at least `minCells` cells comes back null, as
 *   Excel does for some very large ranges;
 * - `before`: `run` changes the workbook first (a co-author deletes or protects a sheet), then the
 *   sync runs normally.
 */
export type FakeFault =
  | { kind: 'refuse'; code: FakeErrorCode }
  | { kind: 'hang' }
  | { kind: 'fail-after'; commands: number; code: FakeErrorCode }
  | { kind: 'null-values'; minCells?: number }
  | { kind: 'before'; run: () => void };

/** What a fault rule sees of the sync about to run. */
export interface FakeSyncInfo {
  /** 1-based index of the sync. */
  index: number;
  /** Commands queued (proxy creation excluded). */
  commands: number;
  /** Write commands queued. */
  writes: number;
  requestBytes: number;
}

export interface FakeFaultRule {
  fault: FakeFault;
  /** Which sync the fault hits (default: the next one). */
  when: (sync: FakeSyncInfo) => boolean;
  /** How many syncs it hits before it is used up (default 1). */
  times: number;
}

/** What all contexts of one fake share: the counters, the log, the limits. */
export interface FakeEngineBase {
  counters: FakeCounters;
  log: FakeLogEntry[];
  syncLog: FakeSyncRecord[];
  limits: FakeLimits;
  /** Injected failures, consulted at every sync (first matching rule wins). */
  faults?: FakeFaultRule[];
  /** Called after every sync that ran commands (succeeded or failed): the event hub delivers change events. */
  afterSync?: (index: number) => void;
  /** Objects derived from a null object: null objects too ('null', default) or a failed sync ('fail'). See FakeObject.child. */
  nullObjectChains?: 'null' | 'fail';
}

export interface Batch {
  /** Publishes a loaded value after the sync succeeds, counting its size in the response. */
  publish(bytes: number, apply: () => void): void;
  syncIndex: number;
  /** An injected `null-values` fault: Range.values of at least this many cells loads as null. */
  nullValuesFrom?: number;
}

/** What the core needs of any proxy, whatever its target type. */
export interface ProxyLike {
  readonly _typeName: string;
  readonly context: FakeRequestContextBase;
  _resolve(): unknown;
  _publishNull(): void;
  _describe(): string | undefined;
  _load(paths: string[] | null, batch: Batch): void;
}

interface Command {
  kind: 'instantiate' | 'load' | 'set' | 'call';
  obj: ProxyLike;
  member: string;
  bytes: number;
  write: boolean;
  run: (batch: Batch) => void;
}

export function jsonSize(v: unknown): number {
  if (v === undefined) return 0;
  if (typeof v === 'string') return v.length + 2;
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v).length;
  if (Array.isArray(v)) {
    let n = 2;
    for (const x of v) n += jsonSize(x) + 1;
    return n;
  }
  return JSON.stringify(v)?.length ?? 0;
}

export class FakeClientResult<T> {
  private loaded = false;
  private v: T | undefined;
  get value(): T {
    if (!this.loaded) throw new FakeOfficeError('ValueNotLoaded');
    return this.v as T;
  }
  /** @internal */
  _set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
}

export class FakeRequestContextBase {
  private queue: Command[] = [];
  private created: Array<ProxyLike> = [];
  /** Proxies made while a sync runs (loaded navigation properties, collection items). */
  private during: Array<ProxyLike> | null = null;
  /**
   * Excel.run({ delayForCellEdit: true }, batch) (ExcelApi 1.11, Excel.RunOptions: "Determines
   * whether Excel will delay the batch request until the user exits cell edit mode"): a sync the
   * person's cell edit would refuse waits instead (the injected refusal is used up, then it runs).
   */
  delayForCellEdit = false;
  constructor(readonly engine: FakeEngineBase) {}

  /** @internal Commands queued since the last sync, proxies' instantiation excluded. */
  _pending(): number {
    return this.queue.filter((c) => c.kind !== 'instantiate').length;
  }
  /** @internal */
  _enqueue(c: Command): void {
    this.queue.push(c);
  }
  /** @internal */
  _created(o: ProxyLike, argBytes: number): void {
    this.engine.counters.proxies++;
    if (this.during) {
      this.during.push(o);
      return;
    }
    this.created.push(o);
    this.queue.push({ kind: 'instantiate', obj: o, member: '', bytes: 16 + argBytes, write: false, run: () => void o._resolve() });
  }

  sync(): Promise<void> {
    const engine = this.engine;
    engine.counters.syncs++;
    const index = engine.counters.syncs;
    const commands = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    let requestBytes = 0;
    for (const c of commands) requestBytes += c.bytes;
    const record: FakeSyncRecord = { index, requestBytes, responseBytes: 0, commands: commands.length, writes: commands.filter((c) => c.write).length };
    engine.syncLog.push(record);
    const fault = takeFault(engine, { index, commands: commands.filter((c) => c.kind !== 'instantiate').length, writes: record.writes, requestBytes });
    if (fault?.kind === 'before') fault.run();
    if (fault?.kind === 'hang') {
      record.error = 'hang';
      return new Promise<void>(() => undefined);
    }
    if (fault?.kind === 'refuse' && fault.code === 'InvalidOperationInCellEditMode' && this.delayForCellEdit) {
      // Waits for the person to leave the cell, then runs.
      return new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => {
        this.queue = commands.concat(this.queue);
        this.created = created.concat(this.created);
        engine.syncLog.pop();
        engine.counters.syncs--;
        return this.sync();
      });
    }
    if (fault?.kind === 'refuse') {
      record.error = fault.code;
      return Promise.reject(new FakeOfficeError(fault.code, 'injected'));
    }
    if (requestBytes > engine.limits.maxRequestBytes) {
      record.error = 'RequestPayloadSizeLimitExceeded';
      return Promise.reject(new FakeOfficeError('RequestPayloadSizeLimitExceeded', `${requestBytes} bytes in one request; the limit is ${engine.limits.maxRequestBytes}`));
    }
    const publishers: Array<() => void> = [];
    const batch: Batch = {
      syncIndex: index,
      publish(bytes, apply) {
        record.responseBytes += bytes;
        publishers.push(apply);
      },
    };
    if (fault?.kind === 'null-values') batch.nullValuesFrom = fault.minCells ?? 0;
    let ran = 0;
    this.during = created;
    try {
      for (const c of commands) {
        if (fault?.kind === 'fail-after' && c.kind !== 'instantiate' && ran >= fault.commands) throw new FakeOfficeError(fault.code, 'injected');
        c.run(batch);
        if (c.kind !== 'instantiate') {
          ran++;
          const entry: FakeLogEntry = { sync: index, kind: c.kind, type: c.obj._typeName, member: c.member, write: c.write };
          const target = c.obj._describe();
          if (target !== undefined) entry.target = target;
          engine.log.push(entry);
        }
      }
    } catch (e) {
      record.error = e instanceof FakeOfficeError ? e.code : String(e);
      return Promise.reject(e);
    } finally {
      this.during = null;
      // What ran changed the workbook, whether the batch then failed or not.
      engine.afterSync?.(index);
    }
    if (record.responseBytes > engine.limits.maxResponseBytes) {
      record.error = 'ResponsePayloadSizeLimitExceeded';
      return Promise.reject(new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `${record.responseBytes} bytes in one response; the limit is ${engine.limits.maxResponseBytes}`));
    }
    for (const o of created) o._publishNull();
    for (const p of publishers) p();
    return Promise.resolve();
  }
}

/** The first injected fault whose rule matches this sync (used up after `times` hits). */
function takeFault(engine: FakeEngineBase, info: FakeSyncInfo): FakeFault | undefined {
  const rules = engine.faults;
  if (!rules?.length) return undefined;
  const i = rules.findIndex((r) => r.when(info));
  if (i < 0) return undefined;
  const rule = rules[i]!;
  if (--rule.times <= 0) rules.splice(i, 1);
  return rule.fault;
}

/** A load path: "values", "format/fill/color", "items/name". */
export type LoadSpec = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(spec: LoadSpec): string[] | null {
  if (spec === undefined) return null;
  const list = typeof spec === 'string' ? [spec] : Array.isArray(spec) ? spec : spec.select === undefined ? null : typeof spec.select === 'string' ? [spec.select] : spec.select;
  if (list === null) return null;
  return list.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

/**
 * A proxy. Subclasses declare their scalar properties (`_scalars`), navigation properties
 * (`_navigation`), and queue their sets and methods through `_setProperty` / `_invoke`.
 */
export abstract class FakeObject<T> {
  abstract readonly _typeName: string;
  private resolved = false;
  private target: T | null = null;
  private nullKnown: boolean | undefined;
  protected readonly local = new Map<string, unknown>();
  private readonly navCache = new Map<string, ProxyLike>();

  constructor(
    readonly context: FakeRequestContextBase,
    private readonly resolver: () => T | null,
    argBytes = 0,
  ) {
    context._created(this, argBytes);
  }

  /** @internal Resolves the object on the model (once). Throws like Excel when it cannot. */
  _resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }
  /** @internal */
  _publishNull(): void {
    if (this.resolved) this.nullKnown = this.target === null;
  }
  /** @internal A short description of the target for the log. */
  _describe(): string | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullKnown === undefined) throw new FakeOfficeError('PropertyNotLoaded', `${this._typeName}.isNullObject before context.sync()`);
    return this.nullKnown;
  }

  /** Scalar property names and how to read them from the target. */
  protected abstract _scalars(): Record<string, (t: T) => unknown>;
  /** Navigation property names → the proxy (created on first use). */
  protected _navigation(): Record<string, () => ProxyLike> {
    return {};
  }

  /** A navigation property's proxy, created once. */
  protected nav<O extends ProxyLike>(name: string, make: () => O): O {
    let o = this.navCache.get(name);
    if (!o) this.navCache.set(name, (o = make()));
    return o as O;
  }

  /** Reads a property: only after load + sync (or after the add-in set it). */
  protected prop<V>(name: string): V {
    if (this.local.has(name)) return this.local.get(name) as V;
    if (this.nullKnown === true) return undefined as V;
    throw new FakeOfficeError('PropertyNotLoaded', `${this._typeName}.${name} was not loaded`);
  }

  /**
   * A child proxy resolved from this one. When this is a null object, what Excel does is not
   * documented ("…OrNullObject methods and properties": the null object's own properties read null;
   * nothing is said of objects derived from it): the fake answers a null object too ('null',
   * the default), or fails the sync with InvalidObjectPath ('fail', createFakeExcel's
   * nullObjectChains) — the product must work either way; the self-check asks the real Excel.
   */
  protected child<C>(resolve: (t: T) => C | null): () => C | null {
    return () => {
      const t = this._resolve();
      if (t === null && this.context.engine.nullObjectChains === 'fail')
        throw new FakeOfficeError('InvalidObjectPath', `an object derived from a null ${this._typeName}`, `${this._typeName} (null object)`);
      return t === null ? null : resolve(t);
    };
  }

  load(spec?: LoadSpec): this {
    const engine = this.context.engine;
    engine.counters.loads++;
    engine.counters.calls++;
    const paths = loadPaths(spec);
    this.context._enqueue({ kind: 'load', obj: this, member: paths ? paths.join(',') : '*', bytes: 24 + (paths?.join(',').length ?? 0), write: false, run: (b) => this._load(paths, b) });
    return this;
  }

  /** @internal Runs a load inside a sync. */
  _load(paths: string[] | null, batch: Batch): void {
    const t = this._resolve();
    const scalars = this._scalars();
    const navs = this._navigation();
    const names = paths ?? Object.keys(scalars);
    const byNav = new Map<string, string[]>();
    for (const p of names) {
      const [head = '', ...rest] = p.split('/');
      if (Object.prototype.hasOwnProperty.call(scalars, head) && rest.length === 0) {
        if (t === null) continue;
        if (head === 'values' && batch.nullValuesFrom !== undefined && this._typeName === 'Range' && Number(scalars.cellCount?.(t) ?? 0) >= batch.nullValuesFrom) {
          // Excel's answer for some very large ranges: no values at all.
          batch.publish(8, () => this.local.set(head, null));
          continue;
        }
        const value = clone(scalars[head]!(t));
        batch.publish(jsonSize(value) + head.length + 4, () => this.local.set(head, value));
      } else if (Object.prototype.hasOwnProperty.call(navs, head)) {
        let list = byNav.get(head);
        if (!list) byNav.set(head, (list = []));
        if (rest.length) list.push(rest.join('/'));
      } else {
        throw new FakeOfficeError('InvalidArgument', `${this._typeName} has no property ${JSON.stringify(head)} to load`);
      }
    }
    for (const [name, rest] of byNav) {
      const o = this.nav(name, navs[name]!);
      o._load(rest.length ? rest : null, batch);
    }
  }

  /** Queues a property set; updates the local copy like Office.js. */
  protected setProperty(name: string, value: unknown, apply: (t: T, v: unknown) => void): void {
    const engine = this.context.engine;
    engine.counters.writes++;
    this.local.set(name, clone(value));
    const copy = clone(value);
    this.context._enqueue({
      kind: 'set',
      obj: this,
      member: name,
      bytes: 24 + name.length + jsonSize(copy),
      write: true,
      run: () => {
        const t = this._resolve();
        if (t === null) throw new FakeOfficeError('ItemNotFound', `set ${this._typeName}.${name} on a null object`);
        apply(t, copy);
      },
    });
  }

  /** Queues a method that changes the workbook (or, with a result, returns a value at sync). */
  protected invoke<R>(name: string, args: unknown[], apply: (t: T) => R, options: { write: boolean; result?: FakeClientResult<R> }): void {
    const engine = this.context.engine;
    engine.counters.calls++;
    if (options.write) engine.counters.writes++;
    this.context._enqueue({
      kind: 'call',
      obj: this,
      member: name,
      bytes: 24 + name.length + jsonSize(args),
      write: options.write,
      run: (b) => {
        const t = this._resolve();
        if (t === null) {
          if (options.write) throw new FakeOfficeError('ItemNotFound', `${this._typeName}.${name}() on a null object`);
          return;
        }
        const r = apply(t);
        const result = options.result;
        if (result) b.publish(jsonSize(r), () => result._set(r));
      },
    });
  }

  /** Counts a method that returns a proxy (getItem, getRange, …). */
  protected counted(): void {
    this.context.engine.counters.calls++;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.local);
  }
}

function clone<V>(v: V): V {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(clone) as V;
  return JSON.parse(JSON.stringify(v)) as V;
}
