#include "rules.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "referral.hpp"
#include "supply.hpp"

namespace cbm {

namespace {

const Decimal kMaxBaseRate = Decimal::fromInteger(1'000'000'000);  // WFI/s: far above any sane rate
const Decimal kMaxTotalEmission = Decimal::fromInteger(1'000'000'000'000);  // WFI, all stages

std::optional<Seconds> optionalSeconds(const std::string& text, const std::string& field) {
  if (text == "none") return std::nullopt;
  return parseWhole(text, field, 1, kMaxSeconds);
}

// "30:1,15:0.8" -> tiers sorted by min, largest first.
std::vector<Tier> parseTiers(const std::string& text, const std::string& field) {
  std::vector<Tier> tiers;
  for (const TextPair& row : textPairs(text, field, "a pair min:weight"))
    tiers.push_back({parseAmount(row.first, row.field + ".min", Sign::nonNegative),
                     parseAmount(row.second, row.field + ".weight", Sign::nonNegative)});
  if (tiers.empty()) throw InputError(field, "must have at least one tier");
  std::sort(tiers.begin(), tiers.end(), [](const Tier& a, const Tier& b) { return a.min > b.min; });
  for (std::size_t i = 1; i < tiers.size(); ++i)
    if (tiers[i].min == tiers[i - 1].min)
      throw InputError(field, "has two tiers with min " + tiers[i].min.str());
  return tiers;
}

// Applies each override through the setter registered under its name.
template <class Rules>
using Setter = std::function<void(Rules&, const std::string& text, const std::string& field)>;

template <class Rules>
void applyOverrides(Rules& rules, const std::map<std::string, Setter<Rules>>& setters,
                    const std::vector<RuleText>& overrides) {
  for (const auto& [name, text] : overrides) {
    std::string field = "rules." + name;
    auto setter = setters.find(name);
    if (setter == setters.end()) throw InputError(field, "is not a rule of this call");
    setter->second(rules, text, field);
  }
}

}  // namespace

PointsRules::PointsRules()
    : checkinTiers(parseTiers("30:1,15:0.8,7:0.5,0:0.1", "checkinTiers")),
      pointsTiers(parseTiers("5000:1,3000:0.5,1000:0.3", "pointsTiers")),
      inviteTiers(parseTiers("30:1,10:0.5,5:0.2", "inviteTiers")) {}

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

constexpr int kMaxStages = 100;

// "8:57471264,4:57471264" -> stages; rates in WFI per second, durations in seconds.
Schedule parseSchedule(const std::string& text, const std::string& field) {
  const std::vector<TextPair> rows = textPairs(text, field, "a stage { rate, duration }");
  if (rows.size() > kMaxStages)
    throw InputError(field, "must have at most " + std::to_string(kMaxStages) + " stages");
  Schedule schedule;
  BigInt totalWei = 0;  // checked as the stages come, so that no sum of them can overflow
  for (const TextPair& row : rows) {
    const Decimal rate = parseAmount(row.first, row.field + ".rate", Sign::nonNegative);
    if (rate > kMaxBaseRate)
      throw InputError(row.field + ".rate", "must be at most " + kMaxBaseRate.str() +
                                                " WFI per second, got " + quote(row.first));
    schedule.push_back({rate, parseWhole(row.second, row.field + ".duration", 1, kMaxSeconds)});
    totalWei += rate.big() * schedule.back().duration;
    if (totalWei > kMaxTotalEmission.big())
      throw InputError(field, "would emit more than " + kMaxTotalEmission.str() +
                                  " WFI in all (a thousand times the supply)");
  }
  if (schedule.empty()) throw InputError(field, "must have at least one stage");
  return schedule;
}

// The pool rules while overrides are applied: the halving form's fields are gathered apart,
// because they become a schedule only once all are known.
struct PoolRulesDraft {
  PoolRules rules;
  bool scheduleGiven = false, lifetimeGiven = false;
  std::optional<Decimal> baseRate;
  std::optional<Seconds> halvingPeriod;
  std::optional<int> stages;

  bool halvingFormGiven() const { return baseRate || halvingPeriod || stages; }
};

}  // namespace

PoolRules poolRules(const std::vector<RuleText>& overrides) {
  using S = Setter<PoolRulesDraft>;
  static const std::map<std::string, S> setters = {
      {"schedule",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.rules.emission.schedule = parseSchedule(t, f);
         d.scheduleGiven = true;
       }},
      {"baseRate",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.baseRate = parseAmount(t, f, Sign::positive);
         if (*d.baseRate > kMaxBaseRate)
           throw InputError(
               f, "must be at most " + kMaxBaseRate.str() + " WFI per second, got " + quote(t));
       }},
      {"halvingPeriod",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.halvingPeriod = parseWhole(t, f, 1, kMaxSeconds);
       }},
      {"stages",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.stages = static_cast<int>(parseWhole(t, f, 1, kMaxStages));
       }},
      {"supplyCap",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         if (t == "none")
           d.rules.emission.supplyCap.reset();
         else
           d.rules.emission.supplyCap = parseAmount(t, f, Sign::positive);
       }},
      {"activationsPerSecond",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.rules.activationsPerSecond =
             static_cast<int>(parseWhole(t, f, 1, kMaxActivationsPerSecond));
       }},
      {"amortization",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         if (t == "none")
           d.rules.amortization = Amortization::none;
         else if (t == "linear")
           d.rules.amortization = Amortization::linear;
         else if (t == "exponential")
           d.rules.amortization = Amortization::exponential;
         else
           throw InputError(f, "must be \"none\", \"linear\" or \"exponential\", got " + quote(t));
       }},
      {"lifetime",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.rules.lifetime = optionalSeconds(t, f);
         d.lifetimeGiven = true;
       }},
      {"halfLife",
       [](PoolRulesDraft& d, const std::string& t, const std::string& f) {
         d.rules.halfLife = parseWhole(t, f, 1, kMaxSeconds);
       }},
  };
  PoolRulesDraft draft;
  applyOverrides(draft, setters, overrides);
  PoolRules& rules = draft.rules;
  // SPEC 1: a schedule is given as a list of stages or in the halving form, never both; rules
  // with neither use the contract's.
  if (draft.halvingFormGiven()) {
    if (draft.scheduleGiven)
      throw InputError("rules.schedule",
                       "give either a schedule or the halving form (baseRate, halvingPeriod, "
                       "stages), not both");
    rules.emission.schedule = halvingSchedule(draft.baseRate.value_or(defaultBaseRate()),
                                              draft.halvingPeriod.value_or(kDefaultHalvingPeriod),
                                              draft.stages.value_or(kDefaultHalvingStages));
  }
  // SPEC 3: the 8-year lifetime is the linear model's; with none and exponential a lifetime is
  // optional, so they have none unless one is given.
  if (rules.amortization != Amortization::linear && !draft.lifetimeGiven) rules.lifetime.reset();
  if (rules.amortization == Amortization::linear && !rules.lifetime)
    throw InputError("rules.lifetime", "the linear model needs a lifetime, got none");
  // The engine keeps every reward within a small fraction of a wei up to this total; the
  // defaults emit 862,068,966 WFI.
  const Decimal total = Decimal::fromRaw(EmissionSchedule(rules.emission).total());
  if (total > kMaxTotalEmission)
    throw InputError(draft.scheduleGiven ? "rules.schedule" : "rules.baseRate",
                     "with these rules emission would total " + total.str() +
                         " WFI; the limit is " + kMaxTotalEmission.str() +
                         " WFI (a thousand times the supply)");
  return rules;
}

PointsRules pointsRules(const std::vector<RuleText>& overrides) {
  using S = Setter<PointsRules>;
  static const std::map<std::string, S> setters = {
      {"base", [](PointsRules& r, const std::string& t,
                  const std::string& f) { r.base = parseAmount(t, f, Sign::nonNegative); }},
      {"decayRate", [](PointsRules& r, const std::string& t,
                       const std::string& f) { r.decayRate = parseAmount(t, f, Sign::positive); }},
      {"maxSessionSeconds",
       [](PointsRules& r, const std::string& t, const std::string& f) {
         r.maxSessionSeconds = parseWhole(t, f, 1, kMaxSeconds);
       }},
      {"cooldownSeconds",
       [](PointsRules& r, const std::string& t, const std::string& f) {
         r.cooldownSeconds = parseWhole(t, f, 0, kMaxSeconds);
       }},
      {"weightCap", [](PointsRules& r, const std::string& t,
                       const std::string& f) { r.weightCap = parseAmount(t, f, Sign::positive); }},
      {"checkinTiers", [](PointsRules& r, const std::string& t,
                          const std::string& f) { r.checkinTiers = parseTiers(t, f); }},
      {"pointsTiers", [](PointsRules& r, const std::string& t,
                         const std::string& f) { r.pointsTiers = parseTiers(t, f); }},
      {"inviteTiers", [](PointsRules& r, const std::string& t,
                         const std::string& f) { r.inviteTiers = parseTiers(t, f); }},
  };
  PointsRules rules;
  applyOverrides(rules, setters, overrides);
  return rules;
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
