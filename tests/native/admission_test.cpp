// SPEC 2 as a unit: verification, owners and the queue, without the engine.
#include "admission.hpp"

#include <doctest/doctest.h>

#include <cmath>

#include "input_error.hpp"

namespace {
cbm::PoolScenario requests(
    const std::vector<std::tuple<const char*, const char*, double, double>>& rows) {
  cbm::PoolScenario s;
  for (const auto& [id, owner, units, at] : rows) {
    s.ids.push(id);
    s.owners.push(owner);
    s.units.values.push_back(units);
    s.requestedAt.values.push_back(at);
  }
  return s;
}
}  // namespace

TEST_CASE("admission: first in, first out, ties in input order, N a second, up to the horizon") {
  const cbm::PoolScenario s = requests({
      {"a", "x", 1, 5},   // served 5
      {"b", "y", 2, 0},   // served 0
      {"c", "x", 3, 0},   // served 0 (two a second)
      {"d", "z", 4, 0},   // served 1
      {"e", "y", 0, 0},   // rejected: no units
      {"b", "z", 1, 0},   // rejected: the id of b
      {"f", "w", 1, 50},  // still queued at the horizon (10)
  });
  const cbm::Admission a = cbm::admit(s, 2, 10);
  CHECK(a.activatedAt == std::vector<cbm::Seconds>{5, 0, 0, 1, -1, -1, -1});
  CHECK(a.waitSeconds == std::vector<cbm::Seconds>{0, 0, 0, 1, -1, -1, -1});
  REQUIRE(a.rejected.size() == 2);
  CHECK(a.rejected[0].index == 4);
  CHECK(a.rejected[1].reason == "activations[5].id: duplicates the id of activations[1]: \"b\"");
  // Owners by first appearance among the accepted: x, y, z, w.
  REQUIRE(a.owners.size() == 4);
  CHECK(a.owners[0].firstIndex == 0);
  CHECK(a.owners[0].activations == 2);
  CHECK(a.owners[0].units == 4);
  CHECK(a.owners[2].firstIndex == 3);
  CHECK(a.ownerOf[2] == 0);
  CHECK(a.ownerOf[6] == 3);
  // In mining order: b, c (second 0, mining from 1), d, a.
  REQUIRE(a.served.size() == 4);
  CHECK(a.served[0].request == 1);
  CHECK(a.served[1].request == 2);
  CHECK(a.served[2].start == 2);
  CHECK(a.served[3].request == 0);
  CHECK(a.served[3].owner == 0);
  CHECK(a.queue.served == 4);
  CHECK(a.queue.maxWait == 1);
  CHECK(a.queue.meanWait == 0.25);
  CHECK(a.queue.lastActivatedAt == 5);
}

TEST_CASE("admission: columns of different lengths are an error of the scenario") {
  cbm::PoolScenario s = requests({{"a", "x", 1, 0}});
  s.units.values.push_back(2);
  CHECK_THROWS_WITH(cbm::admit(s, 1, 10),
                    "activations: the columns of the scenario have different lengths");
}

TEST_CASE("admission: the queue's order holds whichever 16-bit digit the times differ in") {
  // A late request given first, then an early one whose low 16 bits are larger: ordered by the
  // whole time, the early one is served at 20 and the late one at its own time (if before the
  // horizon, else it stays queued); ordered by any part of the time alone, the late one first.
  const cbm::Seconds horizon = cbm::kMaxSeconds;
  for (const int bit : {16, 17, 31, 32, 33, 47, 48, 49, 52}) {
    const double late = std::ldexp(1.0, bit) + 10;
    INFO("the late request at 2^" << bit << " + 10");
    const cbm::Admission a =
        cbm::admit(requests({{"late", "x", 1, late}, {"early", "y", 1, 20}}), 1, horizon);
    const cbm::Seconds lateAt =
        late < static_cast<double>(horizon) ? static_cast<cbm::Seconds>(late) : -1;
    CHECK(a.activatedAt == std::vector<cbm::Seconds>{lateAt, 20});
  }
}

TEST_CASE("admission: more than 20,000,000 requests are refused before anything else is read") {
  // The ids alone (empty ones: no text to store), the other columns not even given.
  cbm::PoolScenario s;
  s.ids.ends.assign(20'000'001, 0);
  CHECK_THROWS_WITH_AS(cbm::admit(s, 1, 10),
                       "activations: at most 20000000 activations per simulation, got \"20000001\"",
                       cbm::InputError);
  s.ids.ends.pop_back();  // at the limit: the columns' lengths are checked next
  CHECK_THROWS_WITH_AS(cbm::admit(s, 1, 10),
                       "activations: the columns of the scenario have different lengths",
                       cbm::InputError);
}
