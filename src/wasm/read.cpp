#include "read.hpp"

#include <algorithm>
#include <iterator>
#include <limits>

#include "emission.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "pool.hpp"

namespace cbm {

namespace {

// A rule's value where a text is expected: JS null reads as "none" (what the rules that accept
// none call it; the others reject it by name), a list as no text at all.
std::string textOf(const RuleValue& value, const std::string& field, const std::string& what) {
  if (std::holds_alternative<std::monostate>(value)) return "none";
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  throw InputError(field, "must be " + what + ", got a list");
}

// None: JS null, or the text "none" (which the API has always accepted).
bool isNone(const RuleValue& value) {
  const auto* text = std::get_if<std::string>(&value);
  return std::holds_alternative<std::monostate>(value) || (text && *text == "none");
}

// The rows of a list rule, each read by `readRow(row, "rules.<name>[i]")`.
template <class Row, class ReadRow>
std::vector<Row> rowsOf(const RuleValue& value, const std::string& field, const std::string& what,
                        ReadRow readRow) {
  const auto* rows = std::get_if<std::vector<TextRow>>(&value);
  if (!rows) throw InputError(field, "must be a list of " + what);
  std::vector<Row> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i)
    out.push_back(readRow((*rows)[i], indexed(field, i)));
  return out;
}

const std::string& cell(const TextRow& row, const std::string& name, const std::string& field) {
  const auto found = row.find(name);
  if (found == row.end()) throw InputError(field + "." + name, "is required");
  return found->second;
}

Seconds readSeconds(const std::string& text, const std::string& field, Seconds min = 1) {
  return parseWhole(text, field, min, kMaxSeconds);
}

std::optional<Seconds> readOptionalSeconds(const RuleValue& value, const std::string& field) {
  if (isNone(value)) return std::nullopt;
  return readSeconds(textOf(value, field, "a whole number of seconds"), field);
}

Decimal readAmount(const RuleValue& value, const std::string& field) {
  return readDecimal(textOf(value, field, "a decimal number"), field);
}

std::vector<Tier> readTiers(const RuleValue& value, const std::string& field) {
  return rowsOf<Tier>(value, field, "tiers { min, weight }",
                      [](const TextRow& row, const std::string& f) {
                        return Tier{readDecimal(cell(row, "min", f), f + ".min"),
                                    readDecimal(cell(row, "weight", f), f + ".weight")};
                      });
}

// Applies each value through the reader registered under its name.
template <class Target>
using Reader = void (*)(Target&, const RuleValue& value, const std::string& field);
template <class Target>
struct NamedReader {
  const char* name;
  Reader<Target> read;
};

template <class Target, std::size_t N>
void applyRules(Target& target, const NamedReader<Target> (&readers)[N], const RuleValues& values) {
  for (const auto& entry : values) {
    const std::string field = "rules." + entry.first;
    const auto reader =
        std::find_if(std::begin(readers), std::end(readers),
                     [&](const NamedReader<Target>& r) { return entry.first == r.name; });
    if (reader == std::end(readers)) throw InputError(field, "is not a rule of this call");
    reader->read(target, entry.second, field);
  }
}

}  // namespace

Decimal readDecimal(const std::string& text, const std::string& field) {
  return Decimal::parse(text, field);
}

PoolRules readPoolRules(const RuleValues& values) {
  static const NamedReader<PoolRuleChoices> readers[] = {
      {"schedule",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         c.schedule = rowsOf<Stage>(
             v, f, "stages { rate, duration }", [](const TextRow& row, const std::string& stage) {
               return Stage{readDecimal(cell(row, "rate", stage), stage + ".rate"),
                            readSeconds(cell(row, "duration", stage), stage + ".duration")};
             });
       }},
      {"baseRate", [](PoolRuleChoices& c, const RuleValue& v,
                      const std::string& f) { c.baseRate = readAmount(v, f); }},
      {"halvingPeriod",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         c.halvingPeriod = readSeconds(textOf(v, f, "a whole number of seconds"), f);
       }},
      {"stages",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         c.stages = static_cast<int>(parseWhole(textOf(v, f, "a count"), f, 1, kMaxStages));
       }},
      {"supplyCap",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         c.supplyCap = isNone(v) ? std::nullopt : std::optional<Decimal>(readAmount(v, f));
       }},
      {"activationsPerSecond",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         c.activationsPerSecond =
             static_cast<int>(parseWhole(textOf(v, f, "a count"), f, 1, kMaxActivationsPerSecond));
       }},
      {"amortization",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         const std::string t = textOf(v, f, "a model's name");
         if (t == "none")
           c.amortization = Amortization::none;
         else if (t == "linear")
           c.amortization = Amortization::linear;
         else if (t == "exponential")
           c.amortization = Amortization::exponential;
         else
           throw InputError(f, "must be \"none\", \"linear\" or \"exponential\", got " + quote(t));
       }},
      {"lifetime", [](PoolRuleChoices& c, const RuleValue& v,
                      const std::string& f) { c.lifetime = readOptionalSeconds(v, f); }},
      {"halfLife",
       [](PoolRuleChoices& c, const RuleValue& v, const std::string& f) {
         c.halfLife = readSeconds(textOf(v, f, "a whole number of seconds"), f);
       }},
  };
  PoolRuleChoices choices;
  applyRules(choices, readers, values);
  return poolRules(choices);
}

PointsRules readPointsRules(const RuleValues& values) {
  static const NamedReader<PointsRules> readers[] = {
      {"base",
       [](PointsRules& r, const RuleValue& v, const std::string& f) { r.base = readAmount(v, f); }},
      {"decayRate", [](PointsRules& r, const RuleValue& v,
                       const std::string& f) { r.decayRate = readAmount(v, f); }},
      {"maxSessionSeconds",
       [](PointsRules& r, const RuleValue& v, const std::string& f) {
         r.maxSessionSeconds = readSeconds(textOf(v, f, "a whole number of seconds"), f);
       }},
      {"cooldownSeconds",
       [](PointsRules& r, const RuleValue& v, const std::string& f) {
         r.cooldownSeconds = readSeconds(textOf(v, f, "a whole number of seconds"), f, 0);
       }},
      {"weightCap", [](PointsRules& r, const RuleValue& v,
                       const std::string& f) { r.weightCap = readAmount(v, f); }},
      {"checkinTiers", [](PointsRules& r, const RuleValue& v,
                          const std::string& f) { r.checkinTiers = readTiers(v, f); }},
      {"pointsTiers", [](PointsRules& r, const RuleValue& v,
                         const std::string& f) { r.pointsTiers = readTiers(v, f); }},
      {"inviteTiers", [](PointsRules& r, const RuleValue& v,
                         const std::string& f) { r.inviteTiers = readTiers(v, f); }},
  };
  PointsRules rules;
  applyRules(rules, readers, values);
  return checkedPointsRules(std::move(rules));
}

ReferralRules readReferralRules(const RuleValues& values) {
  static const NamedReader<ReferralRules> readers[] = {
      {"payEvery",
       [](ReferralRules& r, const RuleValue& v, const std::string& f) {
         r.payEvery = readSeconds(textOf(v, f, "a whole number of seconds"), f);
       }},
      {"lockFor",
       [](ReferralRules& r, const RuleValue& v, const std::string& f) {
         r.lockFor = readSeconds(textOf(v, f, "a whole number of seconds"), f, 0);
       }},
      {"lines",
       [](ReferralRules& r, const RuleValue& v, const std::string& f) {
         r.lines = rowsOf<ReferralLine>(
             v, f, "lines { share, thresholdUsd }", [](const TextRow& row, const std::string& l) {
               return ReferralLine{readDecimal(cell(row, "share", l), l + ".share"),
                                   readDecimal(cell(row, "thresholdUsd", l), l + ".thresholdUsd")};
             });
       }},
  };
  ReferralRules rules;
  applyRules(rules, readers, values);
  return checkedReferralRules(std::move(rules));
}

AprInput readApr(const AprText& t) {
  return {readDecimal(t.blockReward, "blockReward"), readDecimal(t.tokenPrice, "tokenPrice"),
          readDecimal(t.units, "units"), readDecimal(t.unitPrice, "unitPrice"), std::nullopt};
}

ShareInput readShare(const ShareText& t) {
  return {readDecimal(t.units, "units"), readDecimal(t.poolPower, "poolPower"),
          readDecimal(t.rate, "rate")};
}

PoolSizeInput readPoolSize(const PoolSizeText& t) {
  return {readDecimal(t.units, "units"), readDecimal(t.blockReward, "blockReward"),
          readDecimal(t.rate, "rate")};
}

WeightInput readWeight(const WeightText& t) {
  return {parseWhole(t.streakDays, "streakDays", 0, kMaxCount),
          readDecimal(t.totalPoints, "totalPoints"), parseWhole(t.invites, "invites", 0, kMaxCount),
          readDecimal(t.vip, "vip"), readDecimal(t.extra, "extra")};
}

Seconds readElapsed(const std::string& text) {
  return readSeconds(text, "elapsedSeconds", 0);
}

std::vector<Day> readDays(const std::vector<std::string>& texts, const std::string& field) {
  std::vector<Day> days;
  days.reserve(texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i)
    days.push_back(parseDay(texts[i], indexed(field, i)));
  return days;
}

namespace {

// A 7-character weekday mask, Monday first.
Weekdays readWeekdays(const std::string& text, const std::string& field) {
  if (text.size() != 7 || text.find_first_not_of("01") != std::string::npos)
    throw InputError(field,
                     "must be 7 characters of 0 and 1, Monday first (\"1111100\": "
                     "weekdays), got " +
                         quote(text));
  Weekdays days{};
  for (std::size_t d = 0; d < 7; ++d) days[d] = text[d] == '1';
  return days;
}

}  // namespace

ProjectionInput readProjection(const ProjectionText& t) {
  ProjectionInput in;
  in.from = parseDay(t.from, "from");
  in.days = parseWhole(t.days, "days", 1, kMaxProjectionDays);
  in.totalPoints = readDecimal(t.totalPoints, "totalPoints");
  in.invites = parseWhole(t.invites, "invites", 0, kMaxCount);
  in.invitesPerWeek = readDecimal(t.invitesPerWeek, "invitesPerWeek");
  in.sessionSeconds = parseWhole(t.sessionSeconds, "sessionSeconds", 0, kSecondsPerDay);
  in.checkinWeekdays = readWeekdays(t.checkinWeekdays, "checkinWeekdays");
  in.sessionWeekdays = readWeekdays(t.sessionWeekdays, "sessionWeekdays");
  in.vip = readDecimal(t.vip, "vip");
  in.extra = readDecimal(t.extra, "extra");
  return in;
}

namespace {

std::optional<UnixSeconds> readOptionalTime(const std::string& text, const std::string& field) {
  if (text.empty()) return std::nullopt;
  return parseWhole(text, field, 0, kMaxUnixSeconds);
}

std::string timeText(const std::optional<UnixSeconds>& t) {
  return t ? std::to_string(*t) : "";
}

}  // namespace

PointsAccount readAccount(const AccountText& text, const PointsRules& rules) {
  PointsAccount a;
  a.totalPoints = readDecimal(text.totalPoints, "account.totalPoints");
  a.activeSince = readOptionalTime(text.activeSince, "account.session.startedAt");
  a.lastStartedAt = readOptionalTime(text.lastStartedAt, "account.lastStartedAt");
  a.lastCollectedAt = readOptionalTime(text.lastCollectedAt, "account.lastCollectedAt");
  if (!text.lastReward.empty()) a.lastReward = readDecimal(text.lastReward, "account.lastReward");
  if (a.activeSince && text.activeWeight.empty())
    throw InputError("account.session.weight", "is required while a session is active");
  if (!a.activeSince && !text.activeWeight.empty())
    throw InputError("account.session.weight", "is only allowed while a session is active");
  if (a.activeSince) a.activeWeight = readDecimal(text.activeWeight, "account.session.weight");
  a.revision = parseWhole(text.revision, "account.revision", 0, kMaxRevision);
  return checkedAccount(a, rules);
}

AccountText writeAccount(const PointsAccount& a) {
  AccountText t;
  t.totalPoints = a.totalPoints.str();
  t.activeSince = timeText(a.activeSince);
  t.activeWeight = a.activeSince ? a.activeWeight.str() : "";
  t.lastStartedAt = timeText(a.lastStartedAt);
  t.lastReward = a.lastReward ? a.lastReward->str() : "";
  t.lastCollectedAt = timeText(a.lastCollectedAt);
  t.revision = std::to_string(a.revision);
  return t;
}

UnixSeconds readNow(const std::string& text) {
  return parseWhole(text, "now", 0, kMaxUnixSeconds);
}

std::vector<ReleaseTier> readReleaseTable(
    const std::vector<std::pair<std::string, std::string>>& rows) {
  std::vector<ReleaseTier> table;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string field = indexed("thresholds", i);
    table.push_back({readDecimal(rows[i].first, field + ".energy"),
                     readDecimal(rows[i].second, field + ".releasedFraction")});
  }
  checkReleaseTable(table);
  return table;
}

std::vector<SupplyInput> readSupplySeries(const std::vector<SupplyText>& points) {
  std::vector<SupplyInput> series;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::string field = indexed("series", i);
    series.push_back({parseWhole(points[i].t, field + ".t", 0, kMaxSupplyTime),
                      readDecimal(points[i].energy, field + ".energy"),
                      readDecimal(points[i].mined, field + ".mined")});
  }
  return series;
}

EmissionSpan readEmissionSpan(const std::string& from, const std::string& to) {
  const Seconds start = parseWhole(from, "from", 0, kMaxEmissionTime);
  if (to.empty()) return {start, std::nullopt};
  return {start, parseWhole(to, "to", start, kMaxEmissionTime)};
}

Seconds readHorizon(const std::string& text) {
  return readSeconds(text, "horizon");
}

std::optional<Seconds> readSampleEvery(const std::string& text, Seconds horizon) {
  if (text.empty()) return std::nullopt;
  return parseWhole(text, "sampleEvery", 1, horizon);
}

GrowingUnits readGrowing(const HolderText::Growing& t, const std::string& field) {
  GrowingUnits g;
  g.units = parseWhole(t.units, field + ".units", 0, kMaxUnitsPerActivation);
  if (t.growthPerDay)
    g.growthPerDay =
        parseWhole(*t.growthPerDay, field + ".growthPerDay", 0, kMaxUnitsPerActivation);
  if (t.growthPercentPerMonth)
    g.growthPercentPerMonth =
        readDecimal(*t.growthPercentPerMonth, field + ".growthPercentPerMonth");
  if (t.ceiling) g.ceiling = parseWhole(*t.ceiling, field + ".ceiling", 0, kMaxUnitsPerActivation);
  return g;
}

namespace {

// A time of the pool: whole seconds since genesis, or a UTC day "YYYY-MM-DD" (its midnight)
// when the genesis day is known.
Seconds readPoolTime(const std::string& text, const std::string& field,
                     std::optional<Day> genesis) {
  if (!genesis || text.size() != 10 || text[4] != '-') return readSeconds(text, field, 0);
  const Day day = parseDay(text, field);
  if (day < *genesis)
    throw InputError(field, "is before the genesis date " + formatDay(*genesis) + ", got " + text,
                     {"before-genesis", {{"genesis", formatDay(*genesis)}, {"got", text}}});
  return (day - *genesis) * kSecondsPerDay;
}

}  // namespace

HolderPool readHolder(const HolderText& t, std::optional<Day> genesis) {
  HolderPool holder;
  holder.now = readPoolTime(t.now, "now", genesis);
  for (std::size_t i = 0; i < t.purchases.size(); ++i) {
    const std::string field = indexed("purchases", i);
    holder.purchases.push_back(
        {readPoolTime(t.purchases[i].at, field + ".at", genesis),
         parseWhole(t.purchases[i].units, field + ".units", 1, kMaxUnitsPerActivation),
         {}});
  }
  holder.pool = readGrowing(t.pool, "pool");
  for (std::size_t i = 0; i < t.lines.size(); ++i)
    holder.lines.push_back(readGrowing(t.lines[i], indexed("lines", i)));
  return holder;
}

EarningsInput readEarnings(const EarningsText& t, PoolRules rules) {
  EarningsInput in;
  in.rules = std::move(rules);
  in.genesis = parseDay(t.genesis, "genesis");
  in.holder = readHolder(t.holder, in.genesis);
  for (std::size_t i = 0; i < t.holder.purchases.size(); ++i)
    in.holder.purchases[i].unitPrice =
        readDecimal(t.holder.purchases[i].unitPrice, indexed("purchases", i) + ".unitPrice");
  in.tokenPrice = readDecimal(t.tokenPrice, "tokenPrice");
  static const std::map<std::string, Period> periods = {{"day", Period::day},
                                                        {"week", Period::week},
                                                        {"month", Period::month},
                                                        {"year", Period::year}};
  const auto period = periods.find(t.period);
  if (period == periods.end())
    throw InputError("period",
                     "must be \"day\", \"week\", \"month\" or \"year\", got " + quote(t.period));
  in.period = period->second;
  return in;
}

BuyDateInput readBuyDates(const BuyDateText& t, PoolRules rules) {
  BuyDateInput in;
  in.rules = std::move(rules);
  in.pool = readHolder(t.holder, parseDay(t.genesis, "genesis"));
  in.budgetUsd = readDecimal(t.budgetUsd, "budgetUsd");
  in.unitPrice = readDecimal(t.unitPrice, "unitPrice");
  in.tokenPrice = readDecimal(t.tokenPrice, "tokenPrice");
  const auto growth = [](const std::string& text, const std::string& field) {
    return text.empty() ? 0.0 : readDecimal(text, field).toDouble();
  };
  in.unitPriceGrowthPercent = growth(t.unitPriceGrowthPercent, "unitPriceGrowthPercent");
  in.tokenPriceGrowthPercent = growth(t.tokenPriceGrowthPercent, "tokenPriceGrowthPercent");
  return in;
}

BandsInput readBands(const BandsText& t, PoolRules rules) {
  BandsInput in;
  in.earnings = readEarnings(t.earnings, std::move(rules));
  const auto required = [](const std::string& text, const std::string& field) {
    if (text.empty()) throw InputError(field, "is required", {"required", {}});
    return readDecimal(text, field);
  };
  in.price = {required(t.drift, "priceModel.drift"),
              required(t.volatility, "priceModel.volatility")};
  if (!t.poolSpread.empty()) in.poolSpread = readDecimal(t.poolSpread, "poolModel.spread");
  if (!t.runs.empty()) in.runs = parseWhole(t.runs, "runs", 1, kMaxRuns);
  if (!t.seed.empty()) in.seed = parseWhole(t.seed, "seed", 0, kMaxSeed);
  return in;
}

ReinvestInput readReinvest(const ReinvestText& t, PoolRules rules) {
  ReinvestInput in;
  in.earnings = readEarnings(t.earnings, std::move(rules));
  if (!t.unitPrice.empty()) in.unitPrice = readDecimal(t.unitPrice, "unitPrice");
  if (!t.until.empty()) in.until = readPoolTime(t.until, "until", in.earnings.genesis);
  if (!t.maxUnits.empty())
    in.maxUnits = parseWhole(t.maxUnits, "maxUnits", 0, std::numeric_limits<std::int64_t>::max());
  if (!t.maxSpentUsd.empty()) in.maxSpentUsd = readDecimal(t.maxSpentUsd, "maxSpentUsd");
  if (t.cadences) {
    in.cadences.clear();
    for (std::size_t i = 0; i < t.cadences->size(); ++i) {
      const std::string& name = (*t.cadences)[i];
      const auto known = {Cadence::week, Cadence::month, Cadence::unit};
      const auto c = std::find_if(known.begin(), known.end(),
                                  [&](Cadence k) { return name == cadenceName(k); });
      if (c == known.end())
        throw InputError(indexed("cadences", i),
                         "must be \"week\", \"month\" or \"unit\", got " + quote(name),
                         {"not-one-of", {{"got", name}}});
      in.cadences.push_back(*c);
    }
  }
  return in;
}

EnergyPriceInput readEnergyPrice(const EnergyPriceText& t) {
  return {readDecimal(t.burnedUsd, "burnedUsd"), readDecimal(t.basePrice, "basePrice"),
          readDecimal(t.step, "step"), readDecimal(t.per, "per")};
}

}  // namespace cbm
