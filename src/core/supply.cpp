#include "supply.hpp"

#include "input_error.hpp"
#include "parse.hpp"

namespace cbm {

namespace {

// Illustrative: Energy levels and the share of mined WFI they release. Not public figures.
const std::vector<std::pair<const char*, const char*>> kIllustrativeTable = {{"0", "0"},
                                                                             {"1000000", "0.1"},
                                                                             {"10000000", "0.25"},
                                                                             {"100000000", "0.5"},
                                                                             {"1000000000", "1"}};
const char* kIllustrativeBasePrice = "1";
const char* kPriceStep = "0.1";
const char* kBurnStep = "1000000";

}  // namespace

Decimal defaultPriceStep() {
  return Decimal::parse(kPriceStep, "step");
}
Decimal defaultBurnStep() {
  return Decimal::parse(kBurnStep, "per");
}

void checkReleaseTable(const std::vector<ReleaseTier>& table) {
  if (table.empty()) throw InputError("thresholds", "must have at least one row");
  const Decimal one = Decimal::fromInteger(1);
  for (std::size_t i = 0; i < table.size(); ++i) {
    const std::string field = indexed("thresholds", i);
    const ReleaseTier& tier = table[i];
    requireSign(tier.energy, field + ".energy", Sign::nonNegative);
    requireSign(tier.releasedFraction, field + ".releasedFraction", Sign::nonNegative);
    if (tier.releasedFraction > one)
      throw InputError(field + ".releasedFraction",
                       "must be a fraction from 0 to 1, got " + quote(tier.releasedFraction.str()));
    if (i == 0) continue;
    const ReleaseTier& before = table[i - 1];
    if (tier.energy < before.energy)
      throw InputError(field + ".energy",
                       "must not be below the row before (" + before.energy.str() +
                           "): the table is non-decreasing, got " + quote(tier.energy.str()));
    if (tier.releasedFraction < before.releasedFraction)
      throw InputError(field + ".releasedFraction",
                       "must not be below the row before (" + before.releasedFraction.str() +
                           "): more Energy never locks WFI again, got " +
                           quote(tier.releasedFraction.str()));
  }
}

std::vector<SupplyPoint> supplyControl(const std::vector<ReleaseTier>& table,
                                       const std::vector<SupplyInput>& points) {
  checkReleaseTable(table);
  std::vector<SupplyPoint> out;
  out.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string field = indexed("series", i);
    SupplyPoint p{};
    p.t = points[i].t;
    requireWhole(p.t, field + ".t", 0, kMaxSupplyTime);
    if (!out.empty() && p.t < out.back().t)
      throw InputError(field + ".t", "must not be before the point before (" +
                                         std::to_string(out.back().t) + "), got " +
                                         quote(std::to_string(p.t)));
    p.energy = points[i].energy;
    p.mined = points[i].mined;
    requireSign(p.energy, field + ".energy", Sign::nonNegative);
    requireSign(p.mined, field + ".mined", Sign::nonNegative);
    for (const ReleaseTier& tier : table)
      if (tier.energy <= p.energy) p.releasedFraction = tier.releasedFraction;
    p.liquid = p.releasedFraction.times(p.mined, field + ".liquid");
    p.locked = p.mined.minus(p.liquid, field + ".locked");
    out.push_back(p);
  }
  return out;
}

Decimal energyPrice(const EnergyPriceInput& in) {
  requireSign(in.burnedUsd, "burnedUsd", Sign::nonNegative);
  requireSign(in.basePrice, "basePrice", Sign::nonNegative);
  requireSign(in.step, "step", Sign::nonNegative);
  requireSign(in.per, "per", Sign::positive);
  const BigInt fullSteps = in.burnedUsd.big() / in.per.big();  // whole multiples of `per`
  return Decimal::ratio(in.basePrice.big() + fullSteps * in.step.big(), 1, "energyPrice");
}

std::string supplyDefaultsJson() {
  std::string json = "{\"thresholds\":[";
  for (std::size_t i = 0; i < kIllustrativeTable.size(); ++i)
    json += std::string(i ? "," : "") + "{\"energy\":\"" + kIllustrativeTable[i].first +
            "\",\"releasedFraction\":\"" + kIllustrativeTable[i].second + "\"}";
  return json + "],\"basePrice\":\"" + kIllustrativeBasePrice + "\",\"priceStep\":\"" + kPriceStep +
         "\",\"burnStep\":\"" + kBurnStep + "\",\"illustrative\":true}";
}

}  // namespace cbm
