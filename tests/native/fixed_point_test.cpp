// The 256-bit fixed-point accumulator of the pool engine, against exact integer arithmetic:
// additions truncated at the resolution, carries and borrows through every limb.
#include "fixed_point.hpp"

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <cmath>
#include <random>

namespace {

using Exact = boost::multiprecision::int1024_t;
using Fixed = cbm::Fixed256<64>;  // resolution 2^-64: limb 1 holds the units
const double kResolution = std::ldexp(1.0, -64);

// d in units of 2^-64, truncated toward zero: what one add() of the double d contributes.
Exact units(double d) {
  int exponent = 0;
  const double mantissa = std::frexp(std::fabs(d), &exponent);  // |d| = mantissa 2^exponent
  const auto bits = static_cast<long long>(std::ldexp(mantissa, 53));
  const int shift = exponent - 53 + 64;
  Exact magnitude = shift >= 0 ? Exact(bits) << shift : Exact(bits) >> -shift;
  return d < 0 ? -magnitude : magnitude;
}

// The exact value of a double-double in units of 2^-64 (its halves are sums of powers of two).
Exact unitsOf(cbm::DoubleDouble x) {
  const auto exact = [](double d) {
    int exponent = 0;
    const double mantissa = std::frexp(std::fabs(d), &exponent);
    const auto bits = static_cast<long long>(std::ldexp(mantissa, 53));
    const int shift = exponent - 53 + 64;
    // Every value here is a multiple of the resolution: no bit is lost below it.
    REQUIRE((shift >= 0 || (Exact(bits) & ((Exact(1) << -shift) - 1)) == 0));
    const Exact m = shift >= 0 ? Exact(bits) << shift : Exact(bits) >> -shift;
    return d < 0 ? -m : m;
  };
  return exact(x.hi) + (x.lo == 0 ? Exact(0) : exact(x.lo));
}

}  // namespace

// (Accumulators only grow: what the engine adds keeps them >= 0, and below 0 is an overflow.)
TEST_CASE("a value straddling the resolution is truncated toward zero, each half on its own") {
  Fixed f;
  f.add(cbm::DoubleDouble(3 * kResolution / 2));  // 1.5 units: 1 kept
  CHECK(unitsOf(f.toDoubleDouble()) == 1);
  f.add(cbm::DoubleDouble(7, -3 * kResolution / 2));  // 7 WFI and -1.5 units: -1 unit
  CHECK(unitsOf(f.toDoubleDouble()) == units(7));
  f.add(cbm::DoubleDouble(-7));
  CHECK(f.toDoubleDouble().hi == 0);
  Fixed g;
  g.add(cbm::DoubleDouble(kResolution / 2));  // below the resolution: nothing
  CHECK(g.toDoubleDouble().hi == 0);
  // A double whose 53 bits span limbs 0 and 1 (units 2^40 .. 2^92), and one spanning 1 and 2.
  for (const double d :
       {std::ldexp(std::ldexp(1.0, 53) - 1, -24), std::ldexp(std::ldexp(1.0, 53) - 3, 20),
        std::ldexp(std::ldexp(1.0, 53) - 5, 30), std::ldexp(1.0, 100) + std::ldexp(1.0, 48)}) {
    Fixed h;
    h.add(cbm::DoubleDouble(d));
    CHECK(unitsOf(h.toDoubleDouble()) == units(d));
  }
}

TEST_CASE("minus borrows through equal middle limbs") {
  // a = 2^64 + 5, b = 5 + 2^-64: limb 0 borrows, limb 1 is equal in both and must pass the
  // borrow on, so a - b = 2^64 - 2^-64 (not 2^65 - 2^-64).
  Fixed a, b;
  a.add(cbm::DoubleDouble(std::ldexp(1.0, 64), 5));
  b.add(cbm::DoubleDouble(5, kResolution));
  const cbm::DoubleDouble d = a.minus(b);
  CHECK(d.hi == std::ldexp(1.0, 64));  // 2^64 - 2^-64, rounded to 106 bits
  CHECK(std::fabs(d.lo) <= 1);
  // Through two equal limbs: a = 2^128 + 2^64 x 7, b = 2^64 x 7 + 2^-64.
  Fixed c, e;
  c.add(cbm::DoubleDouble(std::ldexp(1.0, 64)));
  c.add(cbm::DoubleDouble(7));
  e.add(cbm::DoubleDouble(7, kResolution));
  CHECK(c.minus(e).hi == std::ldexp(1.0, 64));
  CHECK(e.minus(e).hi == 0);
}

TEST_CASE("random sums are exact to the resolution, through every carry") {
  std::mt19937_64 random(20261201);
  Fixed f;
  Exact exact = 0;
  std::vector<std::pair<Fixed, Exact>> checkpoints;
  for (int i = 0; i < 20000; ++i) {
    const int exponent = std::uniform_int_distribution<int>(-80, 60)(random);
    const double mantissa = std::uniform_real_distribution<double>(0, 1)(random);
    const double d = std::ldexp(mantissa, exponent);
    f.add(cbm::DoubleDouble(d));
    exact += units(d);
    if (i % 997 == 0) checkpoints.emplace_back(f, exact);
  }
  // The sum needs about 130 bits; a double-double keeps 106 of them.
  const auto close = [](cbm::DoubleDouble got, const Exact& want) {
    const Exact diff = unitsOf(got) - want;
    const Exact bound = (want < 0 ? Exact(-want) : want) >> 100;
    return (diff < 0 ? Exact(-diff) : diff) <= bound + 1;
  };
  CHECK(close(f.toDoubleDouble(), exact));
  for (const auto& [earlier, value] : checkpoints)
    if (value <= exact) CHECK(close(f.minus(earlier), exact - value));
}

TEST_CASE("leaving the range is an overflow, not a wrap") {
  Fixed f;
  CHECK_THROWS_AS(f.add(cbm::DoubleDouble(std::ldexp(1.0, 192))), std::overflow_error);
  CHECK_THROWS_AS(f.add(cbm::DoubleDouble(std::numeric_limits<double>::infinity())),
                  std::overflow_error);
  Fixed g;
  g.add(cbm::DoubleDouble(std::ldexp(1.0, 190)));
  CHECK_THROWS_AS(g.add(cbm::DoubleDouble(std::ldexp(1.0, 190))), std::overflow_error);
}

TEST_CASE("reading a value whose top 64 bits are all ones (their double rounds up to 2^64)") {
  Fixed f;
  f.add(cbm::DoubleDouble(std::ldexp(1.0, 64), -1));  // 2^64 - 1 WFI: limb 1 all ones
  const cbm::DoubleDouble d = f.toDoubleDouble();
  CHECK(d.hi == std::ldexp(1.0, 64));
  CHECK(d.lo == -1);
  Fixed g;
  g.add(cbm::DoubleDouble(std::ldexp(1.0, 100), -std::ldexp(1.0, 36)));  // the same, higher up
  CHECK(unitsOf(g.toDoubleDouble()) == units(std::ldexp(1.0, 100)) - units(std::ldexp(1.0, 36)));
}
