#include "rules.hpp"

#include <algorithm>
#include <functional>
#include <map>

#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
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
  for (std::size_t from = 0; from <= text.size();) {
    std::size_t comma = text.find(',', from);
    if (comma == std::string::npos) comma = text.size();
    const std::string row = text.substr(from, comma - from);
    from = comma + 1;
    if (row.empty() && from > text.size()) break;  // the end, or an empty text
    std::string name = field + "[" + std::to_string(tiers.size()) + "]";
    auto colon = row.find(':');
    if (colon == std::string::npos)
      throw InputError(name, "must be a pair min:weight, got " + quote(row));
    tiers.push_back({parseAmount(row.substr(0, colon), name + ".min", Sign::nonNegative),
                     parseAmount(row.substr(colon + 1), name + ".weight", Sign::nonNegative)});
  }
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

PoolRules poolRules(const std::vector<RuleText>& overrides) {
  using S = Setter<PoolRules>;
  static const std::map<std::string, S> setters = {
      {"baseRate",
       [](PoolRules& r, const std::string& t, const std::string& f) {
         r.emission.baseRate = parseAmount(t, f, Sign::positive);
         if (r.emission.baseRate > kMaxBaseRate)
           throw InputError(
               f, "must be at most " + kMaxBaseRate.str() + " WFI per second, got " + quote(t));
       }},
      {"halvingPeriod",
       [](PoolRules& r, const std::string& t, const std::string& f) {
         r.emission.halvingPeriod = parseWhole(t, f, 1, kMaxSeconds);
       }},
      {"stages",
       [](PoolRules& r, const std::string& t, const std::string& f) {
         r.emission.stages = static_cast<int>(parseWhole(t, f, 1, 100));
       }},
      {"supplyCap",
       [](PoolRules& r, const std::string& t, const std::string& f) {
         if (t == "none")
           r.emission.supplyCap.reset();
         else
           r.emission.supplyCap = parseAmount(t, f, Sign::positive);
       }},
      {"activationsPerSecond",
       [](PoolRules& r, const std::string& t, const std::string& f) {
         r.activationsPerSecond = static_cast<int>(parseWhole(t, f, 1, 1'000'000));
       }},
      {"amortization",
       [](PoolRules& r, const std::string& t, const std::string& f) {
         if (t == "none")
           r.amortization = Amortization::none;
         else if (t == "linear")
           r.amortization = Amortization::linear;
         else if (t == "exponential")
           r.amortization = Amortization::exponential;
         else
           throw InputError(f, "must be \"none\", \"linear\" or \"exponential\", got " + quote(t));
       }},
      {"lifetime", [](PoolRules& r, const std::string& t,
                      const std::string& f) { r.lifetime = optionalSeconds(t, f); }},
      {"halfLife", [](PoolRules& r, const std::string& t,
                      const std::string& f) { r.halfLife = parseWhole(t, f, 1, kMaxSeconds); }},
  };
  PoolRules rules;
  applyOverrides(rules, setters, overrides);
  // SPEC 3: the 8-year lifetime is the linear model's; with none and exponential a lifetime is
  // optional, so they have none unless one is given.
  const bool lifetimeGiven = std::any_of(overrides.begin(), overrides.end(),
                                         [](const RuleText& r) { return r.first == "lifetime"; });
  if (rules.amortization != Amortization::linear && !lifetimeGiven) rules.lifetime.reset();
  if (rules.amortization == Amortization::linear && !rules.lifetime)
    throw InputError("rules.lifetime", "the linear model needs a lifetime, got none");
  // The engine keeps every reward within a small fraction of a wei up to this total; the
  // defaults emit 946,080,000 WFI.
  const Decimal total = Decimal::fromRaw(EmissionSchedule(rules.emission).total());
  if (total > kMaxTotalEmission)
    throw InputError("rules.baseRate", "with these rules emission would total " + total.str() +
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

std::string defaultsJson() {
  const PoolRules pool;
  const PointsRules points;
  auto str = [](const std::string& s) { return "\"" + s + "\""; };
  auto tiers = [&](const std::vector<Tier>& ts) {
    std::string out = "[";
    for (const Tier& t : ts)
      out += std::string(out.size() > 1 ? "," : "") + "{\"min\":" + str(t.min.str()) +
             ",\"weight\":" + str(t.weight.str()) + "}";
    return out + "]";
  };
  const auto number = [](std::int64_t n) { return std::to_string(n); };
  return "{\"pool\":{\"baseRate\":" + str(pool.emission.baseRate.str()) +
         ",\"halvingPeriod\":" + number(pool.emission.halvingPeriod) +
         ",\"stages\":" + number(pool.emission.stages) + ",\"supplyCap\":null" +
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
         ",\"supplyControl\":" + supplyDefaultsJson() +
         ",\"secondsPerYear\":" + number(kSecondsPerYear) + "}";
}

}  // namespace cbm
