// SPEC 5: APR of a participant from the per-second block reward (seed 003).
#pragma once

#include <optional>

#include "decimal.hpp"

namespace cbm {

/// SPEC 5's four inputs; InputError naming the field for a value outside its range.
struct AprInput {
  Decimal blockReward;  //!< WFI per second, already net of amortization; >= 0
  Decimal tokenPrice;   //!< USD per WFI; >= 0
  Decimal units;        //!< CBM units; > 0
  Decimal unitPrice;    //!< USD per unit; > 0
  //! WFI per second of referral income (SPEC 7b), if any; >= 0
  std::optional<Decimal> referralReward;
};

/// Every figure exact, then truncated toward zero to 18 decimals. APR is simple (not APY).
struct AprResult {
  Decimal aprPercent;       //!< yearlyRewardUsd / contributionUsd x 100
  Decimal yearlyReward;     //!< WFI: blockReward x 31,536,000
  Decimal yearlyRewardUsd;  //!< yearlyReward x tokenPrice
  Decimal contributionUsd;  //!< units x unitPrice
  Decimal netGainPercent;   //!< aprPercent - 100: the gain beyond the principal (seed 003's 110%)
  Decimal netGainUsd;       //!< yearlyRewardUsd - contributionUsd
  //! With a referralReward: the APR of mining and referral income together.
  std::optional<Decimal> withReferralsPercent;
};

AprResult apr(const AprInput& input);

/// The per-second reward of `units` fresh units in a pool of `poolPower` at `rate` WFI/s.
struct ShareInput {
  Decimal units;      //!< > 0
  Decimal poolPower;  //!< >= units: the pool's effective power, these units included
  Decimal rate;       //!< WFI per second; >= 0
};
Decimal blockReward(const ShareInput& input);

/// The inverse: the pool power that makes `units` earn `blockReward` at `rate` WFI/s
/// (about 81.6 million units for seed 003's example at 8 WFI/s).
struct PoolSizeInput {
  Decimal units;        //!< > 0
  Decimal blockReward;  //!< > 0
  Decimal rate;         //!< WFI per second; > 0
};
Decimal impliedPoolPower(const PoolSizeInput& input);
/// The whole units of everyone else in that pool: floor(pool power - units), at least 0 (for
/// a pool to simulate around these units).
Int128 impliedOtherUnits(const PoolSizeInput& input);

}  // namespace cbm
