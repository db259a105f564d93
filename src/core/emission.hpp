// SPEC 1: the emission schedule (the contract's stages, or the halving form), with an optional
// supply cap, exact to the wei.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "rules.hpp"

namespace cbm {

/// The emission schedule as pieces of constant rate: one per stage, except that a cap ends the
/// stage it falls in (whole seconds at the stage's rate, then one second of the remainder).
/// Rates are whole wei per second, so every total is an exact integer of wei and conservation
/// can be checked exactly. The emission of seconds 0 .. t-1 is what the contract's
/// totalUnlockedMiningRewards() gives at launch + t.
class EmissionSchedule {
 public:
  /// Seconds [start, end) emit `rateWei` each. The pieces are in order and contiguous.
  struct Piece {
    Seconds start;
    Seconds end;
    Int128 rateWei;
    int stage;  //!< 1-based
  };

  explicit EmissionSchedule(const EmissionRules& rules);

  /// What second s emits (0 before genesis is impossible: s >= 0).
  Int128 rateAt(Seconds s) const;
  /// Sum of the emission of the seconds from .. to-1 (0 when to <= from).
  Int128 emitted(Seconds from, Seconds to) const;
  /// 1-based stage of second s; 0 once emission has ended (all stages done or cap reached).
  int stageAt(Seconds s) const;
  /// The first second after s where a new stage begins (a halving, for the defaults), if
  /// emission lasts until then.
  std::optional<Seconds> nextHalvingAfter(Seconds s) const;
  /// The first second that emits nothing, forever after.
  Seconds endsAt() const { return pieces_.empty() ? 0 : pieces_.back().end; }
  /// The emission of all time.
  Int128 total() const { return emitted(0, endsAt()); }

  const std::vector<Piece>& pieces() const { return pieces_; }

  /// A stage as it emits: from its start to where it ends (or the cap ends it).
  struct StageTotal {
    int stage;  //!< 1-based
    Seconds start, end;
    Int128 rateWei;     //!< its rate (the cap's last second may emit less)
    Int128 emittedWei;  //!< all it emits
  };
  std::vector<StageTotal> stages() const;

 private:
  const Piece* pieceAt(Seconds s) const;

  std::vector<Piece> pieces_;
};

/// The emission call of SPEC 8: the seconds from .. to-1 (no `to`: until emission ends), and
/// the rate, stage and next halving at `from`. Any second up to kMaxEmissionTime: past the end
/// of emission every answer is 0. InputError("from" / "to") outside 0 <= from <= to <= it.
struct EmissionReport {
  Decimal emitted, rate, total;
  int stage;
  std::optional<Seconds> nextHalvingAt;
  Seconds endsAt;
};
constexpr Seconds kMaxEmissionTime = 100 * kMaxSeconds;  // 10,000 years
EmissionReport emissionReport(Seconds from, std::optional<Seconds> to, const EmissionRules& rules);

/// SPEC 1: the referral and staking pool of the same contract, vesting linearly from launch.
struct VestingRules {
  Decimal total = Decimal::fromInteger(127'931'034);  //!< WFI: REFERRAL_STAKING_POOL
  Seconds duration = 730 * kSecondsPerDay;            //!< REFERRAL_VESTING_DURATION
};

/// What is unlocked `elapsed` >= 0 seconds after launch, with the contract's integer division:
/// floor(total_wei x min(elapsed, duration) / duration) wei (totalUnlockedReferralRewards()).
Decimal vested(Seconds elapsed, const VestingRules& rules);

/// The vesting defaults as JSON (the `vesting` group of defaults()).
std::string vestingDefaultsJson();

}  // namespace cbm
