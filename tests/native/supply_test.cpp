// SPEC 6: liquid vs locked WFI by Energy thresholds, and the Energy price.
#include "supply.hpp"

#include <doctest/doctest.h>

#include "input_error.hpp"
#include "read.hpp"

namespace {
cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}
// A release table of (energy, releasedFraction) rows, checked.
std::vector<cbm::ReleaseTier> table(
    std::initializer_list<std::pair<const char*, const char*>> rows) {
  std::vector<cbm::ReleaseTier> tiers;
  for (const auto& [energy, fraction] : rows) tiers.push_back({d(energy), d(fraction)});
  cbm::checkReleaseTable(tiers);
  return tiers;
}
cbm::SupplyInput at(cbm::Seconds t, const char* energy, const char* mined) {
  return {t, d(energy), d(mined)};
}
std::vector<cbm::ReleaseTier> illustrativeTable() {
  return table({{"0", "0"},
                {"1000000", "0.1"},
                {"10000000", "0.25"},
                {"100000000", "0.5"},
                {"1000000000", "1"}});
}
}  // namespace

TEST_CASE("the releasable fraction is the largest whose Energy is reached") {
  const auto tiers = illustrativeTable();
  const auto points = cbm::supplyControl(
      tiers, {at(0, "0", "100"), at(10, "999999.999", "100"), at(20, "1000000", "1000.123456789"),
              at(30, "50000000", "3"), at(40, "1e9", "7.000000000000000001")});
  CHECK(points[0].releasedFraction.str() == "0");
  CHECK(points[0].locked.str() == "100");
  CHECK(points[1].releasedFraction.str() == "0");
  CHECK(points[2].releasedFraction.str() == "0.1");
  CHECK(points[2].liquid.str() == "100.0123456789");
  CHECK(points[2].locked.str() == "900.1111111101");
  CHECK(points[3].liquid.str() == "0.75");
  CHECK(points[4].liquid.str() == "7.000000000000000001");
  CHECK(points[4].locked.str() == "0");
  // Below the first row nothing is released.
  const auto late = table({{"500", "0.5"}});
  CHECK(cbm::supplyControl(late, {at(0, "499", "10")})[0].liquid.str() == "0");
  // Truncation of a fraction's product: 1/3 of 1 wei is 0.
  const auto third = table({{"0", "0.333333333333333333"}});
  CHECK(cbm::supplyControl(third, {at(0, "0", "0.000000000000000001")})[0].liquid.str() == "0");
}

TEST_CASE("release tables and series are checked") {
  CHECK_THROWS_WITH(cbm::readReleaseTable({}), "thresholds: must have at least one row");
  CHECK_THROWS_WITH(cbm::readReleaseTable({{"0", "1.5"}}),
                    "thresholds[0].releasedFraction: must be a fraction from 0 to 1, got \"1.5\"");
  CHECK_THROWS_WITH(cbm::readReleaseTable({{"10", "0.1"}, {"5", "0.2"}}),
                    "thresholds[1].energy: must not be below the row before (10): the table is "
                    "non-decreasing, got \"5\"");
  CHECK_THROWS_WITH(cbm::readReleaseTable({{"10", "0.3"}, {"20", "0.2"}}),
                    "thresholds[1].releasedFraction: must not be below the row before (0.3): more "
                    "Energy never locks WFI again, got \"0.2\"");
  const auto tiers = illustrativeTable();
  const auto supplyOf = [&](const std::vector<cbm::SupplyText>& series) {
    return cbm::supplyControl(tiers, cbm::readSupplySeries(series));
  };
  CHECK_THROWS_WITH(supplyOf({{"10", "0", "1"}, {"5", "0", "1"}}),
                    "series[1].t: must not be before the point before (10), got \"5\"");
  CHECK_THROWS_WITH(supplyOf({{"0", "-1", "1"}}),
                    "series[0].energy: must not be negative, got \"-1\"");
}

TEST_CASE("the Energy price rises 0.10 USD for every full 1,000,000 USD burned") {
  CHECK(cbm::energyPrice({d("0"), d("1")}).str() == "1");
  CHECK(cbm::energyPrice({d("999999.99"), d("1")}).str() == "1");
  CHECK(cbm::energyPrice({d("2999999.99"), d("1")}).str() == "1.2");
  CHECK(cbm::energyPrice({d("3000000"), d("1")}).str() == "1.3");
  CHECK(cbm::energyPrice({d("1e9"), d("0.05")}).str() == "100.05");
  CHECK(cbm::energyPrice({d("5000"), d("2"), d("0.01"), d("1000")}).str() == "2.05");
  CHECK_THROWS_WITH(cbm::energyPrice(cbm::readEnergyPrice({"1", "1", "0.1", "0"})),
                    "per: must be greater than 0, got \"0\"");
}

TEST_CASE("a release table may hold the same Energy twice (non-decreasing), not less") {
  const auto tiers = table({{"10", "0.1"}, {"10", "0.2"}, {"20", "0.2"}});
  CHECK(tiers.size() == 3);
  CHECK_THROWS_WITH(cbm::readReleaseTable({{"10", "0.1"}, {"9", "0.2"}}),
                    doctest::Contains("thresholds[1]"));
}
