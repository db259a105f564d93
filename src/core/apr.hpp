// SPEC 5: APR of a participant from the per-second block reward (seed 003).
#pragma once

#include <optional>
#include <string>

#include "decimal.hpp"

namespace cbm {

/// The four inputs as text (SPEC 0): decimal strings, a JS number's shortest form.
struct AprInput {
  std::string blockReward;  //!< WFI per second, already net of amortization; >= 0
  std::string tokenPrice;   //!< USD per WFI; >= 0
  std::string units;        //!< CBM units; > 0
  std::string unitPrice;    //!< USD per unit; > 0
  //! WFI per second of referral income (SPEC 7b), if any; >= 0
  std::optional<std::string> referralReward;
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
  std::string units;      //!< > 0
  std::string poolPower;  //!< >= units: the pool's effective power, these units included
  std::string rate;       //!< WFI per second; >= 0
};
Decimal blockReward(const ShareInput& input);

/// The inverse: the pool power that makes `units` earn `blockReward` at `rate` WFI/s
/// (about 81.6 million units for seed 003's example at 8 WFI/s).
struct PoolSizeInput {
  std::string units;        //!< > 0
  std::string blockReward;  //!< > 0
  std::string rate;         //!< WFI per second; > 0
};
Decimal impliedPoolPower(const PoolSizeInput& input);

}  // namespace cbm
