// SPEC 2: the pool's first part. Verification (each request accepted or rejected with a reason),
// the owners by first appearance, and the activation queue: first in, first out by requestedAt,
// ties in input order, at most activationsPerSecond a second.
#pragma once

#include <cstdint>
#include <vector>

#include "pool.hpp"

namespace cbm {

/// A request the queue served before the horizon, in mining order.
struct ServedRequest {
  std::uint32_t request;  //!< its index in the input
  std::uint32_t owner;    //!< its owner's index in Admission::owners
  std::int64_t units;
  Seconds start;  //!< miningStart: the second after the one it was served in
};

struct Admission {
  std::vector<PoolResult::Rejection> rejected;
  std::vector<PoolResult::Owner> owners;  //!< of accepted requests; rewards still 0
  std::vector<std::uint32_t> ownerOf;     //!< owner index of each request (0 if rejected)
  std::vector<Seconds> activatedAt;       //!< per request; -1 if rejected or still queued
  std::vector<Seconds> waitSeconds;       //!< per request; -1 as activatedAt
  PoolResult::Queue queue;
  std::vector<ServedRequest> served;
};

namespace detail {
constexpr std::uint32_t kNoIndex = 0xffffffff;
/// For each index i of `among` (increasing), the first index of `among` whose string in
/// `column` equals column.at(i); kNoIndex at the indices not in `among`.
std::vector<std::uint32_t> firstOccurrences(const TextColumn& column,
                                            const std::vector<std::uint32_t>& among);
}  // namespace detail

/// Verifies the scenario's request columns and queues the accepted requests up to `horizon`.
/// InputError("activations", ...) when the columns disagree in length or exceed the limit.
Admission admit(const PoolScenario& scenario, int activationsPerSecond, Seconds horizon);

}  // namespace cbm
