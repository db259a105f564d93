// SPEC 7: weight tiers, the session reward to 18 decimals, streaks. Golden rewards come from
// 80-digit decimal arithmetic (Python's decimal module), independent of this code.
#include "points.hpp"

#include <doctest/doctest.h>

#include "input_error.hpp"
#include "read.hpp"

namespace {
const cbm::PointsRules kRules;
cbm::Decimal d(const char* text) {
  return cbm::Decimal::parse(text, "test");
}
cbm::Day day(const char* text) {
  return cbm::parseDay(text, "test");
}
std::vector<cbm::Day> days(std::initializer_list<const char*> texts) {
  std::vector<cbm::Day> out;
  for (const char* text : texts) out.push_back(day(text));
  return out;
}
std::vector<cbm::Tier> tiers(std::initializer_list<std::pair<const char*, const char*>> rows) {
  std::vector<cbm::Tier> out;
  for (const auto& [min, weight] : rows) out.push_back({d(min), d(weight)});
  return out;
}
// The default rules with `change` applied, checked.
template <class Change>
cbm::PointsRules rulesWith(Change change) {
  cbm::PointsRules rules;
  change(rules);
  return cbm::checkedPointsRules(rules);
}
std::string reward(cbm::Seconds seconds, const char* weight) {
  return cbm::pointsReward(seconds, d(weight), kRules).str();
}
cbm::Weight weightOf(std::int64_t streak, const char* points, std::int64_t invites,
                     const char* vip = "0", const char* extra = "0") {
  return cbm::pointsWeight({streak, d(points), invites, d(vip), d(extra)}, kRules);
}
// The same from the caller's texts, read at the boundary.
std::string rewardOfText(const char* seconds, const char* weight) {
  return cbm::pointsReward(cbm::readElapsed(seconds), cbm::readDecimal(weight, "weight"), kRules)
      .str();
}
cbm::Weight weightOfText(const char* streak, const char* points, const char* invites) {
  return cbm::pointsWeight(cbm::readWeight({streak, points, invites}), kRules);
}
using Rows = std::vector<cbm::TextRow>;
cbm::TextRow tier(const char* min, const char* weight) {
  return {{"min", min}, {"weight", weight}};
}
}  // namespace

TEST_CASE("rewards at weight 1 (SPEC 7), not the seed's table of 10 / 50 / 100") {
  CHECK(reward(7200, "1") == "51.324774404002834994");
  CHECK(reward(28800, "1") == "94.386523716586627852");
  CHECK(reward(86400, "1") == "99.982311309775743331");
  CHECK(reward(90000, "1") == "99.982311309775743331");  // 25 h counts as 24 h
  CHECK(reward(1, "1") == "0.00999950001666625");
  CHECK(reward(3600, "1") == "30.232367392896894279");
  CHECK(reward(0, "1") == "0");
  CHECK(reward(86400, "0") == "0");
}

TEST_CASE("rewards at other weights") {
  CHECK(reward(7200, "0.1") == "5.132477440400283499");
  CHECK(reward(86400, "0.1") == "9.998231130977574333");
  CHECK(reward(1, "0.1") == "0.000999950001666625");
  CHECK(reward(7200, "1.8") == "92.384593927205102989");
  CHECK(reward(86400, "1.8") == "179.968160357596337996");
  CHECK(reward(7200, "5") == "256.623872020014174971");
  CHECK(reward(86400, "5") == "499.911556548878716657");
  CHECK(reward(1, "5") == "0.04999750008333125");
  CHECK(reward(86400, "2.6") == "259.954009405416932661");
}

TEST_CASE("reward input errors") {
  CHECK_THROWS_WITH(rewardOfText("-1", "1"),
                    "elapsedSeconds: must be a whole number from 0 to 3153600000, got \"-1\"");
  CHECK_THROWS_WITH(rewardOfText("1.5", "1"),
                    "elapsedSeconds: must be a whole number from 0 to 3153600000, got \"1.5\"");
  CHECK_THROWS_WITH(rewardOfText("60", "5.1"),
                    "weight: must be at most 5 (the weight cap), got \"5.1\"");
  CHECK_THROWS_WITH(rewardOfText("60", "-0.1"), "weight: must not be negative, got \"-0.1\"");
}

TEST_CASE("check-in tiers at every boundary") {
  CHECK(weightOf(0, "0", 0).checkin.str() == "0.1");
  CHECK(weightOf(6, "0", 0).checkin.str() == "0.1");
  CHECK(weightOf(7, "0", 0).checkin.str() == "0.5");
  CHECK(weightOf(14, "0", 0).checkin.str() == "0.5");
  CHECK(weightOf(15, "0", 0).checkin.str() == "0.8");
  CHECK(weightOf(29, "0", 0).checkin.str() == "0.8");
  CHECK(weightOf(30, "0", 0).checkin.str() == "1");
  CHECK(weightOf(3650, "0", 0).checkin.str() == "1");
}

TEST_CASE("points tiers at every boundary") {
  CHECK(weightOf(0, "999.99", 0).points.str() == "0");
  CHECK(weightOf(0, "1000", 0).points.str() == "0.3");
  CHECK(weightOf(0, "2999.99", 0).points.str() == "0.3");
  CHECK(weightOf(0, "3000", 0).points.str() == "0.5");
  CHECK(weightOf(0, "4999.99", 0).points.str() == "0.5");
  CHECK(weightOf(0, "4999.999999999999999999", 0).points.str() == "0.5");
  CHECK(weightOf(0, "5000", 0).points.str() == "1");
}

TEST_CASE("invite tiers at every boundary") {
  CHECK(weightOf(0, "0", 4).invites.str() == "0");
  CHECK(weightOf(0, "0", 5).invites.str() == "0.2");
  CHECK(weightOf(0, "0", 9).invites.str() == "0.2");
  CHECK(weightOf(0, "0", 10).invites.str() == "0.5");
  CHECK(weightOf(0, "0", 29).invites.str() == "0.5");
  CHECK(weightOf(0, "0", 30).invites.str() == "1");
}

TEST_CASE("the weight is the capped sum") {
  CHECK(weightOf(30, "5000", 30).weight.str() == "3");
  CHECK(weightOf(7, "1000", 5).weight.str() == "1");
  CHECK(weightOf(30, "5000", 30, "1.5").weight.str() == "4.5");
  CHECK(weightOf(30, "5000", 30, "1.5", "0.5").weight.str() == "5");
  CHECK(weightOf(30, "5000", 30, "2", "1").weight.str() == "5");  // 6 capped at 5.0
  CHECK(weightOf(0, "0", 0).weight.str() == "0.1");
  CHECK_THROWS_WITH(weightOfText("-1", "0", "0"),
                    "streakDays: must be a whole number from 0 to 1000000000000, got \"-1\"");
  CHECK_THROWS_WITH(weightOfText("0", "0", "2.5"),
                    "invites: must be a whole number from 0 to 1000000000000, got \"2.5\"");
  CHECK_THROWS_WITH(weightOfText("0", "-5", "0"), "totalPoints: must not be negative, got \"-5\"");
}

TEST_CASE("tiers and the reward formula follow rule overrides") {
  auto rules = rulesWith([](cbm::PointsRules& r) {
    r.checkinTiers = tiers({{"3", "2"}, {"0", "0"}});
    r.weightCap = d("10");
    r.base = d("200");
    r.maxSessionSeconds = 3600;
  });
  CHECK(cbm::pointsWeight({3, d("0"), 0, d("0"), d("0")}, rules).checkin.str() == "2");
  CHECK(cbm::pointsReward(7200, d("1"), rules).str() ==
        "60.464734785793788558");  // 2x the 1 h value
  CHECK_THROWS_WITH(cbm::readPointsRules({{"checkinTiers", Rows{tier("3", "2"), tier("3", "1")}}}),
                    "rules.checkinTiers: has two tiers with min 3");
  // Tiers are rows now, not "min:weight" text: the nearest to the old "10" (no colon) is a row
  // without its weight.
  CHECK_THROWS_WITH(cbm::readPointsRules({{"pointsTiers", Rows{{{"min", "10"}}}}}),
                    "rules.pointsTiers[0].weight: is required");
}

TEST_CASE("a check-in history holds at most 36,600 days in all") {
  std::vector<cbm::Day> history;
  for (std::size_t k = 0; k < cbm::kMaxCheckins; ++k)
    history.push_back(day("2000-01-01") + static_cast<cbm::Day>(k));
  CHECK(cbm::streak(history, history.back()).days == 36'600);
  history.push_back(history.back() + 1);
  CHECK_THROWS_WITH_AS(cbm::streak(history, history.back()),
                       "checkins: at most 36600 days, got 36601", cbm::InputError);
}

TEST_CASE("streaks count consecutive UTC days ending today, or yesterday") {
  const std::vector<cbm::Day> checkins =
      days({"2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-15"});
  CHECK(cbm::streak(checkins, day("2026-11-21")).days == 4);
  CHECK(cbm::streak(checkins, day("2026-11-21")).checkedInOnDay);
  CHECK(cbm::streak(checkins, day("2026-11-22")).days == 4);  // not yet checked in today
  CHECK_FALSE(cbm::streak(checkins, day("2026-11-22")).checkedInOnDay);
  CHECK(cbm::streak(checkins, day("2026-11-23")).days == 0);  // a day was missed
  CHECK(cbm::streak(checkins, day("2026-11-19")).days == 2);  // later check-ins do not count
  CHECK(cbm::streak(checkins, day("2026-11-16")).days == 1);
  CHECK(cbm::streak({}, day("2026-11-16")).days == 0);
  // Across a leap day and a year end, with duplicates.
  CHECK(
      cbm::streak(days({"2028-02-28", "2028-02-29", "2028-03-01", "2028-03-01"}), day("2028-03-01"))
          .days == 3);
  CHECK(cbm::streak(days({"2026-12-31", "2027-01-01"}), day("2027-01-01")).days == 2);
  // The caller's dates, read at the boundary.
  CHECK_THROWS_WITH(
      cbm::streak(cbm::readDays({"2026-11-01", "2026-02-30"}, "checkins"), day("2026-11-21")),
      "checkins[1]: must be a date YYYY-MM-DD, got \"2026-02-30\"");
  CHECK_THROWS_WITH(cbm::streak({}, cbm::parseDay("21/11/2026", "on")),
                    "on: must be a date YYYY-MM-DD, got \"21/11/2026\"");
}

TEST_CASE("extreme rule values: the reward stays exact where 1 - e^-x rounds to 1") {
  // 80,000-digit decimal arithmetic gives these (Python's decimal module at prec 40000).
  auto fast = rulesWith([](cbm::PointsRules& r) { r.decayRate = d("1"); });
  CHECK(cbm::pointsReward(86400, d("1"), fast).str() == "99.999999999999999999");
  CHECK(cbm::pointsReward(50, d("5"), fast).str() == "499.999999999999999999");
  auto slow = rulesWith([](cbm::PointsRules& r) { r.decayRate = d("0.000000000000000001"); });
  CHECK(cbm::pointsReward(86400, d("5"), slow).str() == "0.000000000043199999");
  CHECK(cbm::pointsReward(86400, d("0.000000000000000001"), kRules).str() ==
        "0.000000000000000099");
  // Huge base x weight with a tiny exponent: 1 - e^-x must keep its relative accuracy (200-digit
  // Python).
  auto huge = rulesWith([](cbm::PointsRules& r) {
    r.base = d("1e20");
    r.weightCap = d("1e18");
    r.decayRate = d("1e-18");
  });
  CHECK(cbm::pointsReward(1, d("1e18"), huge).str() == "99999999999999999950.000000000000000016");
  auto nano = rulesWith([](cbm::PointsRules& r) {
    r.base = d("1e20");
    r.decayRate = d("0.000000001");
  });
  CHECK(cbm::pointsReward(86400, d("3"), nano).str() == "25918880288247930.641689042278292237");
  auto odd = rulesWith([](cbm::PointsRules& r) {
    r.base = d("99999999999.999999999999999999");
    r.weightCap = d("1e9");
    r.decayRate = d("0.000000000000000123");
  });
  CHECK(cbm::pointsReward(7, d("123456789.123456789"), odd).str() == "10629.629543529624956844");
}

TEST_CASE("the double-double fast path agrees with the 50-digit path wherever it decides") {
  int decided = 0, checked = 0;
  for (const char* w : {"1", "0.1", "1.8", "5", "2.6", "0.3", "3.7", "0.000000000000000007"}) {
    const cbm::Decimal weight = cbm::Decimal::parse(w, "w");
    for (cbm::Seconds t = 1; t <= 86400; t += 97) {
      ++checked;
      const auto fast = cbm::detail::rewardWeiFast(t, weight, kRules);
      if (!fast) continue;
      ++decided;
      REQUIRE_MESSAGE(*fast == cbm::detail::rewardWeiExact(t, weight, kRules),
                      "t=" << t << " w=" << w);
    }
  }
  CHECK(decided > checked * 99 / 100);  // the fallback is rare
}

TEST_CASE("the projection steps day by day: streaks, tiers, sessions and invites") {
  // Checked against an independent 80-digit Python rendering of SPEC 7.
  cbm::ProjectionInput in;
  in.checkins = days({"2026-11-20", "2026-11-21", "2026-11-22"});
  in.from = day("2026-11-23");  // a Monday
  in.days = 60;
  in.invites = 3;
  in.invitesPerWeek = d("1.5");
  in.sessionSeconds = 28800;
  // Weekdays only: the streak breaks every weekend.
  in.checkinWeekdays = {true, true, true, true, true, false, false};
  const cbm::Projection p = cbm::pointsProjection(in, kRules);
  REQUIRE(p.days.size() == 60);
  CHECK(p.days[0].streakDays == 4);
  CHECK(p.days[0].weight.weight.str() == "0.1");
  CHECK(p.days[0].reward.str() == "9.438652371658662785");
  CHECK(p.days[4].totalPoints.str() == "122.702480831562616207");
  CHECK_FALSE(p.days[5].checkedIn);  // Saturday
  CHECK(p.days[5].streakDays == 8);  // still yesterday's streak
  CHECK(p.days[5].invites == 4);
  CHECK(p.days[6].streakDays == 0);  // Sunday: the streak is broken
  CHECK(p.days[59].streakDays == 4);
  CHECK(p.days[59].invites == 15);
  CHECK(p.days[59].weight.weight.str() == "0.9");
  CHECK(p.days[59].totalPoints.str() == "3067.562020789065405179");
  auto firstDay = [&](const std::string& factor, const std::string& weight) {
    for (const auto& m : p.milestones)
      if (m.factor == factor && m.weight.str() == weight) return cbm::formatDay(m.date);
    return std::string("never");
  };
  CHECK(firstDay("checkin", "0.5") == "2026-11-26");
  CHECK(firstDay("invites", "0.2") == "2026-12-03");
  CHECK(firstDay("invites", "0.5") == "2026-12-26");
  CHECK(firstDay("points", "0.3") == "2026-12-29");
  CHECK(firstDay("weight", "0.9") == "2026-12-29");
  CHECK(firstDay("checkin", "0.8") == "never");
}

TEST_CASE("projection input errors") {
  // The caller's texts, read at the boundary.
  cbm::ProjectionText in;
  in.from = "2026-11-23";
  in.days = "0";
  CHECK_THROWS_WITH(cbm::pointsProjection(cbm::readProjection(in), kRules),
                    "days: must be a whole number from 1 to 3650, got \"0\"");
  in.days = "5";
  in.checkinWeekdays = "11111";
  CHECK_THROWS_WITH(cbm::pointsProjection(cbm::readProjection(in), kRules),
                    "checkinWeekdays: must be 7 characters of 0 and 1, Monday first (\"1111100\": "
                    "weekdays), got \"11111\"");
}

TEST_CASE("projection days carry their dates; a session of 0 s mines nothing") {
  cbm::ProjectionInput in;
  in.from = day("2028-02-27");
  in.days = 4;
  in.sessionSeconds = 0;
  const cbm::Projection p = cbm::pointsProjection(in, kRules);
  REQUIRE(p.days.size() == 4);
  CHECK(cbm::formatDay(p.days[0].date) == "2028-02-27");
  CHECK(cbm::formatDay(p.days[2].date) == "2028-02-29");  // a leap year
  CHECK(cbm::formatDay(p.days[3].date) == "2028-03-01");
  for (const auto& day : p.days) CHECK(day.reward.isZero());
  CHECK(p.days[3].totalPoints.isZero());
}
