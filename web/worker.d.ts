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

/** A described pool, turned into requests in the worker (deterministic for a seed). The worker
 * checks each field against the page's bounds and answers `error` (its field named) past one. */
export interface GeneratedPool {
  /** Requests, 1 to 1,000,000. */
  count: number;
  /** Distinct owners the requests are spread over, 1 to 1,000,000. */
  owners: number;
  /** Each request's units, a whole number from unitsMin to unitsMax (at most cbm.limits().unitsPerActivation). */
  unitsMin: number;
  unitsMax: number;
  /** Days the requests are spread over, evenly: 0 to 36,500. */
  spreadDays: number;
  /** The share of the requests that come in bursts, percent (0 to 100). */
  burstShare: number;
  /** How many bursts (each: requests at one second), 0 to 10,000; at least 1 with a burstShare. */
  bursts: number;
  /** 0 to 2^31. */
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
  /** Seconds to simulate: a whole number from 1 to 100 years' (3,153,600,000). */
  horizon: number;
}

/** Runs a scenario's JSON text: a list of requests, or { activations, horizon?, rules? } (as
 * `cbmcalc simulate` reads it: a number too long for a double, an id or an owner say, is read as
 * the text written). At most 1,000,000 requests. */
export interface PoolRunJson extends PoolRunBase {
  source: 'json';
  json: string;
  /** Seconds to simulate, unless the scenario says. */
  horizon?: number;
}

/** Runs a file of such JSON, read in the worker with progress: UTF-8 (a byte order mark or not)
 * or UTF-16 with its mark; any other bytes are refused ("pool.json: is not UTF-8 text ..."). */
export interface PoolRunFile extends PoolRunBase {
  source: 'file';
  /** At most 256 MB. */
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
  /** Default 20; at most 1000. */
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

/** A run or a request that failed, or a message the worker does not take (not an object, an
 * unknown type, a number out of bounds): a CbmError's fields (INTERNAL for any other error). */
export interface PoolErrorMessage {
  type: 'error';
  /** The message's id; null when it had none (a number or a string). */
  id: PoolRunId | null;
  message: string;
  /** "" when no field is to blame; "json" for the scenario's text as a whole. */
  field: string;
  code: CbmErrorCode;
  problem: CbmProblem | null;
}

/** An owner of the finished run. */
export interface PoolOwnerRow {
  owner: string;
  /** The name to show: its control and invisible characters as escapes ("\u{200B}"). */
  label: string;
  /** It looks like another owner's name: they differ only in invisible characters, spaces or
   * Unicode form (NFC and NFD "José"). */
  lookalike: boolean;
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
