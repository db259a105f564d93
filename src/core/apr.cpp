#include "apr.hpp"

#include "input_error.hpp"
#include "parse.hpp"
#include "rules.hpp"

namespace cbm {

AprResult apr(const AprInput& in) {
  const auto [blockReward, tokenPrice, units, unitPrice, referral] = in;
  requireSign(blockReward, "blockReward", Sign::nonNegative);
  requireSign(tokenPrice, "tokenPrice", Sign::nonNegative);
  requireSign(units, "units", Sign::positive);
  requireSign(unitPrice, "unitPrice", Sign::positive);

  // Exact integers over the raw values (each raw is value x 10^18).
  const BigInt scale = Decimal::kScale;
  const BigInt yearlyRewardRaw = blockReward.big() * kSecondsPerYear;  // x 10^18
  const BigInt yearlyUsd36 = yearlyRewardRaw * tokenPrice.big();       // x 10^36
  const BigInt contribution36 = units.big() * unitPrice.big();         // x 10^36, > 0

  AprResult r;
  r.yearlyReward = Decimal::ratio(yearlyRewardRaw, 1, "yearlyReward");
  r.yearlyRewardUsd = Decimal::ratio(yearlyUsd36, scale, "yearlyRewardUsd");
  r.contributionUsd = Decimal::ratio(contribution36, scale, "contributionUsd");
  r.aprPercent = Decimal::ratio(yearlyUsd36 * 100 * scale, contribution36, "aprPercent");
  r.netGainPercent = Decimal::ratio((yearlyUsd36 - contribution36) * 100 * scale, contribution36,
                                    "netGainPercent");
  r.netGainUsd = Decimal::ratio(yearlyUsd36 - contribution36, scale, "netGainUsd");
  if (referral) {
    requireSign(*referral, "referralReward", Sign::nonNegative);
    const BigInt withReferrals36 =
        (blockReward.big() + referral->big()) * kSecondsPerYear * tokenPrice.big();
    r.withReferralsPercent =
        Decimal::ratio(withReferrals36 * 100 * scale, contribution36, "withReferralsPercent");
  }
  return r;
}

Decimal blockReward(const ShareInput& in) {
  const auto [units, poolPower, rate] = in;
  requireSign(units, "units", Sign::positive);
  requireSign(poolPower, "poolPower", Sign::positive);
  requireSign(rate, "rate", Sign::nonNegative);
  if (poolPower < units)
    throw InputError("poolPower", "must include the participant's units (" + units.str() +
                                      "), got " + quote(poolPower.str()));
  return Decimal::ratio(rate.big() * units.big(), poolPower.big(), "blockReward");
}

Decimal impliedPoolPower(const PoolSizeInput& in) {
  const auto [units, reward, rate] = in;
  requireSign(units, "units", Sign::positive);
  requireSign(reward, "blockReward", Sign::positive);
  requireSign(rate, "rate", Sign::positive);
  return Decimal::ratio(rate.big() * units.big(), reward.big(), "poolPower");
}

Int128 impliedOtherUnits(const PoolSizeInput& in) {
  const Decimal others = impliedPoolPower(in).minus(in.units, "otherUnits");
  return others.isNegative() ? 0 : others.wholePart();
}

}  // namespace cbm
