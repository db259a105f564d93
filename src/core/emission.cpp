#include "emission.hpp"

#include <algorithm>

#include "parse.hpp"

namespace cbm {

EmissionSchedule::EmissionSchedule(const EmissionRules& rules) {
  std::optional<Int128> capLeft;
  if (rules.supplyCap) capLeft = rules.supplyCap->raw();
  Seconds start = 0;
  int stage = 0;
  for (const Stage& s : rules.schedule) {
    ++stage;
    const Int128 rate = s.rate.raw();
    const Seconds end = start + s.duration;
    if (capLeft && rate > 0) {
      const Int128 stageTotal = rate * s.duration;  // <= 10^27 x 3.2e9: no overflow
      if (stageTotal >= *capLeft) {
        // The cap ends emission in this stage: whole seconds at the full rate, then one second
        // that emits only the remainder.
        const auto fullSeconds = static_cast<Seconds>(*capLeft / rate);
        const Int128 remainder = *capLeft - rate * fullSeconds;
        if (fullSeconds > 0) pieces_.push_back({start, start + fullSeconds, rate, stage});
        if (remainder > 0)
          pieces_.push_back({start + fullSeconds, start + fullSeconds + 1, remainder, stage});
        return;
      }
      *capLeft -= stageTotal;
    }
    pieces_.push_back({start, end, rate, stage});
    start = end;
  }
  // Stages of rate 0 at the end emit nothing: emission has ended before them.
  while (!pieces_.empty() && pieces_.back().rateWei == 0) pieces_.pop_back();
}

std::vector<EmissionSchedule::StageTotal> EmissionSchedule::stages() const {
  std::vector<StageTotal> out;
  for (const Piece& p : pieces_) {
    if (out.empty() || out.back().stage != p.stage)
      out.push_back({p.stage, p.start, p.start, p.rateWei, 0});
    out.back().end = p.end;
    out.back().emittedWei += p.rateWei * (p.end - p.start);
  }
  return out;
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
  const Piece* now = pieceAt(s);
  if (!now) return std::nullopt;
  for (const Piece* p = now + 1; p < pieces_.data() + pieces_.size(); ++p)
    if (p->stage != now->stage) return p->start;
  return std::nullopt;
}

EmissionReport emissionReport(Seconds start, std::optional<Seconds> to,
                              const EmissionRules& rules) {
  const EmissionSchedule schedule(rules);
  requireWhole(start, "from", 0, kMaxEmissionTime);
  if (to) requireWhole(*to, "to", start, kMaxEmissionTime);
  const Seconds end = to ? *to : std::max(start, schedule.endsAt());
  return {Decimal::fromRaw(schedule.emitted(start, end), "emitted"),
          Decimal::fromRaw(schedule.rateAt(start), "rate"),
          Decimal::fromRaw(schedule.total(), "total"),
          schedule.stageAt(start),
          schedule.nextHalvingAfter(start),
          schedule.endsAt()};
}

Decimal vested(Seconds elapsed, const VestingRules& rules) {
  const BigInt part = std::min(elapsed, rules.duration);
  return Decimal::ratio(rules.total.big() * part, BigInt(rules.duration), "vested");
}

std::string vestingDefaultsJson() {
  const VestingRules rules;
  return "{\"total\":\"" + rules.total.str() + "\",\"duration\":" + std::to_string(rules.duration) +
         "}";
}

}  // namespace cbm
