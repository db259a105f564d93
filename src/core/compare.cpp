#include "compare.hpp"

#include <algorithm>
#include <string>

#include "calendar.hpp"
#include "input_error.hpp"

namespace cbm {

namespace {

ScenarioFigures figuresOf(const Earnings& e) {
  return {e.totalWfi,      e.totalUsd,     e.paidUsd,
          e.firstYearWfi,  e.firstYearUsd, e.firstYearReturnPercent,
          e.aprPercentNow, e.breakevenAt};
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
  const Earnings ea = projected(a, "a"), eb = projected(b, "b");
  Comparison out;
  out.a = figuresOf(ea);
  out.b = figuresOf(eb);
  const auto minus = [](Decimal x, Decimal y) { return x.minus(y, "difference"); };
  out.difference = {minus(out.b.totalWfi, out.a.totalWfi),
                    minus(out.b.totalUsd, out.a.totalUsd),
                    minus(out.b.paidUsd, out.a.paidUsd),
                    minus(out.b.firstYearWfi, out.a.firstYearWfi),
                    minus(out.b.firstYearUsd, out.a.firstYearUsd),
                    minus(out.b.firstYearReturnPercent, out.a.firstYearReturnPercent),
                    minus(out.b.aprPercentNow, out.a.aprPercentNow),
                    std::nullopt};
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
