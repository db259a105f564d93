// SPEC 5 over time: a holder's mining valued at a token price. What the WFI mined is worth in
// USD, the APR at each sample, and the breakeven day, along one or more price paths. A path is
// the price typed today, then compounding by a monthly growth: a model, so each modelled price
// is taken at 12 significant digits as an exact decimal. Floats draw the charts; the figures a
// holder reads (contribution, breakeven, values at the end) are exact.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "apr.hpp"
#include "calendar.hpp"
#include "decimal.hpp"

namespace cbm {

/// A year of 365.2425 days in twelve months: the month of a monthly growth.
constexpr double kDaysPerMonth = 365.2425 / 12;

struct ValuationInput {
  std::vector<UnixSeconds> t;         //!< the samples, ascending
  std::vector<Decimal> mined;         //!< WFI mined before each t
  std::vector<Decimal> rate;          //!< WFI a second at each t
  std::vector<Decimal> referralRate;  //!< referral WFI a second at each t; empty: none
  struct Purchase {
    UnixSeconds at;                    //!< when it was bought
    std::int64_t units;                //!< > 0
    UnixSeconds miningStart;           //!< its first mining second
    std::optional<Decimal> unitPrice;  //!< USD a unit, >= 0; none: the input's unitPrice
  };
  std::vector<Purchase> purchases;  //!< at least one
  //! USD; unitPrice > 0 is the price of a purchase that gives none of its own.
  Decimal unitPrice, tokenPrice;
  UnixSeconds today = 0;  //!< prices before it are today's (the past is not modelled)
  std::vector<double> monthlyGrowthPercent;  //!< one price path each (> -100)
  bool rows = false;                         //!< also each sample's exact price and USD value
};

struct PathValuation {
  double monthlyGrowthPercent = 0;
  std::vector<double> price, usd;  //!< at each sample (charts)
  //! APR % at each sample from the first mining second, NaN before (charts).
  std::vector<double> apr, aprWithReferrals;
  //! The second the mined WFI, at that day's price, first covers the contribution.
  std::optional<UnixSeconds> breakeven;
  Decimal usdEnd;                   //!< mined x price at the last sample
  std::optional<Decimal> priceNow;  //!< the exact price at "now", if there is one
  //! SPEC 5 at "now" (the referral income's APR too, if any), over what the purchases made by
  //! then cost; none without a "now" or with nothing paid.
  std::optional<AprResult> aprNow;
  std::vector<Decimal> priceRows, usdRows;  //!< with ValuationInput::rows
  //! With rows: each sample's exact APR % over what was paid by then (none before a purchase).
  std::vector<std::optional<Decimal>> aprRows;
};

struct Valuation {
  Decimal contributionUsd;  //!< each purchase's units x its unit price, summed
  std::int64_t totalUnits = 0;
  std::vector<std::int64_t> unitsBy;  //!< units bought by each sample
  //! "Now": the first sample at or after today at which the holder's units mine, every
  //! purchase made by today among them if a sample has them all.
  std::optional<std::size_t> now;
  Decimal perDayNow;      //!< WFI a day at now (rate x 86,400)
  Decimal perUnitWfiEnd;  //!< mined at the end per unit bought
  std::vector<PathValuation> paths;
};

/// InputError naming the field for a malformed input (lengths, no purchases, prices, growth).
Valuation valueEarnings(const ValuationInput& input);

/// A monthly growth a path may take: above -100% (a price stays positive), at most 1000%.
constexpr bool validGrowth(double monthlyPercent) {
  return monthlyPercent > -100 && monthlyPercent <= 1000;
}

/// A model's double (>= 0: a price or a value grown by a positive factor) at 12 significant
/// digits, as an exact decimal truncated to 18 places. InputError(what) "too-large" beyond 10^20.
Decimal twelveDigits(double x, const std::string& what);

/// The price `seconds` after today along a path growing `monthlyPercent` a month: the exact
/// price for seconds <= 0 or no growth, else the compounded model at 12 significant digits.
Decimal modelledPrice(Decimal price, double monthlyPercent, std::int64_t seconds);

}  // namespace cbm
