#include "supply.hpp"

#include "input_error.hpp"
#include "parse.hpp"

namespace cbm {

namespace {

// Illustrative: Energy levels and the share of mined WFI they release. Not public figures.
const std::vector<std::pair<std::string, std::string>> kIllustrativeTable = {{"0", "0"},
                                                                             {"1000000", "0.1"},
                                                                             {"10000000", "0.25"},
                                                                             {"100000000", "0.5"},
                                                                             {"1000000000", "1"}};
const char* kIllustrativeBasePrice = "1";

}  // namespace

std::vector<ReleaseTier> releaseTable(
    const std::vector<std::pair<std::string, std::string>>& rows) {
  if (rows.empty()) throw InputError("thresholds", "must have at least one row");
  std::vector<ReleaseTier> table;
  const Decimal one = Decimal::fromInteger(1);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string field = "thresholds[" + std::to_string(i) + "]";
    ReleaseTier tier{parseAmount(rows[i].first, field + ".energy", Sign::nonNegative),
                     parseAmount(rows[i].second, field + ".releasedFraction", Sign::nonNegative)};
    if (tier.releasedFraction > one)
      throw InputError(field + ".releasedFraction",
                       "must be a fraction from 0 to 1, got " + quote(rows[i].second));
    if (!table.empty() && tier.energy < table.back().energy)
      throw InputError(field + ".energy", "must not be below the row before (" +
                                              table.back().energy.str() +
                                              "): the table is "
                                              "non-decreasing, got " +
                                              quote(rows[i].first));
    if (!table.empty() && tier.releasedFraction < table.back().releasedFraction)
      throw InputError(field + ".releasedFraction",
                       "must not be below the row before (" + table.back().releasedFraction.str() +
                           "): more Energy never locks WFI again, got " + quote(rows[i].second));
    table.push_back(tier);
  }
  return table;
}

std::vector<SupplyPoint> supplyControl(const std::vector<ReleaseTier>& table,
                                       const std::vector<SupplyPointText>& points) {
  std::vector<SupplyPoint> out;
  out.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string field = "series[" + std::to_string(i) + "]";
    SupplyPoint p{};
    p.t = parseWhole(points[i].t, field + ".t", 0, kMaxSeconds * 100);
    if (!out.empty() && p.t < out.back().t)
      throw InputError(field + ".t", "must not be before the point before (" +
                                         std::to_string(out.back().t) + "), got " +
                                         quote(points[i].t));
    p.energy = parseAmount(points[i].energy, field + ".energy", Sign::nonNegative);
    p.mined = parseAmount(points[i].mined, field + ".mined", Sign::nonNegative);
    for (const ReleaseTier& tier : table)
      if (tier.energy <= p.energy) p.releasedFraction = tier.releasedFraction;
    p.liquid = p.releasedFraction.times(p.mined, field + ".liquid");
    p.locked = p.mined.minus(p.liquid, field + ".locked");
    out.push_back(p);
  }
  return out;
}

Decimal energyPrice(const EnergyPriceInput& in) {
  const Decimal burned = parseAmount(in.burnedUsd, "burnedUsd", Sign::nonNegative);
  const Decimal base = parseAmount(in.basePrice, "basePrice", Sign::nonNegative);
  const Decimal step = parseAmount(in.step, "step", Sign::nonNegative);
  const Decimal per = parseAmount(in.per, "per", Sign::positive);
  const BigInt fullSteps = burned.big() / per.big();  // whole multiples of `per`
  return Decimal::ratio(base.big() + fullSteps * step.big(), 1, "energyPrice");
}

std::string supplyDefaultsJson() {
  std::string json = "{\"thresholds\":[";
  for (std::size_t i = 0; i < kIllustrativeTable.size(); ++i)
    json += std::string(i ? "," : "") + "{\"energy\":\"" + kIllustrativeTable[i].first +
            "\",\"releasedFraction\":\"" + kIllustrativeTable[i].second + "\"}";
  return json + "],\"basePrice\":\"" + kIllustrativeBasePrice +
         "\",\"priceStep\":\"0.1\",\"burnStep\":\"1000000\",\"illustrative\":true}";
}

}  // namespace cbm
