// What matters most (issue 13): each assumption of a holder's projection moved down and up by
// the same share, one at a time, and how far that moves what the holder earns in the 12 months
// from now (WFI and USD) and the breakeven: the rows of a tornado chart, largest swing first.
//
// The assumptions: the WFI price, everyone else's units now, their growth, the unit price and
// the units' lifetime (those the projection has: no growth, no lifetime, no row). A count moved
// is rounded to a whole number (units, units a day, seconds); a decimal keeps 18 digits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "projection.hpp"

namespace cbm {

/// The figures a swing is read in: projectEarnings' firstYearWfi, firstYearUsd, breakevenAt.
struct SwingOutcome {
  Decimal yearWfi, yearUsd;
  std::optional<Seconds> breakevenAt;
};

struct Swing {
  std::string input;  //!< "tokenPrice", "poolUnits", "poolGrowth", "unitPrice", "lifetime"
  //! The assumption, and moved down and up (lifetime in seconds; the unit price: the first
  //! purchase's, every purchase's moving alike).
  Decimal base, low, high;
  SwingOutcome atLow, atHigh;
};

struct SensitivityResult {
  SwingOutcome base;
  std::vector<Swing> swings;  //!< by |atHigh.yearUsd - atLow.yearUsd|, largest first
};

/// The step when the caller gives none: 20% down and up.
inline constexpr const char* kDefaultSensitivityStep = "0.2";

/// 0 < step < 1 ("step": InputError otherwise), e.g. 0.2 for -20% and +20%; the rest as
/// projectEarnings takes it (and its errors, naming the field).
SensitivityResult sensitivity(const EarningsInput& input, Decimal step);

}  // namespace cbm
