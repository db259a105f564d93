// The accepted activations of a pool simulation, held as the columns the core returned: a
// million rows cost a few typed arrays and one string, and a row object exists only while
// someone looks at it.
//
//   for (const a of result.activations) ...     // { id, index, owner, activatedAt, miningStart, wait, reward }
//   result.activations.at(-1)                   // the last one
//   result.activations.activatedAt              // Float64Array, NaN where still queued
//   result.activations.reward                   // decimal strings

/** Strings end to end in one text, string i ending at ends[i]. */
export class TextColumn {
  #text;
  #ends;
  constructor(text, ends) {
    this.#text = text;
    this.#ends = ends;
  }
  get length() {
    return this.#ends.length;
  }
  at(i) {
    return this.#text.slice(i === 0 ? 0 : this.#ends[i - 1], this.#ends[i]);
  }
  toArray() {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

/** Picks the entries of `column` at the positions in `index` (same type of array). */
function gather(column, index) {
  const out = new column.constructor(index.length);
  for (let k = 0; k < index.length; k++) out[k] = column[index[k]];
  return out;
}

const orNull = (x) => (Number.isNaN(x) ? null : x);

export class ActivationRows {
  #index; // position in the input of each row (Uint32Array), or null: row k is request k
  #byRequest; // { id, owner, activatedAt, miningStart, wait, reward }, one entry per request
  #cache = new Map();

  constructor(index, byRequest) {
    this.#index = index;
    this.#byRequest = byRequest;
    this.length = index ? index.length : byRequest.id.length;
    Object.freeze(this);
  }

  /** Row k (a negative k counts from the end), or undefined. */
  at(k) {
    const row = Math.trunc(k) < 0 ? this.length + Math.trunc(k) : Math.trunc(k);
    if (!(row >= 0 && row < this.length)) return undefined;
    const i = this.#index ? this.#index[row] : row;
    const c = this.#byRequest;
    return {
      id: c.id[i],
      index: i,
      owner: c.owner[i],
      activatedAt: orNull(c.activatedAt[i]),
      miningStart: orNull(c.miningStart[i]),
      wait: orNull(c.wait[i]),
      reward: c.reward.at(i),
    };
  }

  *[Symbol.iterator]() {
    for (let k = 0; k < this.length; k++) yield this.at(k);
  }

  // The columns, one entry per row, built on first use.
  #column(name, build) {
    if (!this.#cache.has(name)) this.#cache.set(name, build());
    return this.#cache.get(name);
  }
  #numbers(name) {
    return this.#column(name, () => (this.#index ? gather(this.#byRequest[name], this.#index) : this.#byRequest[name]));
  }
  #strings(name) {
    return this.#column(name, () => {
      const all = this.#byRequest[name];
      return this.#index ? Array.from(this.#index, (i) => all[i]) : all.slice();
    });
  }
  /** Each row's position in the input (rejected requests have no row). */
  get index() {
    return this.#column('index', () => this.#index?.slice() ?? Uint32Array.from({ length: this.length }, (_, k) => k));
  }
  get id() {
    return this.#strings('id');
  }
  get owner() {
    return this.#strings('owner');
  }
  /** Float64Array: the second the queue served the request; NaN if still queued. */
  get activatedAt() {
    return this.#numbers('activatedAt');
  }
  get miningStart() {
    return this.#numbers('miningStart');
  }
  get wait() {
    return this.#numbers('wait');
  }
  /** The rewards as decimal strings. */
  get reward() {
    return this.#column('reward', () =>
      Array.from({ length: this.length }, (_, k) => this.#byRequest.reward.at(this.#index ? this.#index[k] : k)),
    );
  }

  // The array methods people reach for, over rows.
  toArray() {
    return Array.from(this);
  }
  toJSON() {
    return this.toArray();
  }
  map(f) {
    return Array.from(this, f);
  }
  forEach(f) {
    let k = 0;
    for (const row of this) f(row, k++, this);
  }
  filter(f) {
    return this.toArray().filter(f);
  }
  reduce(...args) {
    return this.toArray().reduce(...args);
  }
  find(f) {
    let k = 0;
    for (const row of this) if (f(row, k++, this)) return row;
    return undefined;
  }
  some(f) {
    return this.find(f) !== undefined;
  }
  every(f) {
    let k = 0;
    for (const row of this) if (!f(row, k++, this)) return false;
    return true;
  }
  slice(from, to) {
    return this.toArray().slice(from, to);
  }
}
