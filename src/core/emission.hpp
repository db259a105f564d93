// SPEC 1: Systematic Halving, with an optional supply cap, exact to the wei.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "rules.hpp"

namespace cbm {

/// The emission schedule as pieces of constant rate. Rates are whole wei per second: stage k
/// emits baseRate / 2^k truncated to 18 decimals (exact for the defaults: 8, 4, 2, 1 WFI), so
/// every total is an exact integer of wei and conservation can be checked exactly.
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
  /// The next second after s where the rate halves, if emission lasts until then.
  std::optional<Seconds> nextHalvingAfter(Seconds s) const;
  /// The first second that emits nothing, forever after.
  Seconds endsAt() const { return pieces_.empty() ? 0 : pieces_.back().end; }
  /// The emission of all time.
  Int128 total() const { return emitted(0, endsAt()); }

  const std::vector<Piece>& pieces() const { return pieces_; }

 private:
  const Piece* pieceAt(Seconds s) const;

  std::vector<Piece> pieces_;
  Seconds halvingPeriod_;
};

/// The emission call of SPEC 8 from text: the seconds from .. to-1 (to "" means: until emission
/// ends), and the rate, stage and next halving at `from`.
struct EmissionReport {
  Decimal emitted, rate, total;
  int stage;
  std::optional<Seconds> nextHalvingAt;
  Seconds endsAt;
};
EmissionReport emissionReport(const std::string& from, const std::string& to,
                              const EmissionRules& rules);

}  // namespace cbm
