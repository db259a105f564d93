// SPEC 7: the session rules: one at a time, 24 h between starts, stop collects the reward.
#include "session.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <functional>

#include "calendar.hpp"
#include "input_error.hpp"
#include "read.hpp"

namespace {
const cbm::PointsRules kRules;
// An account with `totalPoints` and nothing else.
cbm::PointsAccount withPoints(const char* totalPoints) {
  cbm::PointsAccount account;
  account.totalPoints = cbm::Decimal::parse(totalPoints, "test");
  return account;
}
constexpr cbm::UnixSeconds kStart = 1'795'248'000;  // 2026-11-21T08:00:00Z
constexpr cbm::Seconds kHour = 3600;

std::string ruleErrorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const cbm::RuleError& e) {
    return e.what();
  }
  return "no error";
}

// The rule a refusal names, as "kind since=... allowedAt=...".
std::string ruleProblemOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const cbm::RuleError& e) {
    std::string out = e.problem().kind;
    for (const auto& param : e.problem().params) out += " " + param.first + "=" + param.second;
    return out;
  }
  return "no error";
}
}  // namespace

TEST_CASE("UTC times print as ISO 8601") {
  CHECK(cbm::formatUtc(kStart) == "2026-11-21T08:00:00Z");
  CHECK(cbm::formatUtc(0) == "1970-01-01T00:00:00Z");
  CHECK(cbm::formatUtc(cbm::kMaxUnixSeconds) == "9999-12-31T23:59:59Z");
  CHECK(cbm::formatDay(cbm::parseDay("2028-02-29", "d")) == "2028-02-29");
  // Before 1970 (not reachable from a parsed date, but the functions are total): days and
  // seconds round toward the past, eras too.
  CHECK(cbm::formatUtc(-1) == "1969-12-31T23:59:59Z");
  CHECK(cbm::formatUtc(-86400) == "1969-12-31T00:00:00Z");
  CHECK(cbm::formatUtc(-86401) == "1969-12-30T23:59:59Z");
  CHECK(cbm::formatDay(-719468) == "0000-03-01");
  CHECK(cbm::formatDay(-719469) == "0000-02-29");
}

TEST_CASE("start, status, stop: the reward is added to the total") {
  cbm::PointsAccount account = withPoints("1000");
  account = cbm::startSession(account, kStart, cbm::Decimal::parse("1", "w"), kRules);

  cbm::SessionStatus status = cbm::sessionStatus(account, kStart + 2 * kHour, kRules);
  CHECK(status.active);
  CHECK(status.startedAt == kStart);
  CHECK(status.elapsedSeconds == 2 * kHour);
  CHECK(status.estimatedPoints.str() == "51.324774404002834994");
  CHECK(status.nextStartAt == kStart + 24 * kHour);

  cbm::StopResult stopped = cbm::stopSession(account, kStart + 8 * kHour, kRules);
  CHECK(stopped.reward.str() == "94.386523716586627852");
  CHECK(stopped.account.totalPoints.str() == "1094.386523716586627852");
  CHECK_FALSE(stopped.account.activeSince);

  status = cbm::sessionStatus(stopped.account, kStart + 9 * kHour, kRules);
  CHECK_FALSE(status.active);
  CHECK(status.lastReward->str() == "94.386523716586627852");
  CHECK(status.lastCollectedAt == kStart + 8 * kHour);
  CHECK(status.nextStartAt == kStart + 24 * kHour);
  CHECK(status.secondsToNextStart == 15 * kHour);
  CHECK(cbm::sessionStatus(stopped.account, kStart + 30 * kHour, kRules).secondsToNextStart == 0);
}

TEST_CASE("a second start within 24 h fails and says when it will be allowed") {
  auto account =
      cbm::startSession(cbm::PointsAccount(), kStart, cbm::Decimal::parse("1.8", "w"), kRules);
  CHECK(ruleErrorOf([&] {
          cbm::startSession(account, kStart + kHour, cbm::Decimal::parse("1", "w"), kRules);
        }) ==
        "a session is already running since 2026-11-21T08:00:00Z; stop it before "
        "starting another");
  CHECK(ruleProblemOf([&] {
          cbm::startSession(account, kStart + kHour, cbm::Decimal::parse("1", "w"), kRules);
        }) == "session-running since=1795248000");
  account = cbm::stopSession(account, kStart + 2 * kHour, kRules).account;
  CHECK(ruleErrorOf([&] {
          cbm::startSession(account, kStart + 3 * kHour, cbm::Decimal::parse("1", "w"), kRules);
        }) ==
        "the last session started at 2026-11-21T08:00:00Z, less than 24 h ago; the next "
        "start is allowed at 2026-11-22T08:00:00Z");
  CHECK(ruleProblemOf([&] {
          cbm::startSession(account, kStart + 3 * kHour, cbm::Decimal::parse("1", "w"), kRules);
        }) == "cooldown lastStartedAt=1795248000 allowedAt=1795334400");
  CHECK(ruleErrorOf([&] {
          cbm::startSession(account, kStart + 24 * kHour - 1, cbm::Decimal::parse("1", "w"),
                            kRules);
        }).find("next start is allowed at 2026-11-22T08:00:00Z") != std::string::npos);
  auto again =
      cbm::startSession(account, kStart + 24 * kHour, cbm::Decimal::parse("1", "w"), kRules);
  CHECK(again.activeSince == kStart + 24 * kHour);
  // The weight of a session is the one at its start.
  CHECK(cbm::stopSession(again, kStart + 50 * kHour, kRules).reward.str() ==
        "99.982311309775743331");
}

TEST_CASE("stop with no session fails; times must not run backwards") {
  cbm::PointsAccount account;
  CHECK(ruleErrorOf([&] { cbm::stopSession(account, kStart, kRules); }) ==
        "no session is running: there is nothing to stop");
  CHECK(ruleProblemOf([&] { cbm::stopSession(account, kStart, kRules); }) == "no-session");
  account = cbm::startSession(account, kStart, cbm::Decimal::parse("1", "w"), kRules);
  CHECK_THROWS_WITH_AS(cbm::stopSession(account, kStart - 1, kRules),
                       "now: is before the session start (2026-11-21T08:00:00Z), got "
                       "2026-11-21T07:59:59Z",
                       cbm::InputError);
}

TEST_CASE("accounts are checked when read") {
  // The caller's texts, read at the boundary.
  CHECK_THROWS_WITH(cbm::readAccount({"0", "100"}, kRules),
                    "account.session.weight: is required while a session is active");
  CHECK_THROWS_WITH(cbm::readAccount({"0", "", "1"}, kRules),
                    "account.session.weight: is only allowed while a session is active");
  CHECK_THROWS_WITH(cbm::readAccount({"-1"}, kRules),
                    "account.totalPoints: must not be negative, got \"-1\"");
  CHECK_THROWS_WITH(cbm::readAccount({"0", "", "", "", "5"}, kRules),
                    "account.lastCollectedAt: lastReward and lastCollectedAt go together");
  cbm::AccountText text = cbm::writeAccount(cbm::startSession(
      cbm::readAccount({"12.5"}, kRules), kStart, cbm::Decimal::parse("2.6", "w"), kRules));
  CHECK(text.totalPoints == "12.5");
  CHECK(text.activeSince == std::to_string(kStart));
  CHECK(text.activeWeight == "2.6");
  CHECK(cbm::writeAccount(cbm::readAccount(text, kRules)).activeWeight == "2.6");
}

TEST_CASE("status and stop in the very second a session started") {
  auto account = cbm::startSession(withPoints("7"), kStart, cbm::Decimal::parse("2", "w"), kRules);
  const cbm::SessionStatus status = cbm::sessionStatus(account, kStart, kRules);
  CHECK(status.active);
  CHECK(status.startedAt == kStart);
  CHECK(status.elapsedSeconds == 0);
  CHECK(status.estimatedPoints.isZero());
  CHECK(status.weight.str() == "2");
  CHECK(status.nextStartAt == kStart + 24 * kHour);
  const cbm::StopResult stopped = cbm::stopSession(account, kStart, kRules);
  CHECK(stopped.reward.isZero());
  CHECK(stopped.account.totalPoints.str() == "7");
  CHECK_FALSE(stopped.account.activeSince);
  REQUIRE(stopped.account.lastCollectedAt);
  CHECK(*stopped.account.lastCollectedAt == kStart);
  CHECK(stopped.account.lastReward->isZero());
  // One second later: the formula's first second, 100 x (1 - e^-0.0001) x 2.
  const cbm::StopResult after = cbm::stopSession(account, kStart + 1, kRules);
  CHECK(after.reward.str() == "0.0199990000333325");
  // The cooldown counts from the start, not the stop: a start a second before 24 h fails.
  CHECK(cbm::sessionStatus(stopped.account, kStart, kRules).nextStartAt == kStart + 24 * kHour);
  CHECK(ruleErrorOf([&] {
          cbm::startSession(stopped.account, kStart + 24 * kHour - 1, cbm::Decimal::parse("1", "w"),
                            kRules);
        }) != "no error");
}

TEST_CASE("calendar: the Gregorian leap rule, centuries and every day of 400 years") {
  CHECK(cbm::formatDay(cbm::parseDay("2000-02-29", "d")) == "2000-02-29");  // divisible by 400
  CHECK(cbm::formatDay(cbm::parseDay("2400-02-29", "d")) == "2400-02-29");
  CHECK_THROWS_WITH(cbm::parseDay("2100-02-29", "d"), doctest::Contains("d:"));  // by 100 only
  CHECK_THROWS_WITH(cbm::parseDay("2023-02-29", "d"), doctest::Contains("d:"));
  CHECK(cbm::formatDay(cbm::parseDay("2024-02-29", "d")) == "2024-02-29");
  CHECK(cbm::parseDay("1970-01-01", "d") == 0);
  CHECK(cbm::parseDay("2000-03-01", "d") - cbm::parseDay("2000-02-28", "d") == 2);
  CHECK(cbm::parseDay("2100-03-01", "d") - cbm::parseDay("2100-02-28", "d") == 1);
  // Every day from 2000-01-01 for 400 years (146,097 days) against a plain day-by-day count.
  const int monthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  cbm::Day day = cbm::parseDay("2000-01-01", "d");
  CHECK(day == 10'957);
  for (int y = 2000; y < 2400; ++y) {
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= monthDays[m - 1] + (m == 2 && leap ? 1 : 0); ++d, ++day) {
        char text[11];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
        REQUIRE(cbm::parseDay(text, "d") == day);
        REQUIRE(cbm::formatDay(day) == text);
      }
    }
  }
  CHECK(day - cbm::parseDay("2000-01-01", "d") == 146'097);
}

TEST_CASE("calendar: days that do not exist, and durations in their largest exact unit") {
  for (const char* bad :
       {"2026-01-32", "2026-04-31", "2026-12-32", "2026-13-01", "2026-00-10", "2026-05-00",
        "2026-02-29", "1969-12-31", "2026-1-01", "2026/01/01", "2026-01-011", "2026-01-1"})
    CHECK_THROWS_WITH_AS(cbm::parseDay(bad, "day"), doctest::Contains("day:"), cbm::InputError);
  CHECK(cbm::formatDay(cbm::parseDay("2026-01-31", "d")) == "2026-01-31");
  CHECK(cbm::formatDay(cbm::parseDay("2026-12-31", "d")) == "2026-12-31");
  CHECK(cbm::formatDuration(86'400) == "24 h");
  CHECK(cbm::formatDuration(7'200) == "2 h");
  CHECK(cbm::formatDuration(5'400) == "90 min");
  CHECK(cbm::formatDuration(60) == "1 min");
  CHECK(cbm::formatDuration(45) == "45 s");
  CHECK(cbm::formatDuration(0) == "0 s");
}

TEST_CASE(
    "times before an account's last start or collection are refused, also without a cooldown") {
  cbm::PointsRules quick;
  quick.cooldownSeconds = 0;
  auto account =
      cbm::startSession(cbm::PointsAccount(), kStart, cbm::Decimal::parse("1", "w"), quick);
  CHECK_THROWS_WITH(cbm::sessionStatus(account, kStart - 1, quick),
                    "now: is before the session start (2026-11-21T08:00:00Z), got "
                    "2026-11-21T07:59:59Z");
  const auto stopped = cbm::stopSession(account, kStart + 10, quick).account;
  // A new start at the same second as the last one is allowed without a cooldown...
  CHECK_NOTHROW(cbm::startSession(stopped, kStart + 10, cbm::Decimal::parse("1", "w"), quick));
  // ...but not before the last start or the last collection.
  CHECK_THROWS_WITH(
      cbm::startSession(stopped, kStart + 9, cbm::Decimal::parse("1", "w"), quick),
      "now: is before the last collection (2026-11-21T08:00:10Z), got 2026-11-21T08:00:09Z");
  cbm::PointsAccount early = stopped;
  early.lastCollectedAt.reset();
  early.lastReward.reset();
  CHECK_THROWS_WITH(
      cbm::startSession(early, kStart - 1, cbm::Decimal::parse("1", "w"), quick),
      "now: is before the last session start (2026-11-21T08:00:00Z), got 2026-11-21T07:59:59Z");
  // With no session, the status has no elapsed time.
  const cbm::SessionStatus idle = cbm::sessionStatus(stopped, kStart + 20, quick);
  CHECK_FALSE(idle.active);
  CHECK(idle.elapsedSeconds == 0);
  CHECK(idle.startedAt == 0);
  CHECK(idle.estimatedPoints.isZero());
}

TEST_CASE("every day past a month's last is refused, each month and leap February") {
  const int lastDay[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (int m = 1; m <= 12; ++m) {
    char ok[11], bad[11];
    std::snprintf(ok, sizeof ok, "2026-%02d-%02d", m, lastDay[m - 1]);
    std::snprintf(bad, sizeof bad, "2026-%02d-%02d", m, lastDay[m - 1] + 1);
    CHECK(cbm::formatDay(cbm::parseDay(ok, "d")) == ok);
    CHECK_THROWS_AS(cbm::parseDay(bad, "d"), cbm::InputError);
  }
  CHECK_THROWS_AS(cbm::parseDay("2024-02-30", "d"), cbm::InputError);
}

TEST_CASE("an account round-trips through its text form, every field") {
  const cbm::AccountText text{"12.5", "", "", "1795248000", "3.25", "1795250000"};
  const cbm::AccountText back = cbm::writeAccount(cbm::readAccount(text, kRules));
  CHECK(back.totalPoints == "12.5");
  CHECK(back.activeSince.empty());
  CHECK(back.lastStartedAt == "1795248000");
  CHECK(back.lastReward == "3.25");
  CHECK(back.lastCollectedAt == "1795250000");
}

TEST_CASE("an active session's start is its last start; a stop clears its weight") {
  cbm::PointsAccount running;
  running.activeSince = 1'795'248'000;
  running.activeWeight = cbm::Decimal::parse("1.5", "test");
  const cbm::PointsAccount active = cbm::checkedAccount(running, kRules);
  REQUIRE(active.lastStartedAt);
  CHECK(*active.lastStartedAt == 1'795'248'000);
  running.lastStartedAt = 1'795'248'000;
  const cbm::PointsAccount later = cbm::checkedAccount(running, kRules);
  CHECK(*later.lastStartedAt == 1'795'248'000);
  const cbm::StopResult stopped = cbm::stopSession(active, 1'795'248'000 + kHour, kRules);
  CHECK(stopped.account.activeWeight.isZero());
  CHECK_FALSE(stopped.account.activeSince);
  CHECK(*stopped.account.lastStartedAt == 1'795'248'000);
  CHECK_THROWS_WITH(
      cbm::readPointsRules({{"maxSessionSeconds", "0"}}),
      "rules.maxSessionSeconds: must be a whole number from 1 to 3153600000, got \"0\"");
}

TEST_CASE("a stop with its session key is idempotent; starts and stops count in the revision") {
  const cbm::Decimal one = cbm::Decimal::parse("1", "w");
  const auto running = cbm::startSession(withPoints("10"), kStart, one, kRules);
  CHECK(running.revision == 1);
  const cbm::StopResult first = cbm::stopSession(running, kStart + 2 * kHour, kRules, kStart);
  CHECK_FALSE(first.alreadyCollected);
  CHECK(first.account.revision == 2);
  CHECK(first.account.totalPoints.str() == "61.324774404002834994");
  const cbm::StopResult again = cbm::stopSession(first.account, kStart + 3 * kHour, kRules, kStart);
  CHECK(again.alreadyCollected);
  CHECK(again.reward.str() == first.reward.str());
  CHECK(again.account.totalPoints.str() == "61.324774404002834994");  // paid once
  CHECK(again.account.revision == 2);
  const auto next = cbm::startSession(first.account, kStart + 24 * kHour, one, kRules);
  CHECK(ruleProblemOf([&] { cbm::stopSession(next, kStart + 25 * kHour, kRules, kStart); }) ==
        "session-mismatch session=1795248000");
  // Within a session's reward of 10^20 a start is refused: the reward could never be added.
  CHECK_THROWS_AS(cbm::startSession(withPoints("99999999999999999999.9"), kStart, one, kRules),
                  cbm::InputError);
}
