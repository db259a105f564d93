// SPEC 5: the APR example of seed 003, field by field.
#include "apr.hpp"

#include <doctest/doctest.h>

#include "input_error.hpp"
#include "read.hpp"

namespace {
cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}
cbm::AprInput aprInput(const char* blockReward, const char* tokenPrice, const char* units,
                       const char* unitPrice) {
  return {d(blockReward), d(tokenPrice), d(units), d(unitPrice), std::nullopt};
}
}  // namespace

TEST_CASE("seed 003's example is exact") {
  cbm::AprResult r = cbm::apr(aprInput("0.00009804", "0.17", "1000", "0.25"));
  CHECK(r.yearlyReward.str() == "3091.78944");
  CHECK(r.yearlyRewardUsd.str() == "525.6042048");
  CHECK(r.contributionUsd.str() == "250");
  CHECK(r.aprPercent.str() == "210.24168192");
  CHECK(r.netGainPercent.str() == "110.24168192");
  CHECK(r.netGainUsd.str() == "275.6042048");
}

TEST_CASE("APR with referral income: the same formula over both rewards") {
  cbm::AprInput in = aprInput("0.00009804", "0.17", "1000", "0.25");
  in.referralReward = d("0.00000196");
  const cbm::AprResult r = cbm::apr(in);
  CHECK(r.aprPercent.str() == "210.24168192");  // mining alone, unchanged
  // (0.00009804 + 0.00000196) x 31,536,000 x 0.17 / 250 x 100 = 0.0001 x 5,361,120 / 250 x 100
  REQUIRE(r.withReferralsPercent);
  CHECK(r.withReferralsPercent->str() == "214.4448");
  CHECK_FALSE(cbm::apr(aprInput("0.00009804", "0.17", "1000", "0.25")).withReferralsPercent);
  in.referralReward = cbm::readDecimal("-1", "referralReward");
  CHECK_THROWS_WITH(cbm::apr(in), "referralReward: must not be negative, got \"-1\"");
}

TEST_CASE("seed 003's variant at 1.70 USD") {
  cbm::AprResult r = cbm::apr(aprInput("0.00009804", "1.70", "1000", "0.25"));
  CHECK(r.yearlyRewardUsd.str() == "5256.042048");
  CHECK(r.aprPercent.str() == "2102.4168192");
  CHECK(r.netGainPercent.str() == "2002.4168192");
}

TEST_CASE("APR is computed from exact values, then truncated once") {
  // 1 WFI/s x 31,536,000 x 1 USD / (3 x 1 USD) x 100 = 1,051,200,000 % exactly.
  CHECK(cbm::apr(aprInput("1", "1", "3", "1")).aprPercent.str() == "1051200000");
  // 1e-18 x 31,536,000 x 1 / 7 x 100 = 4.505142857142857...e-10, truncated.
  CHECK(cbm::apr(aprInput("1e-18", "1", "7", "1")).aprPercent.str() == "0.000000000450514285");
  // A loss: net gain negative, truncated toward zero.
  CHECK(cbm::apr(aprInput("0", "0.17", "1000", "0.25")).netGainPercent.str() == "-100");
  CHECK(cbm::apr(aprInput("0.000001", "1", "3", "100")).netGainPercent.str() == "-89.488");
}

TEST_CASE("APR input errors name the field") {
  // The caller's texts, read at the boundary.
  const auto aprOf = [](const cbm::AprText& text) { return cbm::apr(cbm::readApr(text)); };
  CHECK_THROWS_WITH(aprOf({"0.00009804", "0.17", "0", "0.25"}),
                    "units: must be greater than 0, got \"0\"");
  CHECK_THROWS_WITH(aprOf({"0.00009804", "0.17", "1000", "-0.25"}),
                    "unitPrice: must be greater than 0, got \"-0.25\"");
  CHECK_THROWS_WITH(aprOf({"0.00009804", "-1", "1000", "0.25"}),
                    "tokenPrice: must not be negative, got \"-1\"");
  CHECK_THROWS_WITH(
      aprOf({"abc", "1", "1", "1"}),
      "blockReward: must be a decimal number such as \"0.17\" or \"1e-7\", got \"abc\"");
  CHECK_THROWS_WITH(aprOf({"1e20", "1e20", "1e-18", "1e-18"}),
                    "yearlyReward: is too large: amounts are limited to 10^20");
}

TEST_CASE("block reward and the pool it implies (SPEC 5)") {
  // Seed 003's reward at 8 WFI/s: 1000 units in about 81.6 million.
  CHECK(cbm::impliedPoolPower({d("1000"), d("0.00009804"), d("8")}).str() ==
        "81599347.20522235822113423");
  CHECK(cbm::blockReward({d("1000"), d("81599347.20522235822113423"), d("8")}).str() ==
        "0.00009804");
  CHECK(cbm::blockReward({d("1000"), d("80000000"), d("8")}).str() == "0.0001");
  CHECK_THROWS_WITH(cbm::blockReward(cbm::readShare({"1000", "999", "8"})),
                    "poolPower: must include the participant's units (1000), got \"999\"");
  // Everyone else: 81,599,347.2... - 1,000, in whole units; none when the units are the pool.
  CHECK(cbm::impliedOtherUnits({d("1000"), d("0.00009804"), d("8")}) == 81'598'347);
  CHECK(cbm::impliedOtherUnits({d("10"), d("8"), d("8")}) == 0);   // the pool is these 10
  CHECK(cbm::impliedOtherUnits({d("10"), d("16"), d("8")}) == 0);  // 5: less than these
}
