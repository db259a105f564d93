#include "rules.hpp"

#include <algorithm>

#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "referral.hpp"
#include "supply.hpp"

namespace cbm {

namespace {

const Decimal kMaxBaseRate = Decimal::fromInteger(1'000'000'000);  // WFI/s: far above any sane rate
const Decimal kMaxTotalEmission = Decimal::fromInteger(1'000'000'000'000);  // WFI, all stages

// Tiers checked, then sorted by min, largest first.
std::vector<Tier> checkedTiers(std::vector<Tier> tiers, const std::string& field) {
  if (tiers.empty()) throw InputError(field, "must have at least one tier");
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    requireSign(tiers[i].min, indexed(field, i) + ".min", Sign::nonNegative);
    requireSign(tiers[i].weight, indexed(field, i) + ".weight", Sign::nonNegative);
  }
  std::sort(tiers.begin(), tiers.end(), [](const Tier& a, const Tier& b) { return a.min > b.min; });
  for (std::size_t i = 1; i < tiers.size(); ++i)
    if (tiers[i].min == tiers[i - 1].min)
      throw InputError(field, "has two tiers with min " + tiers[i].min.str());
  return tiers;
}

void requireRate(Decimal rate, const std::string& field) {
  requireSign(rate, field, Sign::nonNegative);
  if (rate > kMaxBaseRate)
    throw InputError(field, "must be at most " + kMaxBaseRate.str() + " WFI per second, got " +
                                quote(rate.str()));
}

Tier tier(int min, const char* weight) {
  return {Decimal::fromInteger(min), Decimal::parse(weight, "weight")};
}

}  // namespace

// SPEC 7's tables, largest min first.
PointsRules::PointsRules()
    : checkinTiers{tier(30, "1"), tier(15, "0.8"), tier(7, "0.5"), tier(0, "0.1")},
      pointsTiers{tier(5000, "1"), tier(3000, "0.5"), tier(1000, "0.3")},
      inviteTiers{tier(30, "1"), tier(10, "0.5"), tier(5, "0.2")} {}

const char* toString(Amortization model) {
  switch (model) {
    case Amortization::none:
      return "none";
    case Amortization::linear:
      return "linear";
    case Amortization::exponential:
      return "exponential";
  }
  return "?";
}

Schedule contractSchedule() {
  const Seconds stage = 57'471'264;
  return {{Decimal::fromInteger(8), stage},
          {Decimal::fromInteger(4), stage},
          {Decimal::fromInteger(2), stage},
          {Decimal::fromInteger(1), stage + 6}};
}

Schedule halvingSchedule(Decimal baseRate, Seconds halvingPeriod, int stages) {
  Schedule schedule;
  for (int k = 0; k < stages && k < 127; ++k) {
    // baseRate >= 0, so the shift is the truncated division by 2^k.
    const Int128 rate = baseRate.raw() >> k;
    if (rate == 0) break;
    schedule.push_back({Decimal::fromRaw(rate), halvingPeriod});
  }
  return schedule;
}

namespace {

void checkSchedule(const Schedule& schedule) {
  const std::string field = "rules.schedule";
  if (schedule.empty()) throw InputError(field, "must have at least one stage");
  if (schedule.size() > kMaxStages)
    throw InputError(field, "must have at most " + std::to_string(kMaxStages) + " stages");
  BigInt totalWei = 0;  // checked stage by stage, so that no sum of them can overflow
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    requireRate(schedule[i].rate, indexed(field, i) + ".rate");
    requireWhole(schedule[i].duration, indexed(field, i) + ".duration", 1, kMaxSeconds);
    totalWei += schedule[i].rate.big() * schedule[i].duration;
    if (totalWei > kMaxTotalEmission.big())
      throw InputError(field, "would emit more than " + kMaxTotalEmission.str() +
                                  " WFI in all (a thousand times the supply)");
  }
}

// SPEC 1: a schedule is given as a list of stages or in the halving form, never both; rules
// with neither use the contract's.
Schedule chosenSchedule(const PoolRuleChoices& c) {
  const bool halvingForm = c.baseRate || c.halvingPeriod || c.stages;
  if (halvingForm && c.schedule)
    throw InputError("rules.schedule",
                     "give either a schedule or the halving form (baseRate, halvingPeriod, "
                     "stages), not both");
  if (c.schedule) {
    checkSchedule(*c.schedule);
    return *c.schedule;
  }
  if (!halvingForm) return contractSchedule();
  const Decimal baseRate = c.baseRate.value_or(defaultBaseRate());
  requireSign(baseRate, "rules.baseRate", Sign::positive);
  requireRate(baseRate, "rules.baseRate");
  const Seconds period = c.halvingPeriod.value_or(kDefaultHalvingPeriod);
  requireWhole(period, "rules.halvingPeriod", 1, kMaxSeconds);
  const int stages = c.stages.value_or(kDefaultHalvingStages);
  requireWhole(stages, "rules.stages", 1, kMaxStages);
  return halvingSchedule(baseRate, period, stages);
}

}  // namespace

PoolRules poolRules(const PoolRuleChoices& c) {
  PoolRules rules;
  rules.emission.schedule = chosenSchedule(c);
  if (c.supplyCap) {
    if (*c.supplyCap) requireSign(**c.supplyCap, "rules.supplyCap", Sign::positive);
    rules.emission.supplyCap = *c.supplyCap;
  }
  if (c.activationsPerSecond) {
    requireWhole(*c.activationsPerSecond, "rules.activationsPerSecond", 1,
                 kMaxActivationsPerSecond);
    rules.activationsPerSecond = *c.activationsPerSecond;
  }
  rules.amortization = c.amortization.value_or(rules.amortization);
  // SPEC 3: the 8-year lifetime is the linear model's; with none and exponential a lifetime is
  // optional, so they have none unless one is given.
  if (c.lifetime)
    rules.lifetime = *c.lifetime;
  else if (rules.amortization != Amortization::linear)
    rules.lifetime.reset();
  if (rules.lifetime) requireWhole(*rules.lifetime, "rules.lifetime", 1, kMaxSeconds);
  if (rules.amortization == Amortization::linear && !rules.lifetime)
    throw InputError("rules.lifetime", "the linear model needs a lifetime, got none");
  if (c.halfLife) {
    requireWhole(*c.halfLife, "rules.halfLife", 1, kMaxSeconds);
    rules.halfLife = *c.halfLife;
  }
  // The engine keeps every reward within a small fraction of a wei up to this total; the
  // defaults emit 862,068,966 WFI.
  const Decimal total = Decimal::fromRaw(EmissionSchedule(rules.emission).total());
  if (total > kMaxTotalEmission)
    throw InputError(c.schedule ? "rules.schedule" : "rules.baseRate",
                     "with these rules emission would total " + total.str() +
                         " WFI; the limit is " + kMaxTotalEmission.str() +
                         " WFI (a thousand times the supply)");
  return rules;
}

PointsRules checkedPointsRules(PointsRules r) {
  requireSign(r.base, "rules.base", Sign::nonNegative);
  requireSign(r.decayRate, "rules.decayRate", Sign::positive);
  requireWhole(r.maxSessionSeconds, "rules.maxSessionSeconds", 1, kMaxSeconds);
  requireWhole(r.cooldownSeconds, "rules.cooldownSeconds", 0, kMaxSeconds);
  requireSign(r.weightCap, "rules.weightCap", Sign::positive);
  r.checkinTiers = checkedTiers(std::move(r.checkinTiers), "rules.checkinTiers");
  r.pointsTiers = checkedTiers(std::move(r.pointsTiers), "rules.pointsTiers");
  r.inviteTiers = checkedTiers(std::move(r.inviteTiers), "rules.inviteTiers");
  return r;
}

Decimal tierWeight(const std::vector<Tier>& tiers, Decimal value) {
  for (const Tier& tier : tiers)
    if (value >= tier.min) return tier.weight;
  return Decimal();
}

namespace {

// A JSON string: the texts here are the project's own, so only quotes and backslashes need
// escaping.
std::string jsonText(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string scheduleJson(const Schedule& schedule) {
  std::string out = "[";
  for (const Stage& stage : schedule)
    out += std::string(out.size() > 1 ? "," : "") + "{\"rate\":" + jsonText(stage.rate.str()) +
           ",\"duration\":" + std::to_string(stage.duration) + "}";
  return out + "]";
}

}  // namespace

std::string presetsJson() {
  const auto preset = [](const char* key, const char* label, const char* source,
                         const std::string& rules, const char* note) {
    return std::string("\"") + key + "\":{\"label\":" + jsonText(label) +
           ",\"source\":" + jsonText(source) + ",\"rules\":" + rules +
           ",\"note\":" + jsonText(note) + "}";
  };
  const auto halving = [](Seconds period) {
    return "{\"baseRate\":\"8\",\"halvingPeriod\":" + std::to_string(period) + ",\"stages\":4}";
  };
  return "{" +
         preset("contract", "WeFi's distribution contract (default)",
                "wefico/wefi-contracts, src/WFIDistributor.sol (audited): tokensPerSecond and "
                "intervalDurations, with totalUnlockedMiningRewards()",
                "{\"schedule\":" + scheduleJson(contractSchedule()) + "}",
                "What actually pays: stages of 665.18 days (the last 6 seconds longer), 7.29 "
                "years in all, ending at the contract's mining pool of 862,068,966 WFI.") +
         "," +
         preset("whitepaper", "Whitepaper: halving every 2 years",
                "WeFi whitepaper, section 3.5 Cloud-Based Mining, rule 1 Systematic Halving "
                "(\"reduces mining rewards by 50% every 2 years\"), at 8 WFI per second",
                halving(kDefaultHalvingPeriod),
                "730-day stages over 8 years: 84 million WFI more than the contract holds for "
                "mining, and every halving 65 days later than the contract's.") +
         "," +
         preset("stages729", "729-day stages",
                "a public WeFi page listing 729-day stages of 503,884,800 / 251,942,400 / "
                "125,971,200 / 62,985,600 WFI",
                halving(729 * kSecondsPerDay),
                "A day shorter than the whitepaper's stages; like them, more than the contract "
                "holds.") +
         "}";
}

// seconds / unit, rounded to 2 decimals, as decimal text.
std::string hundredths(Seconds seconds, Seconds unit) {
  return Decimal::fromRaw((Int128(seconds) * 100 + unit / 2) / unit * (Decimal::kScale / 100))
      .str();
}

std::string defaultsJson() {
  const PoolRules pool;
  const PointsRules points;
  const auto& str = jsonText;
  auto tiers = [&](const std::vector<Tier>& ts) {
    std::string out = "[";
    for (const Tier& t : ts)
      out += std::string(out.size() > 1 ? "," : "") + "{\"min\":" + str(t.min.str()) +
             ",\"weight\":" + str(t.weight.str()) + "}";
    return out + "]";
  };
  const auto number = [](std::int64_t n) { return std::to_string(n); };
  return "{\"pool\":{\"schedule\":" + scheduleJson(pool.emission.schedule) + ",\"supplyCap\":null" +
         ",\"activationsPerSecond\":" + number(pool.activationsPerSecond) +
         ",\"amortization\":" + str(toString(pool.amortization)) +
         ",\"lifetime\":" + number(*pool.lifetime) + ",\"halfLife\":" + number(pool.halfLife) +
         "}" + ",\"points\":{\"base\":" + str(points.base.str()) +
         ",\"decayRate\":" + str(points.decayRate.str()) +
         ",\"maxSessionSeconds\":" + number(points.maxSessionSeconds) +
         ",\"cooldownSeconds\":" + number(points.cooldownSeconds) +
         ",\"weightCap\":" + str(points.weightCap.str()) +
         ",\"checkinTiers\":" + tiers(points.checkinTiers) +
         ",\"pointsTiers\":" + tiers(points.pointsTiers) +
         ",\"inviteTiers\":" + tiers(points.inviteTiers) + "}" +
         ",\"supplyControl\":" + supplyDefaultsJson() + ",\"vesting\":" + vestingDefaultsJson() +
         ",\"referral\":" + referralDefaultsJson() +
         ",\"secondsPerYear\":" + number(kSecondsPerYear) +
         // The default rules in the words a reader wants, to 2 decimals: "units age over 8
         // years; emission halves every 665.18 days".
         ",\"summary\":{\"lifetimeYears\":" + str(hundredths(*pool.lifetime, kSecondsPerYear)) +
         ",\"stageDays\":" +
         str(hundredths(pool.emission.schedule.front().duration, kSecondsPerDay)) + "}}";
}

}  // namespace cbm
