#include "referral.hpp"

#include <algorithm>

#include "input_error.hpp"
#include "parse.hpp"

namespace cbm {

ReferralRules::ReferralRules()
    : lines{{Decimal::parse("0.03", "share"), Decimal::fromInteger(250)},
            {Decimal::parse("0.05", "share"), Decimal::fromInteger(500)},
            {Decimal::parse("0.08", "share"), Decimal::fromInteger(1000)}} {}

namespace {

// Per line, the first second at which the holder's activated purchases reach its threshold.
std::vector<std::optional<Seconds>> unlockTimes(std::vector<Purchase> purchases,
                                                const ReferralRules& rules) {
  std::stable_sort(purchases.begin(), purchases.end(),
                   [](const Purchase& a, const Purchase& b) { return a.at < b.at; });
  std::vector<std::optional<Seconds>> unlocked(rules.lines.size());
  for (std::size_t l = 0; l < rules.lines.size(); ++l)
    if (rules.lines[l].thresholdUsd.isZero()) unlocked[l] = 0;  // no purchase needed
  Decimal paid;
  for (std::size_t p = 0; p < purchases.size(); ++p) {
    paid =
        paid.plus(purchases[p].units.times(purchases[p].unitPrice, "purchases: units x unitPrice"),
                  "purchases: the sum of units x unitPrice");
    for (std::size_t l = 0; l < rules.lines.size(); ++l)
      if (!unlocked[l] && paid >= rules.lines[l].thresholdUsd) unlocked[l] = purchases[p].at;
  }
  return unlocked;
}

void checkInput(const std::vector<Seconds>& t, const std::vector<MinedSeries>& lines,
                const std::vector<Purchase>& purchases, const ReferralRules& rules) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] < 0) throw InputError(indexed("t", i), "must not be negative");
    if (i > 0 && t[i] <= t[i - 1])
      throw InputError(indexed("t", i), "must be later than the time before it");
  }
  if (lines.size() > rules.lines.size())
    throw InputError("lines", "has " + std::to_string(lines.size()) + " lines; the rules have " +
                                  std::to_string(rules.lines.size()));
  for (std::size_t l = 0; l < lines.size(); ++l) {
    const std::string line = indexed("lines", l);
    if (lines[l].minedWei.size() != t.size() || lines[l].rateWei.size() != t.size())
      throw InputError(line, "must have one mined and one rate value for each of the " +
                                 std::to_string(t.size()) + " times");
    for (std::size_t i = 0; i < t.size(); ++i) {
      if (lines[l].minedWei[i] < 0 || (i > 0 && lines[l].minedWei[i] < lines[l].minedWei[i - 1]))
        throw InputError(indexed(line + ".mined", i),
                         "must not be negative or less than the value before it (mined to date)");
      if (lines[l].rateWei[i] < 0)
        throw InputError(indexed(line + ".rate", i), "must not be negative");
    }
  }
  for (std::size_t p = 0; p < purchases.size(); ++p)
    if (purchases[p].at < 0)
      throw InputError(indexed("purchases", p) + ".at", "must not be negative");
}

}  // namespace

ReferralIncome referralIncome(const std::vector<Seconds>& t, const std::vector<MinedSeries>& lines,
                              std::vector<Purchase> purchases, const ReferralRules& rules) {
  checkInput(t, lines, purchases, rules);
  ReferralIncome out;
  out.unlockedAt = unlockTimes(std::move(purchases), rules);
  const auto unlockedBy = [&](std::size_t line, Seconds at) {
    return out.unlockedAt[line] && *out.unlockedAt[line] <= at;
  };
  const auto share = [&](std::size_t line, Int128 wei) {
    return Decimal::fromRaw(wei).times(rules.lines[line].share, "referral income").raw();
  };

  // Each payout settles what the lines mined between two samples: the previous payout's (or
  // the first) and this one's.
  std::size_t settled = 0;
  const auto pay = [&](std::size_t sample, Seconds at) {
    ReferralPayout payout{at, at + rules.lockFor, std::vector<Int128>(lines.size()), 0};
    for (std::size_t l = 0; l < lines.size(); ++l) {
      if (!unlockedBy(l, at)) continue;
      payout.lineWei[l] = share(l, lines[l].minedWei[sample] - lines[l].minedWei[settled]);
      payout.amountWei += payout.lineWei[l];
    }
    settled = sample;
    if (payout.amountWei == 0) return;
    out.totalWei += payout.amountWei;
    out.payouts.push_back(std::move(payout));
  };
  if (!t.empty()) {
    const Seconds every = rules.payEvery;
    Seconds next = (t[0] / every + 1) * every;  // the first payout time after t[0]
    for (std::size_t i = 1; i < t.size(); ++i) {
      if (t[i] > next)
        throw InputError("t", "must hold every payout time (each multiple of " +
                                  std::to_string(every) + " s) between its first and last value; " +
                                  std::to_string(next) + " is missing");
      if (t[i] == next) {
        pay(i, next);
        next += every;
      }
    }
    if (settled + 1 < t.size()) pay(t.size() - 1, next);  // the last, partial week
  }

  // The series at the sample times: payouts and unlocks are both in time order.
  const std::size_t n = t.size();
  out.paidWei.resize(n);
  out.unlockedWei.resize(n);
  out.lockedWei.resize(n);
  out.rateWei.resize(n);
  std::size_t paidCount = 0, unlockedCount = 0;
  Int128 paid = 0, unlocked = 0;
  for (std::size_t i = 0; i < n; ++i) {
    for (; paidCount < out.payouts.size() && out.payouts[paidCount].at <= t[i]; ++paidCount)
      paid += out.payouts[paidCount].amountWei;
    for (; unlockedCount < out.payouts.size() && out.payouts[unlockedCount].unlocksAt <= t[i];
         ++unlockedCount)
      unlocked += out.payouts[unlockedCount].amountWei;
    out.paidWei[i] = paid;
    out.unlockedWei[i] = unlocked;
    out.lockedWei[i] = paid - unlocked;
    for (std::size_t l = 0; l < lines.size(); ++l)
      if (unlockedBy(l, t[i])) out.rateWei[i] += share(l, lines[l].rateWei[i]);
  }
  return out;
}

ReferralRules checkedReferralRules(ReferralRules rules) {
  requireWhole(rules.payEvery, "rules.payEvery", 1, kMaxSeconds);
  requireWhole(rules.lockFor, "rules.lockFor", 0, kMaxSeconds);
  if (rules.lines.size() > kMaxReferralLines)
    throw InputError("rules.lines",
                     "must have at most " + std::to_string(kMaxReferralLines) + " lines");
  for (std::size_t i = 0; i < rules.lines.size(); ++i) {
    const std::string field = indexed("rules.lines", i);
    const ReferralLine& line = rules.lines[i];
    requireSign(line.share, field + ".share", Sign::nonNegative);
    if (line.share > Decimal::fromInteger(1))
      throw InputError(field + ".share", "must be at most 1 (all of what the line mines), got " +
                                             quote(line.share.str()));
    requireSign(line.thresholdUsd, field + ".thresholdUsd", Sign::nonNegative);
  }
  return rules;
}

std::string referralDefaultsJson() {
  const ReferralRules rules;
  std::string lines = "[";
  for (const ReferralLine& line : rules.lines)
    lines += std::string(lines.size() > 1 ? "," : "") + "{\"share\":\"" + line.share.str() +
             "\",\"thresholdUsd\":\"" + line.thresholdUsd.str() + "\"}";
  return "{\"lines\":" + lines + "],\"payEvery\":" + std::to_string(rules.payEvery) +
         ",\"lockFor\":" + std::to_string(rules.lockFor) + "}";
}

}  // namespace cbm
