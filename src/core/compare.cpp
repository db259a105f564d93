#include "compare.hpp"

#include <algorithm>
#include <string>

#include "calendar.hpp"
#include "emission.hpp"
#include "input_error.hpp"

namespace cbm {

namespace {

// A scenario counted from its own purchases: from now, or from its last purchase if later.
EarningsInput fromItsPurchases(EarningsInput in) {
  Seconds last = in.holder.now;
  for (const HolderPurchase& p : in.holder.purchases) last = std::max(last, p.at);
  in.from = last;
  return in;
}

// SPEC 5 on the first full day of mining from `in.from`: the first midnight at or after it at
// which every purchase made by then mines (the page's headline moment); the projection's own
// now when that midnight is past the end of emission.
Decimal aprOnFirstFullDay(const EarningsInput& in, const Earnings& e) {
  Seconds at = *in.from;
  for (std::size_t i = 0; i < e.purchases.size(); ++i)
    if (in.holder.purchases[i].at <= *in.from && e.purchases[i].miningStart >= 0)
      at = std::max(at, e.purchases[i].miningStart);
  const Seconds midnight = (at + kSecondsPerDay - 1) / kSecondsPerDay * kSecondsPerDay;
  if (midnight >= EmissionSchedule(in.rules.emission).endsAt()) return e.aprPercentNow;
  return earningsAt(in, midnight).aprPercent;
}

ScenarioFigures figuresOf(const EarningsInput& in, const Earnings& e) {
  return {e.totalWfi,
          e.totalUsd,
          e.paidUsd,
          e.firstYearWfi,
          e.firstYearUsd,
          e.firstYearReturnPercent,
          aprOnFirstFullDay(in, e),
          e.breakevenAt,
          *in.from};
}

// projectEarnings, its errors' fields prefixed with the scenario's name.
Earnings projected(const EarningsInput& in, const std::string& name) {
  try {
    return projectEarnings(in);
  } catch (const InputError& e) {
    const std::string prefix = name + ".";
    const std::string message = e.what();
    // The message starts with "field: ": the field gets the prefix, the reason stays.
    const std::string reason = e.field().empty() ? message : message.substr(e.field().size() + 2);
    throw InputError(prefix + e.field(), reason, e.problem());
  }
}

// What a projection has earned in USD by each of the ascending seconds it is asked: the
// cumulative USD of the last period ending by then (0 before the first).
class EarnedBy {
 public:
  explicit EarnedBy(const Earnings& e) : periods_(e.periods) {}
  Decimal operator()(Seconds t) {
    for (; next_ < periods_.size() && periods_[next_].end <= t; ++next_)
      earned_ = periods_[next_].cumulativeUsd;
    return earned_;
  }

 private:
  const std::vector<EarningsPeriod>& periods_;
  std::size_t next_ = 0;
  Decimal earned_;
};

}  // namespace

Comparison compareEarnings(const EarningsInput& a, const EarningsInput& b) {
  if (a.genesis != b.genesis)
    throw InputError(
        "b.genesis",
        "must be A's, " + formatDay(a.genesis) + " (both count their seconds from it), got " +
            formatDay(b.genesis),
        {"genesis-differs", {{"a", formatDay(a.genesis)}, {"got", formatDay(b.genesis)}}});
  const EarningsInput fromA = fromItsPurchases(a), fromB = fromItsPurchases(b);
  const Earnings ea = projected(fromA, "a"), eb = projected(fromB, "b");
  Comparison out;
  out.a = figuresOf(fromA, ea);
  out.b = figuresOf(fromB, eb);
  const auto minus = [](Decimal x, Decimal y) { return x.minus(y, "difference"); };
  out.difference = {minus(out.b.totalWfi, out.a.totalWfi),
                    minus(out.b.totalUsd, out.a.totalUsd),
                    minus(out.b.paidUsd, out.a.paidUsd),
                    minus(out.b.firstYearWfi, out.a.firstYearWfi),
                    minus(out.b.firstYearUsd, out.a.firstYearUsd),
                    minus(out.b.firstYearReturnPercent, out.a.firstYearReturnPercent),
                    minus(out.b.aprPercentNow, out.a.aprPercentNow),
                    std::nullopt,
                    out.b.from - out.a.from};
  if (out.a.breakevenAt && out.b.breakevenAt)
    out.difference.breakevenAt = *out.b.breakevenAt - *out.a.breakevenAt;

  std::vector<Seconds> ends;
  for (const Earnings* e : {&ea, &eb})
    for (const EarningsPeriod& p : e->periods) ends.push_back(p.end);
  std::sort(ends.begin(), ends.end());
  ends.erase(std::unique(ends.begin(), ends.end()), ends.end());
  EarnedBy earnedA(ea), earnedB(eb);
  for (const Seconds t : ends) out.earned.push_back({t, earnedA(t), earnedB(t)});
  return out;
}

}  // namespace cbm
