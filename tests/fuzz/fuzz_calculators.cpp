// The calculators (SPEC 1, 5, 6, 7) on any input: each call returns a result that keeps the
// SPEC's invariants, or throws InputError / RuleError; nothing else.
#include "apr.hpp"
#include "check.hpp"
#include "emission.hpp"
#include "input_error.hpp"
#include "points.hpp"
#include "read.hpp"
#include "referral.hpp"
#include "session.hpp"
#include "supply.hpp"
#include "values.hpp"

namespace {

using cbm::Decimal;
const Decimal kWei = Decimal::fromRaw(1);

void apr(FuzzedDataProvider& in) {
  const cbm::AprResult r =
      cbm::apr(cbm::readApr({fuzz::value(in), fuzz::value(in), fuzz::value(in), fuzz::value(in)}));
  FUZZ_CHECK(!r.aprPercent.isNegative() && !r.yearlyReward.isNegative());
  FUZZ_CHECK(r.contributionUsd > Decimal() || r.contributionUsd.isZero());
  // net gain = APR - 100, each truncated from its exact value: within a wei.
  const Decimal gap =
      r.netGainPercent.minus(r.aprPercent.minus(Decimal::fromInteger(100), "a"), "b");
  FUZZ_CHECK(gap <= kWei && Decimal() <= gap.plus(kWei, "c"));
}

void points(FuzzedDataProvider& in) {
  const cbm::PointsRules rules = cbm::readPointsRules(fuzz::ruleOverrides(in, false));
  const cbm::Weight w = cbm::pointsWeight(
      cbm::readWeight({fuzz::value(in), fuzz::value(in), fuzz::value(in)}), rules);
  FUZZ_CHECK(w.weight <= rules.weightCap && !w.weight.isNegative());
  const auto t = in.ConsumeIntegralInRange<cbm::Seconds>(0, 200'000);
  const Decimal now = cbm::pointsReward(t, w.weight, rules);
  const Decimal later = cbm::pointsReward(t + 1, w.weight, rules);
  FUZZ_CHECK(!now.isNegative() && now <= later);
  FUZZ_CHECK(later <= rules.base.times(w.weight, "full"));
  cbm::pointsReward(cbm::readElapsed(fuzz::value(in)), cbm::readDecimal(fuzz::value(in), "weight"),
                    rules);
}

void emission(FuzzedDataProvider& in) {
  const cbm::PoolRules rules = cbm::readPoolRules(fuzz::ruleOverrides(in, true));
  const cbm::EmissionSpan span = cbm::readEmissionSpan(fuzz::value(in), fuzz::value(in));
  const cbm::EmissionReport r = cbm::emissionReport(span.from, span.to, rules.emission);
  FUZZ_CHECK(!r.emitted.isNegative() && r.emitted <= r.total && !r.rate.isNegative());
  FUZZ_CHECK(r.stage >= 0 && r.stage <= static_cast<int>(rules.emission.schedule.size()));
  if (rules.emission.supplyCap) FUZZ_CHECK(r.total <= *rules.emission.supplyCap);
}

void sessions(FuzzedDataProvider& in) {
  const cbm::PointsRules rules = cbm::readPointsRules(fuzz::ruleOverrides(in, false));
  cbm::PointsAccount account = cbm::readAccount({fuzz::value(in)}, rules);
  cbm::UnixSeconds now = in.ConsumeIntegralInRange<cbm::UnixSeconds>(0, 2'000'000'000);
  for (int i = 0; i < 8 && in.remaining_bytes() > 0; ++i) {
    now += in.ConsumeIntegralInRange<cbm::Seconds>(0, 200'000);
    const Decimal before = account.totalPoints;
    try {
      switch (in.ConsumeIntegralInRange(0, 2)) {
        case 0:
          account = cbm::startSession(account, now,
                                      Decimal::fromInteger(in.ConsumeIntegralInRange(0, 5)), rules);
          FUZZ_CHECK(account.activeSince == now);
          break;
        case 1:
          account = cbm::stopSession(account, now, rules).account;
          FUZZ_CHECK(!account.activeSince && account.totalPoints >= before);
          break;
        default:
          FUZZ_CHECK(cbm::sessionStatus(account, now, rules).nextStartAt >= now);
      }
    } catch (const cbm::RuleError&) {
    }
    const cbm::PointsAccount again = cbm::readAccount(cbm::writeAccount(account), rules);
    FUZZ_CHECK(again.totalPoints == account.totalPoints &&
               again.activeSince == account.activeSince);
  }
}

void supply(FuzzedDataProvider& in) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (int i = in.ConsumeIntegralInRange(0, 4); i > 0; --i)
    rows.emplace_back(fuzz::value(in), fuzz::value(in));
  const auto table = cbm::readReleaseTable(rows);
  std::vector<cbm::SupplyText> series;
  for (int i = in.ConsumeIntegralInRange(0, 4); i > 0; --i)
    series.push_back({fuzz::value(in), fuzz::value(in), fuzz::value(in)});
  for (const cbm::SupplyPoint& p : cbm::supplyControl(table, cbm::readSupplySeries(series)))
    FUZZ_CHECK(p.liquid.plus(p.locked, "sum") == p.mined && !p.locked.isNegative() &&
               !p.liquid.isNegative());
  cbm::energyPrice(
      cbm::readEnergyPrice({fuzz::value(in), fuzz::value(in), fuzz::value(in), fuzz::value(in)}));
}

void projection(FuzzedDataProvider& in) {
  cbm::ProjectionText p;
  p.from = in.ConsumeBool() ? "2026-11-23" : fuzz::value(in);
  p.days = std::to_string(in.ConsumeIntegralInRange(0, 40));
  p.totalPoints = fuzz::value(in);
  p.invites = fuzz::value(in);
  p.invitesPerWeek = fuzz::value(in);
  p.sessionSeconds = fuzz::value(in);
  p.checkinWeekdays = in.ConsumeBool() ? "1111100" : fuzz::value(in);
  std::vector<std::string> checkins;
  for (int i = in.ConsumeIntegralInRange(0, 3); i > 0; --i) checkins.push_back(fuzz::value(in));
  cbm::ProjectionInput input = cbm::readProjection(p);
  input.checkins = cbm::readDays(checkins, "checkins");
  const cbm::Projection r = cbm::pointsProjection(input, cbm::PointsRules());
  for (std::size_t i = 1; i < r.days.size(); ++i) {
    FUZZ_CHECK(r.days[i].totalPoints >= r.days[i - 1].totalPoints);
    FUZZ_CHECK(r.days[i].streakDays <= r.days[i - 1].streakDays + 1);
  }
}

// Referral income from any mining: payouts add up, are never more than the lines' shares of
// what they mined, and locked + unlocked = paid at every sample.
void referral(FuzzedDataProvider& in) {
  cbm::RuleValues overrides;
  if (in.ConsumeBool()) {
    std::vector<cbm::TextRow> lines(in.ConsumeIntegralInRange<std::size_t>(0, 11));
    for (cbm::TextRow& line : lines)
      line = {{"share", fuzz::value(in)}, {"thresholdUsd", fuzz::value(in)}};
    overrides.emplace_back("lines", std::move(lines));
  }
  if (in.ConsumeBool())
    overrides.emplace_back("payEvery", std::to_string(in.ConsumeIntegralInRange(0, 50)));
  if (in.ConsumeBool()) overrides.emplace_back("lockFor", fuzz::value(in));
  const cbm::ReferralRules rules = cbm::readReferralRules(overrides);
  std::vector<cbm::Seconds> t;
  for (cbm::Seconds s = in.ConsumeIntegralInRange(-1, 20); t.size() < 30 && in.ConsumeBool();)
    t.push_back(s += in.ConsumeIntegralInRange(0, 9));
  std::vector<cbm::MinedSeries> lines(in.ConsumeIntegralInRange<std::size_t>(0, 4));
  for (cbm::MinedSeries& line : lines) {
    cbm::Int128 mined = 0;
    for (std::size_t i = 0; i < t.size() + in.ConsumeIntegralInRange(0, 1); ++i) {
      mined += in.ConsumeIntegralInRange<std::int64_t>(-1, 1'000'000'000'000'000'000);
      line.minedWei.push_back(mined);
      line.rateWei.push_back(in.ConsumeIntegralInRange<std::int64_t>(-1, 1'000'000));
    }
  }
  std::vector<cbm::Purchase> purchases;
  for (int i = in.ConsumeIntegralInRange(0, 3); i > 0; --i)
    purchases.push_back({in.ConsumeIntegralInRange<cbm::Seconds>(-1, 300),
                         Decimal::fromInteger(in.ConsumeIntegralInRange(1, 5000)),
                         Decimal::parse(in.ConsumeBool() ? "0.25" : "1", "unitPrice")});
  const cbm::ReferralIncome r = cbm::referralIncome(t, lines, purchases, rules);
  cbm::Int128 total = 0;
  for (const cbm::ReferralPayout& p : r.payouts) {
    cbm::Int128 sum = 0;
    for (const cbm::Int128 w : p.lineWei) sum += w;
    FUZZ_CHECK(sum == p.amountWei && p.amountWei > 0 && p.unlocksAt == p.at + rules.lockFor);
    total += p.amountWei;
  }
  FUZZ_CHECK(total == r.totalWei);
  cbm::Int128 mined = 0;
  for (const cbm::MinedSeries& line : lines)
    mined += line.minedWei.empty() ? 0 : line.minedWei.back();
  FUZZ_CHECK(total <= mined);
  for (std::size_t i = 0; i < t.size(); ++i)
    FUZZ_CHECK(r.lockedWei[i] + r.unlockedWei[i] == r.paidWei[i] && r.lockedWei[i] >= 0 &&
               r.paidWei[i] <= r.totalWei);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  try {
    switch (in.ConsumeIntegralInRange(0, 6)) {
      case 0:
        apr(in);
        break;
      case 1:
        points(in);
        break;
      case 2:
        emission(in);
        break;
      case 3:
        sessions(in);
        break;
      case 4:
        supply(in);
        break;
      case 5:
        referral(in);
        break;
      default:
        projection(in);
        break;
    }
  } catch (const cbm::InputError& e) {
    FUZZ_CHECK(!std::string(e.what()).empty());
  }
  return 0;
}
