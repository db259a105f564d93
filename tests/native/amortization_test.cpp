// SPEC 3: each amortization model through the one interface, against values worked by hand.
#include "amortization.hpp"

#include <doctest/doctest.h>

#include "rules.hpp"

namespace {
std::unique_ptr<cbm::AmortizationModel> model(cbm::Amortization amortization,
                                              cbm::Seconds lifetime) {
  cbm::PoolRuleChoices choices;
  choices.amortization = amortization;
  choices.lifetime = std::optional<cbm::Seconds>(lifetime);
  choices.halfLife = 10;
  return cbm::amortizationModel(cbm::poolRules(choices));
}
}  // namespace

TEST_CASE("amortization models: power, segment growth and shares worked by hand") {
  // 10 units started at 0 with a lifetime of 100 s: K = 100, units x K = 1000.
  const cbm::Holdings pool{10, 1000, cbm::DoubleDouble(10.0)};
  const auto none = model(cbm::Amortization::none, 100),
             linear = model(cbm::Amortization::linear, 100),
             exponential = model(cbm::Amortization::exponential, 100);
  CHECK(none->lifetimeEnd(0) == 0);
  CHECK(linear->lifetimeEnd(0) == 100);
  CHECK(none->powerAt(pool, 40, 0).hi == 10);
  CHECK(linear->powerAt(pool, 40, 0).hi == 6);         // 10 x (100 - 40) / 100
  CHECK(exponential->powerAt(pool, 20, 0).hi == 2.5);  // 10 x 2^-(20 / 10)
  // 8 WFI a second for 5 s over 10 units: none and exponential add 4 WFI per unit (or weight).
  const cbm::DoubleDouble rate(8.0);
  CHECK(none->segment(pool, rate, 0, 5).dx.hi == 4);
  CHECK(exponential->segment(pool, rate, 0, 5).dx.hi == 4);
  // Linear over the one second 99 (gap a - s = 1): G = 1, T = 99, so dX = 0.8, dY = 79.2, and
  // the pool's units earn u (K dX - dY) = 10 x (100 x 0.8 - 79.2) = 8 WFI: that second's whole
  // emission.
  const cbm::Growth g = linear->segment(pool, rate, 99, 100);
  CHECK(g.dx.hi == doctest::Approx(0.8));
  CHECK(linear->earnedOf(pool, g).hi == doctest::Approx(8.0));
  // Shares: the pool's own share is 1; half the units, half the share (linear, same K).
  const cbm::Holdings half{5, 500, cbm::DoubleDouble(5.0)};
  CHECK(linear->shareAt(half, pool, linear->powerAt(pool, 40, 0), 40, 0).hi == 0.5);
  CHECK(exponential->shareAt(half, pool, {}, 40, 0).hi == 0.5);  // weights, not powers
  CHECK(none->shareAt(half, pool, {}, 40, 0).hi == 0);           // a pool without power
  // A pool with units but no weight is an engine error, not a division by zero.
  CHECK_THROWS_AS(exponential->segment({10, 0, {}}, rate, 0, 1), std::logic_error);
}
