// SPEC 7b: referral income. A holder receives a share of what each line of their referral
// network mines (3%, 5%, 8% for lines 1, 2, 3), once their own activated purchases reach the
// line's threshold in USD ($250, $500, $1,000). It is paid weekly and locked in staking for a
// year. It comes from the referral and staking pool, not from the referrals' own rewards.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "decimal.hpp"
#include "rules.hpp"

namespace cbm {

/// One line of the referral network: the share of its mining, and what unlocks it.
struct ReferralLine {
  Decimal share;         //!< of what the line mines: 0.03 for line 1
  Decimal thresholdUsd;  //!< the holder's activated purchases, in USD, that unlock the line
};

/// SPEC 7b, every figure overridable. Payouts fall at every multiple of `payEvery` seconds from
/// genesis; each unlocks `lockFor` seconds after it is paid.
struct ReferralRules {
  std::vector<ReferralLine> lines;  //!< line 1 first
  Seconds payEvery = 7 * kSecondsPerDay;
  Seconds lockFor = kSecondsPerYear;
  ReferralRules();
};

/// A purchase of units by the holder, activated at `at` (seconds since genesis).
struct Purchase {
  Seconds at;
  Decimal units;
  Decimal unitPrice;  //!< USD per unit
};

/// A line's mining at sample times t[i]: WFI mined in the seconds before t[i] (non-decreasing)
/// and in second t[i] (the per-second reward), as a pool simulation's tracked owner gives them.
struct MinedSeries {
  std::vector<Int128> minedWei, rateWei;
};

/// One weekly payout: what each line earned the holder in the week that ends at `at`.
struct ReferralPayout {
  Seconds at;
  Seconds unlocksAt;
  std::vector<Int128> lineWei;  //!< per line, each truncated to the wei
  Int128 amountWei;             //!< their sum
};

struct ReferralIncome {
  //! Per line: the first second the holder's purchases reach its threshold (none: never).
  std::vector<std::optional<Seconds>> unlockedAt;
  std::vector<ReferralPayout> payouts;  //!< only the weeks that pay something
  //! At each sample time t[i]: referral WFI paid by then (payouts at <= t[i]), the part of it
  //! unlocked (unlocksAt <= t[i]), the part still locked, and the referral income accruing in
  //! second t[i] (each unlocked line's share of its per-second reward).
  std::vector<Int128> paidWei, unlockedWei, lockedWei, rateWei;
  Int128 totalWei = 0;
};

/// The referral income of a holder whose lines mine `lines` (line 1 first, at most as many as
/// rules.lines) at the sample times `t` (increasing, seconds since genesis). Each payout pays
/// the share of what a line mined since the previous payout (or since t[0]) if the line is
/// unlocked when the payout is made; `t` must hold every payout time between its first and
/// last value, and what was mined after the last payout time is paid at the next one.
/// InputError naming the field (t, lines[i].mined[k], purchases[i].at, ...) for bad input.
ReferralIncome referralIncome(const std::vector<Seconds>& t, const std::vector<MinedSeries>& lines,
                              std::vector<Purchase> purchases, const ReferralRules& rules);

/// `rules` checked: at most 10 lines, each share in [0, 1] and threshold >= 0, payEvery >= 1 s,
/// lockFor >= 0 s. InputError("rules.<name>...") for a bad value. A caller changes the fields
/// of a default ReferralRules, then passes it here.
constexpr std::size_t kMaxReferralLines = 10;
ReferralRules checkedReferralRules(ReferralRules rules);

/// The referral rules as JSON (the `referral` group of defaults()).
std::string referralDefaultsJson();

}  // namespace cbm
