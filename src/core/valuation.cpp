#include "valuation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "input_error.hpp"
#include "parse.hpp"
#include "rules.hpp"

namespace cbm {

namespace {

constexpr double kNoApr = std::numeric_limits<double>::quiet_NaN();

double growthOver(double monthlyPercent, std::int64_t seconds) {
  return std::pow(1 + monthlyPercent / 100,
                  static_cast<double>(seconds) / kSecondsPerDay / kDaysPerMonth);
}

// The float price of a path at t, for charts.
double priceNumber(double price, double monthlyPercent, std::int64_t seconds) {
  return seconds <= 0 || monthlyPercent == 0 ? price : price * growthOver(monthlyPercent, seconds);
}

void checkInput(const ValuationInput& in) {
  const std::size_t n = in.t.size();
  if (n == 0) throw InputError("t", "must have at least one sample");
  if (in.mined.size() != n) throw InputError("mined", "must have one value per sample");
  if (in.rate.size() != n) throw InputError("rate", "must have one value per sample");
  if (!in.referralRate.empty() && in.referralRate.size() != n)
    throw InputError("referralRate", "must have one value per sample");
  for (std::size_t i = 1; i < n; ++i)
    if (in.t[i] <= in.t[i - 1])
      throw InputError("t[" + std::to_string(i) + "]", "must be after the sample before it");
  if (in.purchases.empty()) throw InputError("purchases", "must have at least one purchase");
  for (std::size_t k = 0; k < in.purchases.size(); ++k) {
    const std::string field = "purchases[" + std::to_string(k) + "]";
    if (in.purchases[k].units <= 0) throw InputError(field + ".units", "must be greater than 0");
    if (in.purchases[k].unitPrice)
      requireSign(*in.purchases[k].unitPrice, field + ".unitPrice", Sign::nonNegative);
  }
  requireSign(in.unitPrice, "unitPrice", Sign::positive);
  requireSign(in.tokenPrice, "tokenPrice", Sign::nonNegative);
  for (std::size_t k = 0; k < in.monthlyGrowthPercent.size(); ++k) {
    if (!validGrowth(in.monthlyGrowthPercent[k]))
      throw InputError("paths[" + std::to_string(k) + "]",
                       "must be a monthly growth above -100% and at most 1000%");
  }
}

}  // namespace

Decimal twelveDigits(double x, const std::string& what) {
  char text[32];
  std::snprintf(text, sizeof text, "%.11e", x);  // d.ddddddddddde+XX: 12 digits
  Int128 raw = 0;  // the 12 digits as a whole number, then scaled to 10^-18 units
  const char* p = text;
  for (; *p && *p != 'e'; ++p)
    if (*p >= '0' && *p <= '9') raw = raw * 10 + (*p - '0');
  // value = digits x 10^(exponent - 11); raw = value x 10^18.
  const long shift = (*p ? std::strtol(p + 1, nullptr, 10) : 0) - 11 + Decimal::kFractionDigits;
  for (long k = 0; k < shift; ++k) {
    if (raw > Decimal::kMaxRaw / 10)
      return Decimal::fromRaw(Decimal::kMaxRaw + 1, what);  // too large
    raw *= 10;
  }
  for (long k = 0; k < -shift && raw != 0; ++k) raw /= 10;  // truncated at the 18th decimal
  return Decimal::fromRaw(raw, what);
}

Decimal modelledPrice(Decimal price, double monthlyPercent, std::int64_t seconds) {
  if (seconds <= 0 || monthlyPercent == 0) return price;
  return twelveDigits(price.toDouble() * growthOver(monthlyPercent, seconds), "price");
}

Valuation valueEarnings(const ValuationInput& in) {
  checkInput(in);
  const std::size_t n = in.t.size();
  Valuation v;
  UnixSeconds lastPurchase = in.purchases[0].at, firstMining = in.purchases[0].miningStart;
  std::vector<Decimal> cost;  // each purchase's units x its price
  for (const auto& p : in.purchases) {
    v.totalUnits += p.units;
    lastPurchase = std::max(lastPurchase, p.at);
    firstMining = std::min(firstMining, p.miningStart);
    cost.push_back(Decimal::fromInteger(p.units).times(p.unitPrice.value_or(in.unitPrice), "cost"));
    v.contributionUsd = v.contributionUsd.plus(cost.back(), "contributionUsd");
  }
  // What the purchases made by each sample cost: the APR's denominator there.
  std::vector<Decimal> paidBy(n);
  v.unitsBy.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < in.purchases.size(); ++k)
      if (in.purchases[k].at <= in.t[i]) {
        v.unitsBy[i] += in.purchases[k].units;
        paidBy[i] = paidBy[i].plus(cost[k], "paid");
      }
  v.perUnitWfiEnd = Decimal::fromRaw(in.mined.back().raw() / v.totalUnits);  // truncated
  // Now: the first sample at or after today at which the units mine, every purchase made by
  // today among them (one bought today mines from a second later); without such a sample, the
  // first at which some of them mine.
  UnixSeconds allMining = firstMining;
  for (const auto& p : in.purchases)
    if (p.at <= in.today) allMining = std::max(allMining, p.miningStart);
  const auto from = [&](UnixSeconds start) {
    return std::find_if(in.t.begin(), in.t.end(),
                        [&](UnixSeconds t) { return t >= in.today && t >= start; });
  };
  auto now = from(allMining);
  if (now == in.t.end()) now = from(firstMining);
  if (now != in.t.end()) v.now = static_cast<std::size_t>(now - in.t.begin());
  if (v.now) v.perDayNow = in.rate[*v.now].times(Decimal::fromInteger(kSecondsPerDay), "perDay");

  const double tokenPrice = in.tokenPrice.toDouble();
  const double contribution = v.contributionUsd.toDouble();
  std::vector<double> mined(n), rate(n), referralRate(in.referralRate.size());
  for (std::size_t i = 0; i < n; ++i) {
    mined[i] = in.mined[i].toDouble();
    rate[i] = in.rate[i].toDouble();
    if (!referralRate.empty()) referralRate[i] = in.referralRate[i].toDouble();
  }
  for (const double monthly : in.monthlyGrowthPercent) {
    PathValuation path;
    path.monthlyGrowthPercent = monthly;
    path.price.resize(n);
    path.usd.resize(n);
    path.apr.assign(n, kNoApr);
    if (!referralRate.empty()) path.aprWithReferrals.assign(n, kNoApr);
    const auto exactPrice = [&](std::size_t i) {
      return modelledPrice(in.tokenPrice, monthly, in.t[i] - in.today);
    };
    for (std::size_t i = 0; i < n; ++i) {
      path.price[i] = priceNumber(tokenPrice, monthly, in.t[i] - in.today);
      path.usd[i] = mined[i] * path.price[i];
      if (in.t[i] < firstMining) continue;
      // SPEC 5's APR, in floats for the chart: the figures shown come from apr().
      const double paid = paidBy[i].toDouble();
      if (paid <= 0) continue;
      const auto aprOf = [&](double perSecond) {
        return perSecond * kSecondsPerYear * path.price[i] / paid * 100;
      };
      path.apr[i] = aprOf(rate[i]);
      if (!referralRate.empty()) path.aprWithReferrals[i] = aprOf(rate[i] + referralRate[i]);
    }
    // Breakeven: the floats find the neighbourhood, the decision is exact.
    const auto paidOff = [&](std::size_t i) {
      return in.t[i] > lastPurchase && in.mined[i].times(exactPrice(i), "usd") >= v.contributionUsd;
    };
    std::size_t i = 0;
    while (i < n && !(in.t[i] > lastPurchase && path.usd[i] >= contribution * (1 - 1e-9))) ++i;
    if (i < n) {
      while (i > 0 && paidOff(i - 1)) --i;
      while (i < n && !paidOff(i)) ++i;
      // A sample counts the seconds before t: it was reached during the second before t.
      if (i < n) path.breakeven = in.t[i] - 1;
    }
    path.usdEnd = in.mined.back().times(exactPrice(n - 1), "usdEnd");
    // SPEC 5 at sample i, exact: a year of its rate at its price over what was paid by then
    // (apr() of one "unit" costing all of it: the same quotient as units x their price).
    const auto exactApr = [&](std::size_t i,
                              std::optional<Decimal> referral) -> std::optional<AprResult> {
      if (paidBy[i] <= Decimal()) return std::nullopt;
      return apr({in.rate[i], exactPrice(i), Decimal::fromInteger(1), paidBy[i], referral});
    };
    if (v.now) {
      path.priceNow = exactPrice(*v.now);
      std::optional<Decimal> referral;
      if (!in.referralRate.empty()) referral = in.referralRate[*v.now];
      path.aprNow = exactApr(*v.now, referral);
    }
    if (in.rows) {
      for (std::size_t k = 0; k < n; ++k) {
        path.priceRows.push_back(exactPrice(k));
        path.usdRows.push_back(in.mined[k].times(path.priceRows.back(), "usd"));
        const auto rowApr = exactApr(k, std::nullopt);
        path.aprRows.push_back(rowApr ? std::optional<Decimal>(rowApr->aprPercent) : std::nullopt);
      }
    }
    v.paths.push_back(std::move(path));
  }
  return v;
}

}  // namespace cbm
