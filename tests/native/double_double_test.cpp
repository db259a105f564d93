// Double-double arithmetic against 50-digit Boost.Multiprecision.
#include "double_double.hpp"

#include <doctest/doctest.h>

#include <boost/multiprecision/cpp_bin_float.hpp>
#include <random>

using cbm::DoubleDouble;
using Float50 = boost::multiprecision::cpp_bin_float_50;

namespace {
Float50 big(DoubleDouble x) {
  return Float50(x.hi) + Float50(x.lo);
}
double relativeError(DoubleDouble got, const Float50& want) {
  if (want == 0) return static_cast<double>(abs(big(got)));
  return static_cast<double>(abs((big(got) - want) / want));
}
}  // namespace

TEST_CASE("basic operations keep about 32 digits") {
  std::mt19937_64 random(7);
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int i = 0; i < 2000; ++i) {
    // Known bounds (u = 2^-53): sum 3u^2, product 5u^2, quotient about 10u^2.
    const DoubleDouble a = DoubleDouble::twoSum(unit(random) * 1e6, unit(random) * 1e-11);
    const DoubleDouble b = DoubleDouble::twoSum(unit(random) * 1e-3, unit(random) * 1e-20);
    CHECK(relativeError(a + b, big(a) + big(b)) < 4e-32);
    CHECK(relativeError(a * b, big(a) * big(b)) < 7e-32);
    CHECK(relativeError(a / b, big(a) / big(b)) < 1.3e-31);
  }
  const __int128 n = (static_cast<__int128>(1) << 100) + 12345;
  CHECK(DoubleDouble::fromInt(n).floorToInt() == n);
  CHECK(DoubleDouble(-2.5).floorToInt() == -3);
  CHECK(DoubleDouble(3.0, -1e-20).floorToInt() == 2);
}

TEST_CASE("expm1, exp2 and log1p to about 2^-100") {
  for (double x : {1e-30, -1e-12, 1e-4, -0.0001, 0.3, -0.5, 1.0, -8.64, 20.0, -300.0, 600.0}) {
    CAPTURE(x);
    // The reduction by k ln 2 costs |x| x 2^-106 (the error of ln 2 in 106 bits).
    CHECK(relativeError(cbm::expm1(DoubleDouble(x)), boost::multiprecision::expm1(Float50(x))) <
          1e-30 + std::fabs(x) * 1.3e-32);
  }
  for (double y : {0.0, 0.5, -0.25, 1.0 / 3, 17.75, -900.5, 899.999}) {
    CAPTURE(y);
    CHECK(relativeError(cbm::exp2(DoubleDouble(y)), pow(Float50(2), Float50(y))) < 1e-30);
  }
  for (double y : {1e-25, 3e-7, -0.1, 0.39, 0.41, 1.0, 1e3, 2.5e8, 1e15}) {
    CAPTURE(y);
    CHECK(relativeError(cbm::log1p(DoubleDouble(y)), boost::multiprecision::log1p(Float50(y))) <
          1e-30);
  }
}

TEST_CASE("addition keeps every bit when the high parts cancel") {
  // (x, y) + (-x, z) is exactly y + z: the sum must renormalise between its two steps, or the
  // low parts are rounded into one double.
  std::mt19937_64 random(7);
  for (int i = 0; i < 1000; ++i) {
    const double x = std::ldexp(std::uniform_real_distribution<double>(1, 2)(random), 40);
    const double y = std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random), -14);
    const double z = std::ldexp(std::uniform_real_distribution<double>(-1, 1)(random), -66);
    const cbm::DoubleDouble sum = cbm::DoubleDouble(x, y) + cbm::DoubleDouble(-x, z);
    const cbm::DoubleDouble exact = cbm::DoubleDouble::twoSum(y, z);
    REQUIRE(sum.hi == exact.hi);
    REQUIRE(sum.lo == exact.lo);
  }
}

TEST_CASE("expm1 and exp2 over their whole working range, against 50 digits") {
  std::mt19937_64 random(11);
  using Float50 = boost::multiprecision::cpp_bin_float_50;
  for (int i = 0; i < 4000; ++i) {
    // Tiny, small and large arguments, both signs: the points formula's -x, the engine's 2^y.
    const double scale = std::ldexp(1.0, std::uniform_int_distribution<int>(-60, 6)(random));
    const double x = std::uniform_real_distribution<double>(-1, 1)(random) * scale;
    const cbm::DoubleDouble got = cbm::expm1(cbm::DoubleDouble(x));
    const Float50 want = boost::multiprecision::expm1(Float50(x));
    INFO("expm1(" << x << ")");
    REQUIRE(abs((Float50(got.hi) + Float50(got.lo) - want) / want) < Float50(1e-30));
    const double y = std::uniform_real_distribution<double>(-200, 60)(random);
    const cbm::DoubleDouble p = cbm::exp2(cbm::DoubleDouble(y));
    const Float50 power = pow(Float50(2), Float50(y));
    INFO("exp2(" << y << ")");
    REQUIRE(abs((Float50(p.hi) + Float50(p.lo) - power) / power) < Float50(1e-30));
  }
}
