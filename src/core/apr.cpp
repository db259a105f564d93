#include "apr.hpp"

#include "input_error.hpp"
#include "parse.hpp"
#include "rules.hpp"

namespace cbm {

AprResult apr(const AprInput& in) {
  const Decimal blockReward = parseAmount(in.blockReward, "blockReward", Sign::nonNegative);
  const Decimal tokenPrice = parseAmount(in.tokenPrice, "tokenPrice", Sign::nonNegative);
  const Decimal units = parseAmount(in.units, "units", Sign::positive);
  const Decimal unitPrice = parseAmount(in.unitPrice, "unitPrice", Sign::positive);

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
  if (in.referralReward) {
    const Decimal referral = parseAmount(*in.referralReward, "referralReward", Sign::nonNegative);
    const BigInt withReferrals36 =
        (blockReward.big() + referral.big()) * kSecondsPerYear * tokenPrice.big();
    r.withReferralsPercent =
        Decimal::ratio(withReferrals36 * 100 * scale, contribution36, "withReferralsPercent");
  }
  return r;
}

Decimal blockReward(const ShareInput& in) {
  const Decimal units = parseAmount(in.units, "units", Sign::positive);
  const Decimal poolPower = parseAmount(in.poolPower, "poolPower", Sign::positive);
  const Decimal rate = parseAmount(in.rate, "rate", Sign::nonNegative);
  if (poolPower < units)
    throw InputError("poolPower", "must include the participant's units (" + units.str() +
                                      "), got " + quote(in.poolPower));
  return Decimal::ratio(rate.big() * units.big(), poolPower.big(), "blockReward");
}

Decimal impliedPoolPower(const PoolSizeInput& in) {
  const Decimal units = parseAmount(in.units, "units", Sign::positive);
  const Decimal reward = parseAmount(in.blockReward, "blockReward", Sign::positive);
  const Decimal rate = parseAmount(in.rate, "rate", Sign::positive);
  return Decimal::ratio(rate.big() * units.big(), reward.big(), "poolPower");
}

}  // namespace cbm
