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
  Decimal firstYearWfi, firstYearUsd, firstYearReturnPercent;  //!< the 12 months from now
  Decimal aprPercentNow;
  std::optional<Seconds> breakevenAt;  //!< seconds since genesis (none: never)
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

/// A and B must share the genesis day (their seconds are counted from it). InputError naming
/// the field as projectEarnings does, prefixed "a." or "b.", or "b.genesis" when they differ.
Comparison compareEarnings(const EarningsInput& a, const EarningsInput& b);

}  // namespace cbm
