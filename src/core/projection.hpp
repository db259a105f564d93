// SPEC 5 for one holder: what my purchases earn, period by period, in a pool that grows around
// them. The rest of the pool is everyone else's units: `pool.units` at `now`, growing a day (one
// activation a day, see GrowingUnits) from the earlier of now and the first purchase; before
// that start it holds what it holds at the start. The holder's purchases join
// the queue like any request. The pool engine runs the whole thing, following the holder, so
// every figure is its exact reward, truncated to the wei; USD figures are WFI x tokenPrice,
// truncated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "calendar.hpp"
#include "decimal.hpp"
#include "double_double.hpp"
#include "pool.hpp"
#include "referral.hpp"
#include "rules.hpp"

namespace cbm {

struct HolderPurchase {
  Seconds at;          //!< requested at, seconds since genesis
  std::int64_t units;  //!< 1 to kMaxUnitsPerActivation
  Decimal unitPrice;   //!< USD a unit, >= 0
};

/// Units described by what they are at now and how they grow, day by day. The part holds
/// `units` on the day of now (day D from the start) and on day d:
/// - by default, units + (d - D) x growthPerDay: the same number of new units a day;
/// - with growthPercentPerMonth p, units x g^(d - D), g = (1 + p/100)^(12/365) (twelve months
///   make a year of 365 days): compound growth;
/// - with a ceiling K as well, K / (1 + (K/units - 1) g^(D - d)): the logistic S-curve that
///   starts at that compound rate and flattens toward K.
/// The percentage figures are rounded to the nearest unit (half up), computed in double-double
/// arithmetic (no libm, the same bits natively and in WASM). A linear growth stops at the
/// ceiling, if there is one.
struct GrowingUnits {
  std::int64_t units = 0;               //!< at now, 0 to kMaxUnitsPerActivation
  std::int64_t growthPerDay = 0;        //!< 0 to kMaxUnitsPerActivation
  Decimal growthPercentPerMonth;        //!< 0 to kMaxGrowthPercentPerMonth; not with growthPerDay
  std::optional<std::int64_t> ceiling;  //!< units to kMaxUnitsPerActivation
};
constexpr std::int64_t kMaxGrowthPercentPerMonth = 100;

/// The units of `g` on each day from `start` ([0] on the start's day, [d] d days on) while
/// start + d days < horizon, with `now` on day (now - start) / 86,400. Non-decreasing.
/// InputError naming `field`.units, .growthPerDay, .growthPercentPerMonth or .ceiling for bad
/// input or a growth beyond kMaxUnitsPerActivation.
std::vector<std::int64_t> unitsByDay(const GrowingUnits& g, Seconds start, Seconds now,
                                     Seconds horizon, const std::string& field);

/// A holder among others: everyone else's pool, and the holder's referral lines (SPEC 7b),
/// each mining beside the holder and growing a day.
struct HolderPool {
  Seconds now = 0;                        //!< seconds since genesis
  std::vector<HolderPurchase> purchases;  //!< at least one, each before emission ends
  GrowingUnits pool;                      //!< everyone else (the lines aside)
  std::vector<GrowingUnits> lines;        //!< line 1 first
};

/// The holder's pool as requests, owned by "pool", "line-1", "line-2"... and "you" (ties in the
/// queue go in that order), from `start` (the earlier of now and the first purchase; before it
/// each part holds what it holds then) to the end of emission, `horizon`. InputError naming the
/// field (purchases[i].at, pool.growthPerDay, lines[i].units...) for bad input.
struct HolderScenario {
  PoolScenario scenario;  //!< focused on "you", tracking the lines
  Seconds start = 0, horizon = 0;
};
HolderScenario holderScenario(const PoolRules& rules, const HolderPool& holder);
/// The same without the holder's purchases (which it does not read), from now: the pool a
/// purchase made from now on joins.
HolderScenario othersScenario(const PoolRules& rules, const HolderPool& holder);
constexpr const char* kHolderOwner = "you";

struct EarningsInput {
  PoolRules rules;
  Day genesis = 0;     //!< the pool's first day: second 0 is its midnight (UTC)
  HolderPool holder;   //!< now, the purchases (with their unit prices), the pool, the lines
  Decimal tokenPrice;  //!< USD a WFI, >= 0
  Period period = Period::month;
  //! More than 0: Earnings::series has a sample every this many seconds (a day for a chart).
  Seconds sampleEvery = 0;
  //! false: no search for the breakeven second (Earnings::breakevenAt stays empty). The search
  //! re-runs the pool around it: most of a projection's time, for callers that need the rest.
  bool breakeven = true;
  //! The second the figures of now (now, the next 30 days, the 12 months, the next halving)
  //! count from, if not holder.now: a scenario bought later counts from its own day. The pool
  //! is still described at holder.now.
  std::optional<Seconds> from;
};
//! The most samples a series may have (the period bounds share the run's kMaxSamples).
constexpr std::int64_t kMaxEarningsSamples = 50'000;

/// The seconds start .. end-1 and what the holder mined in them, and from the first purchase
/// to `end`.
struct EarningsPeriod {
  Seconds start, end;
  Decimal wfi, usd;
  Decimal cumulativeWfi, cumulativeUsd;
};

/// What the holder mines at a second: a second of it (the block reward), a day of it, a day's
/// worth in USD.
struct EarningsRate {
  Decimal blockReward, wfiPerDay, usdPerDay;
};

/// How the rate at a second came about: the emission then, the holder's effective power and the
/// pool's (everyone's, the holder's included); blockReward = rate x power / poolPower, truncated
/// to the wei.
struct NowTerms {
  Seconds at = 0;
  Int128 rateWei = 0;
  DoubleDouble power, poolPower;
};

/// A second of the projection: what the holder mines in it (the rate), how that came about, what
/// the purchases mining in it cost, and SPEC 5's APR over that.
struct EarningsMoment {
  EarningsRate rate;
  NowTerms terms;  //!< terms.at: the second
  Decimal miningPaidUsd, aprPercent;
};

/// What the queue did with a purchase and what it mined to the end of emission.
struct PurchaseOutcome {
  Seconds activatedAt = -1;  //!< the second the queue served it; -1: still queued at the end
  Seconds miningStart = -1;  //!< its first second of mining; -1 as activatedAt
  Seconds waitSeconds = -1;  //!< activatedAt - at; -1 as activatedAt
  Int128 rewardWei = 0;
};

/// The run behind the figures, sampled: at the multiples of sampleEvery from the start of the
/// holder's pool (HolderScenario::start), then at the end of emission. Each column has one entry
/// a sample; the referral lines' columns are the holder's kind, line 1 first.
struct EarningsSeries {
  std::vector<Seconds> t;
  std::vector<Int128> minedWei;         //!< the holder's reward for the seconds before t
  std::vector<Int128> rateWei;          //!< the holder's reward in second t
  std::vector<Int128> emissionRateWei;  //!< the emission of second t
  std::vector<double> poolPower;        //!< everyone's effective power in second t
  std::vector<PoolResult::Tracked> lines;
};

struct Earnings {
  //! From the first purchase to the end of emission, cut at the calendar periods.
  std::vector<EarningsPeriod> periods;
  Decimal totalWfi, totalUsd;  //!< the periods' sums
  Decimal paidUsd;             //!< units x unitPrice over all purchases
  //! The second in which the mined WFI, at tokenPrice, first covers paidUsd (none: never).
  std::optional<Seconds> breakevenAt;
  //! At `now`, counting every purchase mining then, and SPEC 5's APR over what those purchases
  //! cost. A purchase requested by now but still queued (bought today) counts: the figures are
  //! then those of the second it starts mining.
  EarningsRate now;
  Decimal aprPercentNow;
  EarningsMoment nowMoment;  //!< now and aprPercentNow, with how they came about
  //! The next stage change after now (a halving), and the rate from its first second.
  std::optional<Seconds> nextHalvingAt;
  EarningsRate afterHalving;
  //! The 30 days from now, and the 365 days from now (each to the end of emission, if sooner);
  //! firstYearReturnPercent = firstYearUsd / paidUsd.
  Decimal next30DaysWfi, next30DaysUsd;
  Decimal firstYearWfi, firstYearUsd, firstYearReturnPercent;
  std::vector<PurchaseOutcome> purchases;  //!< in input order
  EarningsSeries series;                   //!< empty unless sampleEvery > 0
  //! With a series and referral lines: the holder's referral income (SPEC 7b, the default
  //! rules), its purchases unlocking the lines as the queue serves them; its series columns at
  //! the series' samples.
  std::optional<ReferralIncome> referral;
};

/// InputError naming the field as the JS API does (purchases[i].at, pool.growthPerDay, now...).
Earnings projectEarnings(const EarningsInput& input);

/// The figures of another second of the projection, as `now` gives them for its own (a page
/// that shows a day's figure explains it with these). InputError("at") outside 0 .. kMaxSeconds.
EarningsMoment earningsAt(const EarningsInput& input, Seconds at);

/// The pieces of a projection that the bands (bands.hpp) run over many price paths and pools.
/// What a purchase cost: units x unitPrice.
Decimal paidFor(const HolderPurchase& purchase);
/// The seconds the periods start at, from the first purchase, then the end of emission.
std::vector<Seconds> periodBounds(const EarningsInput& input);
/// What the holder ("you") of a holder scenario has mined before each of the seconds `at`
/// (ascending, each at most the horizon), in wei.
std::vector<Int128> minedBefore(const PoolScenario& scenario, const std::vector<Seconds>& at);
/// The first second t in (lo, hi] before which the holder has mined at least `target` wei,
/// given that they have before hi.
Seconds firstReaching(const PoolScenario& scenario, Seconds lo, Seconds hi, Int128 target);

/// What the WeFi app shows a holder now: the block reward of their purchases.
struct PoolCalibration {
  PoolRules rules;
  Seconds now = 0;                        //!< seconds since genesis
  std::vector<HolderPurchase> purchases;  //!< as projectEarnings takes them
  Decimal blockReward;                    //!< WFI a second, > 0
};
/// Everyone else's units (one block of their age, not growing) that make projectEarnings give
/// `blockReward` now: the largest whole number of units whose block reward is at least it (the
/// next one's is less). InputError("blockReward") with problem "above-max" {max} when it is
/// more than the purchases earn alone, or "below-min" {min} when less than beside
/// kMaxUnitsPerActivation others.
std::int64_t calibratePool(const PoolCalibration& calibration);

}  // namespace cbm
