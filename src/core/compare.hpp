// Two scenarios side by side (issue 13): a holder's projection under inputs A and B (buy now or
// in six months, with or without referrals, one schedule or another), their figures and B's
// difference from A, and the USD each has earned at every period bound of either, for one chart.
#pragma once

#include <optional>
#include <vector>

#include "decimal.hpp"
#include "projection.hpp"

namespace cbm {

/// The figures a comparison puts side by side, from projectEarnings.
struct ScenarioFigures {
  Decimal totalWfi, totalUsd, paidUsd;  //!< to the end of emission; what was paid
  //! The 12 months from `from`: now, or the scenario's last purchase if that is later (a
  //! purchase made later is counted from its own day, not from today).
  Decimal firstYearWfi, firstYearUsd, firstYearReturnPercent;
  //! SPEC 5 on the first full day of mining from `from` (the first midnight at or after it when
  //! every purchase made by then mines): the page's headline "APR now" for the same inputs.
  Decimal aprPercentNow;
  std::optional<Seconds> breakevenAt;  //!< seconds since genesis (none: never)
  Seconds from = 0;                    //!< seconds since genesis
};

/// What each has earned, in USD, from its first purchase to `end` (0 before it).
struct ComparedPoint {
  Seconds end;
  Decimal a, b;
};

struct Comparison {
  ScenarioFigures a, b;
  //! b - a, figure by figure; the breakeven's in seconds (none unless both break even).
  ScenarioFigures difference;
  std::vector<ComparedPoint> earned;  //!< at every period bound of A or B, ascending
};

/// Each scenario's figures count from its own purchases (ScenarioFigures::from); the
/// difference's `from` is B's minus A's. A and B must share the genesis day (their seconds are
/// counted from it). InputError naming the field as projectEarnings does, prefixed "a." or "b.", or
/// "b.genesis" when they differ.
Comparison compareEarnings(const EarningsInput& a, const EarningsInput& b);

}  // namespace cbm
