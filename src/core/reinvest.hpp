// Reinvesting (issue 13): a holder who sells the WFI they mine for fresh, full-power units, on
// a cadence, against one who holds it. Each plan runs the same holder, pool and price as
// projectEarnings; the units bought join the queue like any purchase, so every figure is the
// pool engine's exact reward.
//
// From now on, at each check (the start of every calendar week or month after now; for `unit`,
// every midnight), the WFI mined since now and not yet spent buys as many whole units as it
// pays for at tokenPrice: units = floor(wfi x tokenPrice / unitPrice), paid with units x
// unitPrice / tokenPrice WFI, rounded up to the wei (the rest waits for the next check). A
// check that affords no unit buys nothing. With a price of 0 nothing is ever bought: the plan is
// holding.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "projection.hpp"

namespace cbm {

/// How often mined WFI is turned into units: never (hold), each week, each month, or as soon as
/// a whole unit is affordable (checked each day).
enum class Cadence { hold, week, month, unit };
/// "hold", "week", "month", "unit".
const char* cadenceName(Cadence cadence);

struct ReinvestInput {
  EarningsInput earnings;
  //! USD a new unit, > 0; none: the unit price of the latest purchase.
  std::optional<Decimal> unitPrice;
  //! The plans to compare with holding (hold is always the first plan).
  std::vector<Cadence> cadences{Cadence::week, Cadence::month, Cadence::unit};
  //! Reinvest at the checks before this second, then hold; none: up to the stop that holds
  //! the most WFI at the end of emission (found by trying stops, see reinvest()).
  std::optional<Seconds> until;
  //! A plan a person could follow: at most this many units bought by reinvesting, in all
  //! (>= 0), and at most this many USD spent on them at the unit price (>= 0); none: no cap.
  //! A check buys what it affords up to what is left of the cap; then the plan holds.
  std::optional<std::int64_t> maxUnits;
  std::optional<Decimal> maxSpentUsd;
};

/// A purchase paid with mined WFI.
struct Reinvested {
  Seconds at;
  std::int64_t units;
  Decimal paidWfi;
};

/// A calendar period of a plan (input.period, from the first purchase to the end of emission),
/// and where it stands at the period's end.
struct ReinvestPeriod {
  Seconds start, end;
  Decimal minedWfi;    //!< mined in the period
  Decimal spentWfi;    //!< paid for units in the period
  Decimal heldWfi;     //!< mined from the first purchase to end, less what was spent
  Decimal heldUsd;     //!< heldWfi x tokenPrice, truncated
  std::int64_t units;  //!< units bought (first purchases and reinvested) requested before end
};

struct ReinvestPlan {
  Cadence cadence;
  //! The second after the last check it reinvests at (none: it never does), from which it
  //! holds: given back as ReinvestInput::until, it gives this plan again.
  std::optional<Seconds> until;
  std::vector<Reinvested> bought;
  std::vector<ReinvestPeriod> periods;
  //! At the end of emission: mined, spent, held (and in USD), units owned.
  Decimal minedWfi, spentWfi, heldWfi, heldUsd;
  std::int64_t units = 0;
};

struct Reinvesting {
  Decimal unitPrice;                //!< the price new units were bought at
  std::vector<ReinvestPlan> plans;  //!< hold first, then the cadences asked for
  //! The plan holding the most WFI at the end of emission (a tie goes to the earlier plan:
  //! holding before any reinvesting).
  Cadence best = Cadence::hold;
};

/// Called with the share of the work done (0 to 1), for a progress bar.
using ReinvestProgress = std::function<void(double done)>;

/// Each cadence's plan reinvests at its checks before input.until; without it, up to the stop
/// that holds the most WFI at the end of emission: holding at the end rises with each check
/// while a unit bought earns more than its price before emission ends, then falls, and the stop
/// is the best of nine spread over the checks, narrowed by thirds around it (a few dozen plans,
/// each one run of the pool engine and one to value it).
/// InputError naming the field as the JS API does (unitPrice, cadences[i], until, and those of
/// projectEarnings).
Reinvesting reinvest(const ReinvestInput& input, const ReinvestProgress& progress = {});

namespace detail {
/// The same plans with each check read from a run of its own, with only the purchases made
/// before it: what reinvest() falls back on where its one run with a request at every check
/// differs from the plan's pool, and the reference its tests hold it to.
Reinvesting reinvestByReruns(const ReinvestInput& input);
}  // namespace detail

}  // namespace cbm
