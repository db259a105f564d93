#include "emission.hpp"

#include <algorithm>

#include "parse.hpp"

namespace cbm {

EmissionSchedule::EmissionSchedule(const EmissionRules& rules)
    : halvingPeriod_(rules.halvingPeriod) {
  const Int128 baseWei = rules.baseRate.raw();
  std::optional<Int128> capLeft;
  if (rules.supplyCap) capLeft = rules.supplyCap->raw();
  const Seconds period = rules.halvingPeriod;
  for (int k = 0; k < rules.stages; ++k) {
    // baseWei > 0, so the shift is the truncated division by 2^k.
    const Int128 rate = k < 127 ? baseWei >> k : 0;
    if (rate == 0) break;
    const Seconds start = k * period, end = start + period;
    if (capLeft) {
      const Int128 stageTotal = rate * (end - start);  // < 10^27 x 3.2e9: no overflow
      if (stageTotal >= *capLeft) {
        // The cap ends emission in this stage: whole seconds at the full rate, then one second
        // that emits only the remainder.
        const auto fullSeconds = static_cast<Seconds>(*capLeft / rate);
        const Int128 remainder = *capLeft - rate * fullSeconds;
        if (fullSeconds > 0) pieces_.push_back({start, start + fullSeconds, rate, k + 1});
        if (remainder > 0)
          pieces_.push_back({start + fullSeconds, start + fullSeconds + 1, remainder, k + 1});
        return;
      }
      *capLeft -= stageTotal;
    }
    pieces_.push_back({start, end, rate, k + 1});
  }
}

const EmissionSchedule::Piece* EmissionSchedule::pieceAt(Seconds s) const {
  auto after = std::upper_bound(pieces_.begin(), pieces_.end(), s,
                                [](Seconds t, const Piece& p) { return t < p.start; });
  if (after == pieces_.begin()) return nullptr;
  const Piece& piece = *(after - 1);
  return s < piece.end ? &piece : nullptr;
}

Int128 EmissionSchedule::rateAt(Seconds s) const {
  const Piece* piece = pieceAt(s);
  return piece ? piece->rateWei : 0;
}

Int128 EmissionSchedule::emitted(Seconds from, Seconds to) const {
  Int128 sum = 0;
  for (const Piece& p : pieces_) {
    const Seconds lo = std::max(p.start, from), hi = std::min(p.end, to);
    if (hi > lo) sum += p.rateWei * (hi - lo);
  }
  return sum;
}

int EmissionSchedule::stageAt(Seconds s) const {
  const Piece* piece = pieceAt(s);
  return piece ? piece->stage : 0;
}

std::optional<Seconds> EmissionSchedule::nextHalvingAfter(Seconds s) const {
  if (s >= endsAt()) return std::nullopt;
  const Seconds next = (s / halvingPeriod_ + 1) * halvingPeriod_;
  if (next < endsAt()) return next;
  return std::nullopt;
}

EmissionReport emissionReport(const std::string& from, const std::string& to,
                              const EmissionRules& rules) {
  const EmissionSchedule schedule(rules);
  // Any second up to 10,000 years: past the end of emission every answer is 0.
  const Seconds maxTime = 100 * kMaxSeconds;
  const Seconds start = parseWhole(from, "from", 0, maxTime);
  const Seconds end =
      to.empty() ? std::max(start, schedule.endsAt()) : parseWhole(to, "to", start, maxTime);
  return {Decimal::fromRaw(schedule.emitted(start, end), "emitted"),
          Decimal::fromRaw(schedule.rateAt(start), "rate"),
          Decimal::fromRaw(schedule.total(), "total"),
          schedule.stageAt(start),
          schedule.nextHalvingAfter(start),
          schedule.endsAt()};
}

}  // namespace cbm
