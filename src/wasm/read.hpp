// The boundary's reading: a caller's values, as the JS layer hands them over (every number as
// its decimal text, a JS null as none, lists of rows as texts by field name), turned into the
// core's typed inputs. Each error names the field. Whole numbers are read against the core's
// own ranges; amounts only as decimals: their sign and size are the core's to check.
//
// No Emscripten here: bindings.cpp turns JS values into these texts, and the native tests read
// texts through the same functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "apr.hpp"
#include "bands.hpp"
#include "buydate.hpp"
#include "points.hpp"
#include "projection.hpp"
#include "referral.hpp"
#include "reinvest.hpp"
#include "rules.hpp"
#include "session.hpp"
#include "supply.hpp"

namespace cbm {

/// One row of a list rule: its fields' texts by name ({"rate": "8", "duration": "57471264"}).
using TextRow = std::map<std::string, std::string>;
/// A rule's value: none (JS null), a text, or a list of rows.
using RuleValue = std::variant<std::monostate, std::string, std::vector<TextRow>>;
/// The rules a call was given, by name, in the caller's order.
using RuleValues = std::vector<std::pair<std::string, RuleValue>>;

/// The rules of each kind of call: the defaults with `values` applied and checked;
/// InputError("rules.<name>...") for an unknown name or a bad value.
PoolRules readPoolRules(const RuleValues& values);
PointsRules readPointsRules(const RuleValues& values);
ReferralRules readReferralRules(const RuleValues& values);

/// An amount: a decimal (Decimal::parse), its sign unchecked.
Decimal readDecimal(const std::string& text, const std::string& field);

struct AprText {
  std::string blockReward, tokenPrice, units, unitPrice;
};
AprInput readApr(const AprText& text);

struct ShareText {
  std::string units, poolPower, rate;
};
ShareInput readShare(const ShareText& text);

struct PoolSizeText {
  std::string units, blockReward, rate;
};
PoolSizeInput readPoolSize(const PoolSizeText& text);

struct WeightText {
  std::string streakDays, totalPoints, invites, vip = "0", extra = "0";
};
WeightInput readWeight(const WeightText& text);

/// A session's elapsed seconds: a whole number from 0 to kMaxSeconds.
Seconds readElapsed(const std::string& text);

/// Days "YYYY-MM-DD", the field of each `field[i]`.
std::vector<Day> readDays(const std::vector<std::string>& texts, const std::string& field);

struct ProjectionText {
  std::string from, days, totalPoints = "0", invites = "0", invitesPerWeek = "0",
                          sessionSeconds = "86400", checkinWeekdays = "1111111",
                          sessionWeekdays = "1111111", vip = "0", extra = "0";
};
/// The projection's input; the check-in history is read apart (readDays).
ProjectionInput readProjection(const ProjectionText& text);

/// A points account as text: "" for a field that is absent (null in JS). Errors name the
/// fields as the JS API shows them: account.session.startedAt and account.session.weight.
struct AccountText {
  std::string totalPoints = "0";
  std::string activeSince, activeWeight, lastStartedAt, lastReward, lastCollectedAt;
  std::string revision = "0";
};
/// Reads and checks an account (cbm::checkedAccount).
PointsAccount readAccount(const AccountText& text, const PointsRules& rules);
AccountText writeAccount(const PointsAccount& account);

/// `now` for the session calls: whole Unix seconds.
UnixSeconds readNow(const std::string& text);

/// A release table as (energy, releasedFraction) texts, checked (cbm::checkReleaseTable).
std::vector<ReleaseTier> readReleaseTable(
    const std::vector<std::pair<std::string, std::string>>& rows);

struct SupplyText {
  std::string t, energy, mined;
};
std::vector<SupplyInput> readSupplySeries(const std::vector<SupplyText>& points);

/// The seconds of an emission call: from, and to ("": until emission ends).
struct EmissionSpan {
  Seconds from;
  std::optional<Seconds> to;
};
EmissionSpan readEmissionSpan(const std::string& from, const std::string& to);

/// A pool's horizon, and the seconds between its samples ("": about 1,000 samples).
Seconds readHorizon(const std::string& text);
std::optional<Seconds> readSampleEvery(const std::string& text, Seconds horizon);

/// A holder's pool as text (holderScenario): purchases as { at, units } (and unitPrice, read by
/// readEarnings), the pool and the referral lines as { units, growthPerDay,
/// growthPercentPerMonth, ceiling } (all but units optional: absent, no such growth).
struct HolderText {
  struct Purchase {
    std::string at, units, unitPrice;
  };
  struct Growing {
    std::string units;
    std::optional<std::string> growthPerDay, growthPercentPerMonth, ceiling;
  };
  std::string now;
  std::vector<Purchase> purchases;
  Growing pool;
  std::vector<Growing> lines;
};

/// Units at now and how they grow, naming field.units, field.growthPerDay...
GrowingUnits readGrowing(const HolderText::Growing& text, const std::string& field);

/// `now` and each purchase's `at`: whole seconds since genesis, or, given the genesis day, a UTC
/// day "YYYY-MM-DD" (its midnight). Unit prices are left at 0.
HolderPool readHolder(const HolderText& text, std::optional<Day> genesis = std::nullopt);

/// projectEarnings' input as text: the holder (times as readHolder with the genesis day, every
/// purchase with its unitPrice); `period` is "day", "week", "month" or "year".
struct EarningsText {
  HolderText holder;
  std::string genesis, tokenPrice, period;
};
EarningsInput readEarnings(const EarningsText& text, PoolRules rules);

/// buyDates' input as text: the holder's pool without purchases (now as readHolder reads it,
/// with the genesis day), the budget and the prices (decimals), the prices' monthly growths
/// (decimals; "" for none).
struct BuyDateText {
  HolderText holder;
  std::string genesis, budgetUsd, unitPrice, unitPriceGrowthPercent, tokenPrice,
      tokenPriceGrowthPercent;
};
BuyDateInput readBuyDates(const BuyDateText& text, PoolRules rules);

/// earningsBands' input as text: projectEarnings' and the models (decimals), runs and seed
/// (whole numbers); "" for one that is absent: the core's default (bands.hpp).
struct BandsText {
  EarningsText earnings;
  std::string drift, volatility, poolSpread, runs, seed;
};
BandsInput readBands(const BandsText& text, PoolRules rules);

/// reinvest's input as text: projectEarnings', the new units' unitPrice (a decimal), the
/// cadences ("week", "month", "unit") and until (as `now`); "" for one that is absent: the
/// core's default (reinvest.hpp). `cadences` absent: every cadence.
struct ReinvestText {
  EarningsText earnings;
  std::string unitPrice, until, maxUnits, maxSpentUsd;  //!< "" for absent
  std::optional<std::vector<std::string>> cadences;
};
ReinvestInput readReinvest(const ReinvestText& text, PoolRules rules);

struct EnergyPriceText {
  std::string burnedUsd, basePrice, step, per;
};
EnergyPriceInput readEnergyPrice(const EnergyPriceText& text);

}  // namespace cbm
