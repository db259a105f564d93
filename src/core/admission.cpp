#include "admission.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "input_error.hpp"
#include "parse.hpp"

namespace cbm {

namespace {

std::string fieldName(std::size_t index, const char* name) {
  return "activations[" + std::to_string(index) + "]." + name;
}

// A whole number from a bulk column: the double, or the text where the double is NaN.
std::int64_t wholeAt(const NumberColumn& column, std::size_t i, const char* name, std::int64_t min,
                     std::int64_t max) {
  const double value = column.values[i];
  if (std::isnan(value) && i < column.texts.size())
    return parseWhole(column.texts.at(i), fieldName(i, name), min, max);
  if (value >= static_cast<double>(min) && value <= static_cast<double>(max) &&
      value == std::floor(value))
    return static_cast<std::int64_t>(value);
  return wholeFromDouble(value, fieldName(i, name), min, max);
}

// A valid request is a ServedRequest in waiting: its `start` holds the second it was requested
// in until the queue serves it, then its mining start. (One vector for both: a million requests
// take 24 MB once, not twice.)
using Request = ServedRequest;

void checkColumns(const PoolScenario& s) {
  const std::size_t n = s.ids.size();
  activationCount(static_cast<double>(n));   // the one limit, the one message; first, cheap
  const bool ownIds = s.owners.size() == 0;  // each request its own owner
  if ((!ownIds && s.owners.size() != n) || s.units.values.size() != n ||
      s.requestedAt.values.size() != n ||
      (s.units.texts.size() != 0 && s.units.texts.size() != n) ||
      (s.requestedAt.texts.size() != 0 && s.requestedAt.texts.size() != n))
    throw InputError("activations", "the columns of the scenario have different lengths");
}

// SPEC 2: verification. Returns the valid requests (owner not yet set); the others go to
// `rejected`.
std::vector<Request> verify(const PoolScenario& s, Admission& out) {
  const std::size_t n = s.ids.size();
  std::vector<Request> valid;
  valid.reserve(n);
  std::vector<std::uint32_t> all(n);
  for (std::size_t i = 0; i < n; ++i) all[i] = static_cast<std::uint32_t>(i);
  const std::vector<std::uint32_t> firstWithId = detail::firstOccurrences(s.ids, all);
  all = {};
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view id = s.ids.at(i);
    Request request{};
    try {
      if (id.empty()) throw InputError(fieldName(i, "id"), "must not be empty", {"empty", {}});
      const std::uint32_t first = firstWithId[i];
      if (first != i)
        throw InputError(
            fieldName(i, "id"),
            "duplicates the id of activations[" + std::to_string(first) +
                "]: " + quote(std::string(id)),
            {"duplicate-id", {{"first", std::to_string(first)}, {"got", std::string(id)}}});
      request.units = wholeAt(s.units, i, "units", 1, kMaxUnitsPerActivation);
      request.start = wholeAt(s.requestedAt, i, "requestedAt", 0, kMaxRequestedAt);
    } catch (const InputError& e) {
      out.rejected.push_back({i, e.what()});
      continue;
    }
    request.request = static_cast<std::uint32_t>(i);
    valid.push_back(request);
  }
  return valid;
}

// Owners by first appearance among the accepted requests. (An accepted id is unique: as an
// owner's name it is new.)
void assignOwners(const PoolScenario& s, std::vector<Request>& valid, Admission& out) {
  const bool ownIds = s.owners.size() == 0;
  std::vector<std::uint32_t> firstWithOwner;
  if (!ownIds) {
    std::vector<std::uint32_t> accepted;
    accepted.reserve(valid.size());
    for (const Request& r : valid) accepted.push_back(r.request);
    firstWithOwner = detail::firstOccurrences(s.owners, accepted);
  }
  for (Request& request : valid) {
    const std::uint32_t i = request.request;
    const std::uint32_t first = ownIds ? i : firstWithOwner[i];
    if (first == i) {
      out.ownerOf[i] = static_cast<std::uint32_t>(out.owners.size());
      out.owners.push_back({i, 0, 0, 0});
    } else {
      out.ownerOf[i] = out.ownerOf[first];
    }
    PoolResult::Owner& owner = out.owners[out.ownerOf[i]];
    owner.activations += 1;
    owner.units += request.units;
    request.owner = out.ownerOf[i];
  }
}

// Sorts by requestedAt (`start` while waiting), keeping input order among equals: an LSD radix
// sort, 16 bits a pass (stable by construction, and several times faster than a comparison sort
// here).
void sortStable(std::vector<Request>& items) {
  const auto earlier = [](const Request& a, const Request& b) { return a.start < b.start; };
  if (std::is_sorted(items.begin(), items.end(), earlier)) return;  // the usual case
  std::int64_t largest = 0;
  for (const Request& v : items) largest = std::max(largest, v.start);
  std::vector<Request> buffer(items.size());
  std::vector<std::size_t> counts(1 << 16);
  for (int shift = 0; shift < 64 && (largest >> shift) > 0; shift += 16) {
    std::fill(counts.begin(), counts.end(), 0);
    for (const Request& v : items) ++counts[(v.start >> shift) & 0xffff];
    std::size_t offset = 0;
    for (std::size_t& c : counts) offset += std::exchange(c, offset);
    for (const Request& v : items) buffer[counts[(v.start >> shift) & 0xffff]++] = v;
    items.swap(buffer);
  }
}

// SPEC 2: first in, first out by requestedAt, ties in input order; at most `perSecond` a
// second. Served in second a, a request mines from a + 1.
void serve(std::vector<Request> valid, std::size_t perSecond, Seconds horizon, Admission& out) {
  sortStable(valid);
  Seconds previous = 0, waitTotal = 0;
  std::size_t served = 0;
  for (; served < valid.size(); ++served) {
    Request& request = valid[served];
    const Seconds requestedAt = request.start;
    Seconds a = requestedAt;
    if (served >= 1) a = std::max(a, previous);
    if (served >= perSecond)
      a = std::max(a, out.activatedAt[valid[served - perSecond].request] + 1);
    if (a >= horizon) break;  // this one and all after it are still queued at the horizon
    previous = out.activatedAt[request.request] = a;
    const Seconds wait = a - requestedAt;
    out.waitSeconds[request.request] = wait;
    waitTotal += wait;  // < 2^25 requests x 2^32 s: no overflow
    out.queue.maxWait = std::max(out.queue.maxWait, wait);
    out.queue.lastActivatedAt = a;  // served in order of time
    // (One served at horizon - 1 starts at the horizon: it mines nothing, but is in the last
    // sample.)
    request.start = miningStartOf(a);
  }
  valid.resize(served);
  out.served = std::move(valid);
  out.queue.served = served;
  if (served != 0)
    out.queue.meanWait = static_cast<double>(waitTotal) / static_cast<double>(served);
}

}  // namespace

std::vector<std::uint32_t> detail::firstOccurrences(const TextColumn& column,
                                                    const std::vector<std::uint32_t>& among) {
  // Hash every string, then split the (hash, index) pairs by the hash's top bits into buckets of
  // about 1,024 (a stable counting sort: indices stay in order within a bucket), and find the
  // repeats bucket by bucket in a small table that stays in the cache. A table over all the
  // strings at once would miss the cache on nearly every one of a million lookups.
  struct Entry {
    std::uint32_t hash, index;
  };
  const std::size_t n = among.size();
  int bits = 0;
  while (bits < 20 && (n >> bits) > 1024) ++bits;
  const int shift = 32 - bits;
  const auto bucketOf = [&](std::uint32_t hash) { return bits ? hash >> shift : 0; };
  std::vector<Entry> entries(n);
  std::vector<std::uint32_t> starts((std::size_t{1} << bits) + 1, 0);
  std::vector<std::uint32_t> hashes(n);
  for (std::size_t k = 0; k < n; ++k) {
    hashes[k] = static_cast<std::uint32_t>(std::hash<std::string_view>()(column.at(among[k])));
    ++starts[bucketOf(hashes[k]) + 1];
  }
  for (std::size_t b = 1; b < starts.size(); ++b) starts[b] += starts[b - 1];
  {
    std::vector<std::uint32_t> next(starts.begin(), starts.end() - 1);
    for (std::size_t k = 0; k < n; ++k)
      entries[next[bucketOf(hashes[k])]++] = {hashes[k], among[k]};
  }
  hashes = {};
  std::vector<std::uint32_t> first(column.size(), kNoIndex);
  std::vector<std::uint32_t> table;  // positions in `entries` + 1; 0: empty
  for (std::size_t b = 0; b + 1 < starts.size(); ++b) {
    const std::uint32_t from = starts[b], to = starts[b + 1];
    std::size_t size = 16;
    while (size < 2 * static_cast<std::size_t>(to - from)) size *= 2;
    table.assign(size, 0);
    const std::size_t mask = size - 1;
    for (std::uint32_t e = from; e < to; ++e) {
      const Entry entry = entries[e];
      const std::string_view text = column.at(entry.index);
      for (std::size_t slot = entry.hash & mask;; slot = (slot + 1) & mask) {
        if (table[slot] == 0) {
          table[slot] = e + 1;
          first[entry.index] = entry.index;
          break;
        }
        const Entry& seen = entries[table[slot] - 1];
        if (seen.hash == entry.hash && column.at(seen.index) == text) {
          first[entry.index] = seen.index;
          break;
        }
      }
    }
  }
  return first;
}

Admission admit(const PoolScenario& scenario, int activationsPerSecond, Seconds horizon) {
  checkColumns(scenario);
  const std::size_t n = scenario.ids.size();
  Admission out;
  out.ownerOf.assign(n, 0);
  out.activatedAt.assign(n, -1);
  out.waitSeconds.assign(n, -1);
  std::vector<Request> valid = verify(scenario, out);
  assignOwners(scenario, valid, out);
  serve(std::move(valid), static_cast<std::size_t>(activationsPerSecond), horizon, out);
  return out;
}

}  // namespace cbm
