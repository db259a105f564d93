// The message protocol of worker.js, the module worker for long pool runs: what to post to it
// (PoolWorkerRequest) and what it posts back (PoolWorkerMessage). One run at a time; a new run
// or a cancel aborts the current one, and the worker stays ready for the next. The full result
// stays in the worker: ask it for pages of owners and for export files. Needs the DOM (or
// WebWorker) lib, for Blob.
//
//   const worker = new Worker(import.meta.resolve('cbmcalc/worker'), { type: 'module' });
//   worker.onmessage = ({ data }: MessageEvent<PoolWorkerMessage>) => data.type === 'done' && show(data.summary);
//   worker.postMessage({ type: 'run', id: 1, source: 'json', json } satisfies PoolWorkerRequest);
import type { CbmErrorCode, CbmProblem, Decimal, PoolRules, PoolTotals, RejectedRequest } from './lib/cbmcalc.js';

/** The caller's name for a run: every message about it carries it back. */
export type PoolRunId = number | string;

/** A described pool, turned into requests in the worker (deterministic for a seed). */
export interface GeneratedPool {
  /** Requests. */
  count: number;
  /** Distinct owners the requests are spread over. */
  owners: number;
  /** Each request's units, a whole number from unitsMin to unitsMax. */
  unitsMin: number;
  unitsMax: number;
  /** Days the requests are spread over, evenly. */
  spreadDays: number;
  /** The share of the requests that come in bursts, percent. */
  burstShare: number;
  /** How many bursts (each: requests at one second). */
  bursts: number;
  seed: number;
}

/** What every run request has. */
export interface PoolRunBase {
  type: 'run';
  id: PoolRunId;
  /** The pool rules (a JSON scenario's own win). */
  rules?: PoolRules;
}

/** Runs a described pool. */
export interface PoolRunGenerated extends PoolRunBase {
  source: 'generate';
  params: GeneratedPool;
  /** Seconds to simulate. */
  horizon: number;
}

/** Runs a scenario's JSON text: a list of requests, or { activations, horizon?, rules? } (as
 * `cbmcalc simulate` reads it). */
export interface PoolRunJson extends PoolRunBase {
  source: 'json';
  json: string;
  /** Seconds to simulate, unless the scenario says. */
  horizon?: number;
}

/** Runs a file of such JSON, read in the worker with progress. */
export interface PoolRunFile extends PoolRunBase {
  source: 'file';
  file: Blob;
  /** Seconds to simulate, unless the scenario says. */
  horizon?: number;
}

/** Starts a run (aborting the one under way). */
export type PoolRunRequest = PoolRunGenerated | PoolRunJson | PoolRunFile;

/** Aborts the run under way: it answers `cancelled`. */
export interface PoolCancelRequest {
  type: 'cancel';
  id: PoolRunId;
}

/** How the owners are sorted: by name (natural order: owner-9 before owner-10) or by a figure. */
export type PoolOwnerSort = 'owner' | 'activations' | 'units' | 'reward' | 'share';

/** Asks for a page of the finished run's owners: answers `owners`. */
export interface PoolOwnersRequest {
  type: 'owners';
  id: PoolRunId;
  /** Default "reward". */
  sort?: PoolOwnerSort;
  /** Default true. */
  descending?: boolean;
  /** Default 0. */
  offset?: number;
  /** Default 20. */
  limit?: number;
}

/** Asks for the finished run as a file: answers `file`, or `error` if that run is gone. */
export interface PoolExportRequest {
  type: 'export';
  id: PoolRunId;
  /** A line per request, or the whole run. */
  format: 'csv' | 'json';
}

/** What the worker accepts. */
export type PoolWorkerRequest = PoolRunRequest | PoolCancelRequest | PoolOwnersRequest | PoolExportRequest;

/** A run's progress: reading the file, building the requests (no fraction to speak of), then
 * simulating. */
export interface PoolProgressMessage {
  type: 'progress';
  id: PoolRunId;
  phase: 'read' | 'prepare' | 'simulate';
  /** 0 to 1. */
  fraction: number;
}

/** A finished run's totals, as explain("pool") takes them. */
export interface PoolRunTotals extends PoolTotals {
  /** Seconds simulated. */
  horizon: number;
  /** The run's rules ({} for the defaults). */
  rules: PoolRules;
  emitted: Decimal;
  distributed: Decimal;
  unallocated: Decimal;
  dust: Decimal;
  /** The requests given. */
  requests: number;
  accepted: number;
  rejected: number;
  /** The queue's longest wait, seconds. */
  maxWait: number;
}

/** A finished run's figures (the owners and the activations stay in the worker). */
export interface PoolRunSummary extends PoolRunTotals {
  /** The totals again, kept together for explain("pool"). */
  totals: PoolRunTotals;
  /** The first 100 rejected requests. */
  rejectedSample: RejectedRequest[];
  /** Distinct owners. */
  owners: number;
  /** Seconds. */
  meanWait: number;
  /** The second of the last activation (0: none). */
  lastActivation: number;
  /** The simulation's time, milliseconds. */
  elapsedMs: number;
  /** The series for a chart (moved to the receiver, not copied). */
  series: { t: Float64Array; poolPower: Float64Array; rate: Float64Array; activeUnits: Float64Array };
}

export interface PoolDoneMessage {
  type: 'done';
  id: PoolRunId;
  summary: PoolRunSummary;
}

export interface PoolCancelledMessage {
  type: 'cancelled';
  id: PoolRunId;
}

/** A run or a request that failed: a CbmError's fields (INTERNAL for any other error). */
export interface PoolErrorMessage {
  type: 'error';
  id: PoolRunId;
  message: string;
  /** "" when no field is to blame; "json" for the scenario's text as a whole. */
  field: string;
  code: CbmErrorCode;
  problem: CbmProblem | null;
}

/** An owner of the finished run. */
export interface PoolOwnerRow {
  owner: string;
  /** Accepted requests. */
  activations: number;
  units: Decimal;
  /** WFI. */
  reward: Decimal;
  /** Of the distributed emission, 0 to 1. */
  share: number;
}

/** A page of owners. */
export interface PoolOwnersMessage {
  type: 'owners';
  id: PoolRunId;
  rows: PoolOwnerRow[];
  /** All the owners; 0 (and no rows) when that run is not the finished one. */
  total: number;
  /** The page's first row; absent when that run is not the finished one. */
  offset?: number;
}

/** An export file. */
export interface PoolFileMessage {
  type: 'file';
  id: PoolRunId;
  /** "cbmcalc-pool.csv" or "cbmcalc-pool.json". */
  name: string;
  blob: Blob;
}

/** What the worker posts. */
export type PoolWorkerMessage =
  PoolProgressMessage | PoolDoneMessage | PoolCancelledMessage | PoolErrorMessage | PoolOwnersMessage | PoolFileMessage;
