// SPEC 6: Mathematical Supply Control (how much of the mined WFI is liquid as global Energy
// grows) and the Energy price. The thresholds and base price are not public: the defaults are
// illustrative, and callers pass their own.
#pragma once

#include <string>
#include <vector>

#include "decimal.hpp"
#include "rules.hpp"

namespace cbm {

/// A row of the release table: from Energy `energy` on, `releasedFraction` of mined WFI is liquid.
struct ReleaseTier {
  Decimal energy;
  Decimal releasedFraction;  //!< 0 to 1
};

/// One point in time: global Energy and the holder's mined WFI.
struct SupplyInput {
  Seconds t;       //!< whole seconds (any origin: the caller's clock), 0 to kMaxSupplyTime
  Decimal energy;  //!< >= 0
  Decimal mined;   //!< >= 0
};
constexpr Seconds kMaxSupplyTime = 100 * kMaxSeconds;

struct SupplyPoint {
  Seconds t;
  Decimal energy, mined;
  Decimal releasedFraction;  //!< the largest fraction whose Energy <= energy (0 below the first)
  Decimal liquid;            //!< releasedFraction x mined, truncated
  Decimal locked;            //!< mined - liquid
};

/// Checks a release table: at least one row, Energy and fraction non-decreasing, fractions
/// within [0, 1]. InputError("thresholds[i]...") otherwise.
void checkReleaseTable(const std::vector<ReleaseTier>& table);

/// Liquid and locked WFI at each point of a checked table; times must not decrease.
std::vector<SupplyPoint> supplyControl(const std::vector<ReleaseTier>& table,
                                       const std::vector<SupplyInput>& points);

/// Energy price = basePrice + step for every full `per` USD burned globally (public figure:
/// 0.10 USD per 1,000,000 USD).
Decimal defaultPriceStep();  //!< 0.1 USD
Decimal defaultBurnStep();   //!< per 1,000,000 USD
struct EnergyPriceInput {
  Decimal burnedUsd;                  //!< >= 0
  Decimal basePrice;                  //!< >= 0
  Decimal step = defaultPriceStep();  //!< >= 0
  Decimal per = defaultBurnStep();    //!< > 0
};
Decimal energyPrice(const EnergyPriceInput& input);

/// The illustrative defaults, as JSON: {thresholds: [{energy, releasedFraction}], basePrice,
/// priceStep, burnStep, illustrative: true}.
std::string supplyDefaultsJson();

}  // namespace cbm
