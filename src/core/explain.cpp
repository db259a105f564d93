#include "explain.hpp"

#include <algorithm>

#include "calendar.hpp"
#include "emission.hpp"
#include "parse.hpp"

namespace cbm {

namespace {

std::string text(Decimal d) {
  return d.str();
}
std::string text(std::int64_t n) {
  return std::to_string(n);
}
// An effective power to 18 decimals (the engine keeps about 31 digits).
std::string text(DoubleDouble x) {
  return Decimal::fromRaw((x * 1e18).floorToInt(), "power").str();
}

Decimal wfiOf(Int128 wei) {
  return Decimal::fromRaw(wei, "wfi");
}

const Term kSecondsPerYearTerm{"secondsPerYear", "seconds in a year of 365 days", "count",
                               text(std::int64_t{kSecondsPerYear})};
const Term kSecondsPerDayTerm{"secondsPerDay", "seconds in a day", "count",
                              text(std::int64_t{kSecondsPerDay})};
const char* const kTruncated = "Exact, then truncated toward zero to 18 decimals.";

}  // namespace

std::vector<Explanation> explainApr(const AprInput& in) {
  const AprResult r = apr(in);
  const Term blockReward{"blockReward", "your block reward: WFI a second", "wfiPerSecond",
                         text(in.blockReward)};
  const Term tokenPrice{"tokenPrice", "the WFI price", "price", text(in.tokenPrice)};
  const Term units{"units", "your units", "units", text(in.units)};
  const Term unitPrice{"unitPrice", "the price of a unit", "price", text(in.unitPrice)};
  const Term aprPercent{"aprPercent", "APR", "percent", text(r.aprPercent)};
  const Term yearlyReward{"yearlyReward", "WFI in a year", "wfi", text(r.yearlyReward)};
  const Term yearlyUsd{"yearlyRewardUsd", "a year's WFI in USD", "usd", text(r.yearlyRewardUsd)};
  const Term contribution{"contributionUsd", "what the units cost", "usd", text(r.contributionUsd)};
  std::vector<Explanation> out = {
      {"aprPercent",
       "{aprPercent} = {blockReward} × {secondsPerYear} × {tokenPrice} / ({units} × {unitPrice}) "
       "× 100",
       {aprPercent, blockReward, kSecondsPerYearTerm, tokenPrice, units, unitPrice},
       {"A simple APR, not an APY: what a year at this block reward earns, over what the units "
        "cost; nothing is compounded. The block reward is the app's: already net of the "
        "amortization of your units.",
        kTruncated}},
      {"yearlyReward",
       "{yearlyReward} = {blockReward} × {secondsPerYear}",
       {yearlyReward, blockReward, kSecondsPerYearTerm},
       {"At this block reward all year: it falls as the pool grows, units age and halvings "
        "come."}},
      {"yearlyRewardUsd",
       "{yearlyRewardUsd} = {yearlyReward} × {tokenPrice}",
       {yearlyUsd, yearlyReward, tokenPrice},
       {kTruncated}},
      {"contributionUsd",
       "{contributionUsd} = {units} × {unitPrice}",
       {contribution, units, unitPrice},
       {}},
      {"netGainPercent",
       "{netGainPercent} = {aprPercent} − 100",
       {{"netGainPercent", "the gain beyond what you paid", "percent", text(r.netGainPercent)},
        aprPercent},
       {"A year's earnings less the principal, as a percentage of it."}},
      {"netGainUsd",
       "{netGainUsd} = {yearlyRewardUsd} − {contributionUsd}",
       {{"netGainUsd", "the gain beyond what you paid, USD", "usd", text(r.netGainUsd)},
        yearlyUsd,
        contribution},
       {}},
  };
  if (r.withReferralsPercent)
    out.push_back(
        {"withReferralsPercent",
         "{withReferralsPercent} = ({blockReward} + {referralReward}) × {secondsPerYear} × "
         "{tokenPrice} / ({units} × {unitPrice}) × 100",
         {{"withReferralsPercent", "APR with referral income", "percent",
           text(*r.withReferralsPercent)},
          blockReward,
          {"referralReward", "referral income: WFI a second", "wfiPerSecond",
           text(*in.referralReward)},
          kSecondsPerYearTerm,
          tokenPrice,
          units,
          unitPrice},
         {kTruncated}});
  return out;
}

std::vector<Explanation> explainEarnings(const EarningsInput& in, std::optional<Seconds> at) {
  const Earnings e = projectEarnings(in);
  const EarningsMoment moment = at ? earningsAt(in, *at) : e.nowMoment;
  const NowTerms& now = moment.terms;
  const auto day = [&](Seconds t) { return formatDay(in.genesis + t / kSecondsPerDay); };
  const auto date = [&](const std::string& name, const std::string& label, Seconds t) {
    return Term{name, label, "date", day(t)};
  };
  const EmissionSchedule schedule(in.rules.emission);
  const Decimal rate = wfiOf(now.rateWei);
  const Term blockReward{"blockReward", "your block reward: WFI a second", "wfiPerSecond",
                         text(moment.rate.blockReward)};
  const Term rateTerm{"rate", "the pool's emission: WFI a second", "wfiPerSecond", text(rate)};
  const Term tokenPrice{"tokenPrice", "the WFI price", "price", text(in.tokenPrice)};
  const Term atDate = date("atDate", "the day of that second", now.at);
  const Term stage{"stage", "the schedule's stage", "count",
                   text(std::int64_t{schedule.stageAt(now.at)})};
  const Term stages{"stages", "its stages", "count",
                    text(static_cast<std::int64_t>(schedule.stages().size()))};

  std::string amortization;
  switch (in.rules.amortization) {
    case Amortization::none:
      amortization =
          "No amortization: every unit mines with a power of 1 from the second after "
          "its activation.";
      break;
    case Amortization::linear:
      amortization =
          "Linear amortization: a unit's power falls evenly from 1 when it starts mining to 0 "
          "at the end of its lifetime; your units add up to {yourPower}, the pool's to "
          "{poolPower}.";
      break;
    case Amortization::exponential:
      amortization =
          "Exponential amortization: a unit's power halves every half-life from its start; your "
          "units add up to {yourPower}, the pool's to {poolPower}.";
      break;
  }
  std::vector<std::string> blockNotes = {
      "In the second it describes ({atDate}) the pool emits {rate}: stage {stage} of "
      "{stages} of the schedule. You receive your share of it: your effective power over the "
      "pool's, {share}.",
      amortization, kTruncated};
  const Seconds nowAt = std::min(in.holder.now, schedule.endsAt());
  if (!at && now.at > nowAt)
    blockNotes.insert(blockNotes.begin(),
                      "A purchase of yours is still in the activation queue now: the figures are "
                      "those of its first second of mining.");
  const DoubleDouble share =
      now.poolPower.hi > 0 ? now.power / now.poolPower * DoubleDouble(100) : DoubleDouble();
  std::vector<Explanation> out = {
      {"now.blockReward",
       "{blockReward} = {rate} × {yourPower} / {poolPower}",
       {blockReward,
        rateTerm,
        {"yourPower", "your effective power: your units, amortized", "power", text(now.power)},
        {"poolPower", "the pool's effective power, yours included", "power", text(now.poolPower)},
        {"share", "your share of the pool", "percent", text(share)},
        atDate,
        stage,
        stages},
       blockNotes},
      {"now.wfiPerDay",
       "{wfiPerDay} = {blockReward} × {secondsPerDay}",
       {{"wfiPerDay", "WFI a day", "wfi", text(moment.rate.wfiPerDay)},
        blockReward,
        kSecondsPerDayTerm},
       {"A day at the rate of that second: it falls as the pool grows, units age and halvings "
        "come."}},
      {"now.usdPerDay",
       "{usdPerDay} = {wfiPerDay} × {tokenPrice}",
       {{"usdPerDay", "USD a day", "usd", text(moment.rate.usdPerDay)},
        {"wfiPerDay", "WFI a day", "wfi", text(moment.rate.wfiPerDay)},
        tokenPrice},
       {kTruncated}},
      {"now.aprPercent",
       "{aprPercent} = {blockReward} × {secondsPerYear} × {tokenPrice} / {paidUsd} × 100",
       {{"aprPercent", "APR now", "percent", text(moment.aprPercent)},
        blockReward,
        kSecondsPerYearTerm,
        tokenPrice,
        {"paidUsd", "what the purchases mining then cost", "usd", text(moment.miningPaidUsd)}},
       {"A simple APR, not an APY: a year at this second's block reward, over what the "
        "purchases mining in it cost.",
        kTruncated}},
  };

  const Seconds yearOn = std::min(nowAt + kSecondsPerYear, schedule.endsAt());
  out.push_back(
      {"firstYear.usd",
       "{yearUsd} = {yearWfi} × {tokenPrice}",
       {{"yearUsd", "USD in the 12 months from now", "usd", text(e.firstYearUsd)},
        {"yearWfi", "WFI in the 12 months from now", "wfi", text(e.firstYearWfi)},
        tokenPrice,
        date("from", "from", nowAt),
        date("to", "to", yearOn)},
       {"{yearWfi} is what your purchases mine from {from} to {to}: the pool engine's sum of "
        "their rewards, second by second, over everyone else's growth, your purchases' "
        "activations, their amortization and any halving between. At today's WFI price.",
        kTruncated}});

  const Term paid{"paidUsd", "what you paid", "usd", text(e.paidUsd)};
  out.push_back({"firstYear.returnPercent",
                 "{returnPercent} = {yearUsd} / {paidUsd} × 100",
                 {{"returnPercent", "return over the 12 months from now", "percent",
                   text(e.firstYearReturnPercent)},
                  {"yearUsd", "USD in the 12 months from now", "usd", text(e.firstYearUsd)},
                  paid},
                 {"Over everything you paid, whether it mines yet or not.", kTruncated}});
  if (e.breakevenAt) {
    const Seconds b = *e.breakevenAt;
    const HolderScenario h = holderScenario(in.rules, in.holder);
    const std::vector<Int128> mined = minedBefore(h.scenario, {b, b + 1});
    const Decimal wfi = wfiOf(mined[1]), before = wfiOf(mined[0]);
    out.push_back(
        {"breakevenAt",
         "{minedUsd} = {minedWfi} × {tokenPrice} ≥ {paidUsd}",
         {{"minedUsd", "what you have mined, in USD", "usd",
           text(wfi.times(in.tokenPrice, "minedUsd"))},
          {"minedWfi", "WFI mined from your first purchase to the end of that second", "wfi",
           text(wfi)},
          tokenPrice,
          paid,
          date("breakevenDate", "the breakeven day", b),
          {"minedUsdBefore", "a second earlier, in USD", "usd",
           text(before.times(in.tokenPrice, "minedUsd"))}},
         {"Breakeven is the first second ({breakevenDate}) at whose end the WFI you have mined, "
          "at today's price, covers what you paid; a second earlier it was {minedUsdBefore}."}});
  } else {
    out.push_back(
        {"breakevenAt",
         "",
         {paid,
          {"totalWfi", "WFI mined by the end of emission", "wfi", text(e.totalWfi)},
          {"totalUsd", "in USD at today's price", "usd", text(e.totalUsd)},
          date("endDate", "the end of emission", schedule.endsAt())},
         {"Never, at today's price: by the end of emission ({endDate}) your purchases mine "
          "{totalWfi}, worth {totalUsd}, less than the {paidUsd} you paid."}});
  }

  if (e.nextHalvingAt)
    out.push_back(
        {"nextHalving",
         "",
         {date("halvingDate", "the day the next stage starts", *e.nextHalvingAt),
          {"stageAfter", "that stage", "count",
           text(std::int64_t{schedule.stageAt(*e.nextHalvingAt)})},
          stages,
          rateTerm,
          {"rateAfter", "the pool's emission then: WFI a second", "wfiPerSecond",
           text(wfiOf(schedule.rateAt(*e.nextHalvingAt)))},
          blockReward,
          {"blockRewardAfter", "your block reward then", "wfiPerSecond",
           text(e.afterHalving.blockReward)}},
         {"On {halvingDate} stage {stageAfter} of {stages} starts: the pool's emission goes from "
          "{rate} to {rateAfter}, and your block reward from {blockReward} to "
          "{blockRewardAfter} (your share in that second)."}});
  return out;
}

std::vector<Explanation> explainPoints(const WeightInput& in, Seconds elapsed,
                                       const PointsRules& rules) {
  const Weight w = pointsWeight(in, rules);
  const Decimal reward = pointsReward(elapsed, w.weight, rules);
  const Seconds t = std::clamp<Seconds>(elapsed, 0, rules.maxSessionSeconds);
  // 1 - e^(-decayRate x t), the share of a full session's points these seconds earn, to show
  // (the reward itself is pointsReward's, exact).
  const DoubleDouble x =
      DoubleDouble::fromInt(rules.decayRate.raw()) / 1e18 * DoubleDouble::fromInt(t);
  const DoubleDouble share = -expm1(-x);
  const Term weight{"weight", "your mining weight", "count", text(w.weight)};
  const auto tier = [](const char* name, const char* label, Decimal value) {
    return Term{name, label, "count", text(value)};
  };
  const Term checkin = tier("checkin", "from your check-in streak", w.checkin);
  const Term points = tier("points", "from your total points", w.points);
  const Term invites = tier("invites", "from your invited friends", w.invites);
  const Term streakDays{"streakDays", "check-in streak, days", "count", text(in.streakDays)};
  const Term totalPoints{"totalPoints", "total points", "count", text(in.totalPoints)};
  const Term friends{"friends", "invited friends", "count", text(in.invites)};
  const char* const tierNote =
      "Each factor gives the weight of the highest tier its count reaches (SPEC 7's tables).";
  return {
      {"reward",
       "{reward} = {base} × (1 − e^(−{decayRate} × {t})) × {weight}",
       {{"reward", "points of the session", "count", text(reward)},
        {"base", "points of a full session at weight 1", "count", text(rules.base)},
        {"decayRate", "the decay rate, a second", "count", text(rules.decayRate)},
        {"t", "the session's seconds that count", "count", text(std::int64_t{t})},
        weight,
        {"share", "the share of a full session they earn", "count",
         Decimal::fromRaw((share * 1e18).floorToInt(), "share").str()},
        {"maxSession", "the longest session, seconds", "count",
         text(std::int64_t{rules.maxSessionSeconds})}},
       {"A session earns fast at first, then ever more slowly: its first seconds count most, "
        "and none after {maxSession}. {share} of a full session's points here.",
        kTruncated}},
      {"weight",
       "{weight} = min({cap}, {checkin} + {points} + {invites} + {vip} + {extra})",
       {weight,
        {"cap", "the weight cap", "count", text(rules.weightCap)},
        checkin,
        points,
        invites,
        {"vip", "VIP (reserved)", "count", text(w.vip)},
        {"extra", "extra (reserved)", "count", text(w.extra)}},
       {tierNote}},
      {"checkin",
       "",
       {checkin, streakDays},
       {"{streakDays} days in a row give {checkin}.", tierNote}},
      {"points", "", {points, totalPoints}, {"{totalPoints} points give {points}.", tierNote}},
      {"invites", "", {invites, friends}, {"{friends} friends give {invites}.", tierNote}},
  };
}

std::vector<Explanation> explainPool(const PoolTotals& p) {
  requireWhole(p.horizon, "horizon", 1, kMaxSeconds);
  const Term emitted{"emitted", "emitted over the horizon", "wfi", text(p.emitted)};
  const Term distributed{"distributed", "distributed to activations", "wfi", text(p.distributed)};
  const Term unallocated{"unallocated", "emitted while no unit mined", "wfi", text(p.unallocated)};
  const Term accepted{"accepted", "requests accepted", "count", text(p.accepted)};
  const Term horizon{"horizon", "seconds simulated", "count", text(p.horizon)};
  const Term perSecond{"perSecond", "activations the queue serves a second", "count",
                       text(std::int64_t{p.rules.activationsPerSecond})};

  // The schedule over the horizon: each stage's rate times its seconds in it.
  Explanation emission{"emitted", "{emitted} =", {emitted, horizon}, {}};
  std::size_t k = 0;
  const EmissionSchedule schedule(p.rules.emission);
  for (const EmissionSchedule::Piece& piece : schedule.pieces()) {
    if (piece.start >= p.horizon) break;
    const std::string n = std::to_string(++k);
    emission.formula += std::string(k > 1 ? " +" : "") + " {rate" + n + "} × {seconds" + n + "}";
    emission.terms.push_back({"rate" + n,
                              "stage " + std::to_string(piece.stage) + "'s WFI a second",
                              "wfiPerSecond", text(wfiOf(piece.rateWei))});
    emission.terms.push_back({"seconds" + n, "its seconds before the horizon", "count",
                              text(std::min(piece.end, p.horizon) - piece.start)});
  }
  emission.notes = {
      "The schedule's stages from genesis to the horizon ({horizon} seconds): the "
      "pool emits the same whether anyone mines or not."};

  return {
      emission,
      {"distributed",
       "{distributed} = {emitted} − {unallocated}",
       {distributed, emitted, unallocated},
       {"Every second with a unit mining hands out all it emits, shared by effective power."}},
      {"unallocated",
       "",
       {unallocated},
       {"{unallocated} were emitted in seconds in which no unit was mining: before the first "
        "activation, or once every unit had retired; nobody receives them."}},
      {"dust",
       "{dust} = {distributed} − {rewards}",
       {{"dust", "the digits beyond 18 decimals, summed", "wfi", text(p.dust)},
        distributed,
        {"rewards", "the activations' rewards, each truncated to the wei", "wfi",
         text(p.distributed.minus(p.dust, "rewards"))},
        accepted},
       {"Each of the {accepted} activations' rewards is exact, then truncated to the wei: the "
        "dust is what the truncations leave, less than 1 wei each."}},
      {"accepted",
       "",
       {accepted,
        {"requests", "requests", "count", text(p.requests)},
        {"rejected", "rejected", "count", text(p.rejected)},
        perSecond},
       {"Of {requests} requests, {rejected} were rejected at verification (each with its "
        "reason) and {accepted} joined the activation queue, first come first served, "
        "{perSecond} a second; one the queue has not served by the horizon waits in it still."}},
      {"maxWait",
       "",
       {{"maxWait", "the longest wait, seconds", "count", text(p.maxWait)}, perSecond},
       {"The queue serves {perSecond} activations a second, first come first served (ties in "
        "the order given): a request waits while those ahead of it are served, {maxWait} "
        "seconds at the most here; it mines from the second after it is served."}},
  };
}

}  // namespace cbm
