// A pool run's files, CSV and JSON, written in pieces of text: the page's worker saves them as
// a Blob, the command line (bin/cbmcalc.js) writes them to stdout. One writer for both, so a
// file from either reads the same.
import { csvLine } from './export.js';
import { requestAt, requestCount } from './pool-scenario.js';
import { lookalikes } from './visible-text.js';

const PIECE = 10000; // rows per piece: a million activations would not fit one string comfortably

/** For each request, its row in result.activations, or -1 if it was rejected. */
export function rowsByRequest(input, result) {
  const rowOf = new Int32Array(requestCount(input.activations)).fill(-1);
  result.activations.index.forEach((i, k) => (rowOf[i] = k));
  return rowOf;
}

/** One row per owner, as the core counted them: activations, units and reward, and whether
 * the name looks like another owner's (lookalikes()). */
export function ownerRows(result) {
  const { owner, activations, units, reward, share } = result.ownerColumns;
  const lookalike = lookalikes(owner);
  return owner.map((name, k) => ({
    owner: name,
    activations: activations[k],
    units: units[k],
    unitsNumber: Number(units[k]), // for sorting
    reward: reward[k],
    share: share[k],
    lookalike: lookalike[k] === 1,
  }));
}

/** The columns the owners sort by. */
export const ownerSorts = ['owner', 'activations', 'units', 'reward', 'share'];

const ownerNames = new Intl.Collator('en', { numeric: true });

/** The orders of the owners' table, by column. Floats sort; equal floats are settled exactly by
 * the core (rare: only ties reach it). */
export function ownerOrders(cbm) {
  const compare = (a, b) => cbm.compareAmounts(a, b);
  // A share is the reward over one total: the two sort alike.
  const byReward = (a, b) => a.share - b.share || compare(a.reward, b.reward);
  return {
    owner: (a, b) => ownerNames.compare(a.owner, b.owner), // natural order: owner-9 before owner-10
    activations: (a, b) => a.activations - b.activations,
    units: (a, b) => a.unitsNumber - b.unitsNumber || compare(a.units, b.units),
    reward: byReward,
    share: byReward,
  };
}

/** ownerRows' rows sorted by a column (`sort`, default the reward), ties by name. */
export function sortOwners(owners, cbm, sort, descending) {
  const orders = ownerOrders(cbm);
  const order = Object.hasOwn(orders, sort) ? orders[sort] : orders.reward;
  return [...owners].sort((a, b) => (descending ? order(b, a) : order(a, b)) || orders.owner(a, b));
}

/** The CSV file: a line per request in input order, its outcome beside it (the rejected with
 * their reason). `run`: { input, result, rowOfRequest } (rowsByRequest's). */
export function* poolCsv({ input, result, rowOfRequest }) {
  yield csvLine(['id', 'owner', 'units', 'requested_at', 'activated_at', 'mining_start', 'wait_seconds', 'reward', 'rejected_reason']);
  // Rejections come in input order too: the k-th rejected request gets the k-th reason.
  const reasons = result.rejected.map((r) => r.reason);
  let k = 0;
  let lines = [];
  for (let i = 0; i < rowOfRequest.length; i++) {
    const request = requestAt(input.activations, i);
    const row = rowOfRequest[i];
    const a = row >= 0 ? result.activations.at(row) : null;
    const reason = a ? '' : reasons[k++];
    lines.push(
      csvLine([request.id, request.owner, request.units, request.requestedAt, a?.activatedAt, a?.miningStart, a?.wait, a?.reward, reason]),
    );
    if (lines.length === PIECE) {
      yield lines.join('');
      lines = [];
    }
  }
  yield lines.join('');
}

/** The JSON file: the run's settings and totals, the owners, then every accepted activation.
 * `run`: { input, result, owners (ownerRows') }; `version`: the module's. */
export function* poolJson({ input, result, owners }, version) {
  // The owners as richer rows below; the columns for charts are not part of the file.
  const { activations, owners: _rewardsByOwner, ownerColumns: _owners, seriesColumns: _chart, ...totals } = result;
  const head = { generator: `cbmcalc ${version}`, horizon: input.horizon, rules: input.rules ?? {}, ...totals };
  yield '{\n';
  for (const [key, value] of Object.entries(head)) yield `${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
  const ownerTable = Object.fromEntries(owners.map((o) => [o.owner, { activations: o.activations, units: o.units, reward: o.reward }]));
  yield `"owners": ${JSON.stringify(ownerTable)},\n"activations": [\n`;
  for (let i = 0; i < activations.length; i += PIECE) {
    const rows = [];
    for (let k = i; k < Math.min(i + PIECE, activations.length); k++) rows.push(JSON.stringify(activations.at(k)));
    yield rows.join(',\n') + (i + PIECE >= activations.length ? '\n' : ',\n');
  }
  yield ']}\n';
}
