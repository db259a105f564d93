// SPEC 6: liquid vs locked WFI by Energy thresholds, and the Energy price.
#include "supply.hpp"

#include <doctest/doctest.h>

#include "input_error.hpp"

namespace {
const std::vector<std::pair<std::string, std::string>> kTable = {{"0", "0"},
                                                                 {"1000000", "0.1"},
                                                                 {"10000000", "0.25"},
                                                                 {"100000000", "0.5"},
                                                                 {"1000000000", "1"}};
}

TEST_CASE("the releasable fraction is the largest whose Energy is reached") {
  const auto table = cbm::releaseTable(kTable);
  const auto points = cbm::supplyControl(table, {{"0", "0", "100"},
                                                 {"10", "999999.999", "100"},
                                                 {"20", "1000000", "1000.123456789"},
                                                 {"30", "50000000", "3"},
                                                 {"40", "1e9", "7.000000000000000001"}});
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
  const auto late = cbm::releaseTable({{"500", "0.5"}});
  CHECK(cbm::supplyControl(late, {{"0", "499", "10"}})[0].liquid.str() == "0");
  // Truncation of a fraction's product: 1/3 of 1 wei is 0.
  const auto third = cbm::releaseTable({{"0", "0.333333333333333333"}});
  CHECK(cbm::supplyControl(third, {{"0", "0", "0.000000000000000001"}})[0].liquid.str() == "0");
}

TEST_CASE("release tables and series are checked") {
  CHECK_THROWS_WITH(cbm::releaseTable({}), "thresholds: must have at least one row");
  CHECK_THROWS_WITH(cbm::releaseTable({{"0", "1.5"}}),
                    "thresholds[0].releasedFraction: must be a fraction from 0 to 1, got \"1.5\"");
  CHECK_THROWS_WITH(cbm::releaseTable({{"10", "0.1"}, {"5", "0.2"}}),
                    "thresholds[1].energy: must not be below the row before (10): the table is "
                    "non-decreasing, got \"5\"");
  CHECK_THROWS_WITH(cbm::releaseTable({{"10", "0.3"}, {"20", "0.2"}}),
                    "thresholds[1].releasedFraction: must not be below the row before (0.3): more "
                    "Energy never locks WFI again, got \"0.2\"");
  const auto table = cbm::releaseTable(kTable);
  CHECK_THROWS_WITH(cbm::supplyControl(table, {{"10", "0", "1"}, {"5", "0", "1"}}),
                    "series[1].t: must not be before the point before (10), got \"5\"");
  CHECK_THROWS_WITH(cbm::supplyControl(table, {{"0", "-1", "1"}}),
                    "series[0].energy: must not be negative, got \"-1\"");
}

TEST_CASE("the Energy price rises 0.10 USD for every full 1,000,000 USD burned") {
  CHECK(cbm::energyPrice({"0", "1"}).str() == "1");
  CHECK(cbm::energyPrice({"999999.99", "1"}).str() == "1");
  CHECK(cbm::energyPrice({"2999999.99", "1"}).str() == "1.2");
  CHECK(cbm::energyPrice({"3000000", "1"}).str() == "1.3");
  CHECK(cbm::energyPrice({"1e9", "0.05"}).str() == "100.05");
  CHECK(cbm::energyPrice({"5000", "2", "0.01", "1000"}).str() == "2.05");
  CHECK_THROWS_WITH(cbm::energyPrice({"1", "1", "0.1", "0"}),
                    "per: must be greater than 0, got \"0\"");
}

TEST_CASE("a release table may hold the same Energy twice (non-decreasing), not less") {
  const auto table = cbm::releaseTable({{"10", "0.1"}, {"10", "0.2"}, {"20", "0.2"}});
  CHECK(table.size() == 3);
  CHECK_THROWS_WITH(cbm::releaseTable({{"10", "0.1"}, {"9", "0.2"}}),
                    doctest::Contains("thresholds[1]"));
}
