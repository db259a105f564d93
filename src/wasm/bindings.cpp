// The embind layer: converts between JS values and the core, nothing else.
//
// Every bound function catches every exception and returns it as a value: a C++ exception that
// escapes to JS arrives as a bare number and leaks WASM stack on each call. web/lib/cbmcalc.js
// turns the `error` of an outcome into a thrown Error. Amounts cross as decimal strings, read
// into typed values by read.hpp; seconds as JS numbers (all below 2^53); rules as an object of
// texts, nulls and lists of rows. Nothing returned needs delete().
#include <emscripten/bind.h>
#include <emscripten/heap.h>
#include <emscripten/val.h>

#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "apr.hpp"
#include "compare.hpp"
#include "emission.hpp"
#include "explain.hpp"
#include "input_error.hpp"
#include "parse.hpp"
#include "points.hpp"
#include "pool.hpp"
#include "read.hpp"
#include "referral.hpp"
#include "reinvest.hpp"
#include "rules.hpp"
#include "sensitivity.hpp"
#include "session.hpp"
#include "supply.hpp"
#include "valuation.hpp"

using emscripten::val;
using JSArray = val;  // a JS array, read element by element

namespace {

/// Why a call failed: code "INVALID_INPUT" (with the field), "NOT_ALLOWED" (a session rule),
/// "OUT_OF_MEMORY" or "INTERNAL". An empty code means success.
/// An error as a value: `problem` is { kind, ...params } (InputError's or RuleError's, for a
/// machine), or undefined for the other codes.
struct Failure {
  std::string code, field, message;
  val problem = val::undefined();
};

val problemValue(const cbm::Problem& p) {
  val out = val::object();
  out.set("kind", p.kind);
  for (const auto& [name, value] : p.params) out.set(name, value);
  return out;
}

template <class T>
struct Outcome {
  Failure error;
  T value{};
};

/// The failure of the exception being handled. Called from a catch block: rethrowing it here
/// keeps one copy of these clauses instead of one per bound function (about 1 KB of WASM each).
Failure currentFailure() {
  try {
    throw;
  } catch (const cbm::InputError& e) {
    return {"INVALID_INPUT", e.field(), e.what(), problemValue(e.problem())};
  } catch (const cbm::RuleError& e) {
    return {"NOT_ALLOWED", "", e.what(), problemValue(e.problem())};
  } catch (const std::bad_alloc&) {
    return {"OUT_OF_MEMORY", "", "out of memory: the input is too large for this device"};
  } catch (const std::exception& e) {
    return {"INTERNAL", "", std::string("internal error: ") + e.what()};
  } catch (...) {
    return {"INTERNAL", "", "internal error"};
  }
}

template <class F>
auto guarded(F&& compute) -> Outcome<decltype(compute())> {
  Outcome<decltype(compute())> out;
  try {
    out.value = compute();
  } catch (...) {
    out.error = currentFailure();
  }
  return out;
}

std::vector<std::string> strings(const JSArray& array) {
  return emscripten::vecFromJSArray<std::string>(array);
}

/// The rules object the JS layer made: { name: text | null | [{ field: text }] }.
cbm::RuleValues ruleValues(const val& rules) {
  cbm::RuleValues out;
  if (rules.isUndefined()) return out;
  const val object = val::global("Object");
  for (const std::string& name : strings(object.call<val>("keys", rules))) {
    const val value = rules[name];
    if (value.isNull()) {
      out.emplace_back(name, std::monostate{});
    } else if (value.isArray()) {
      std::vector<cbm::TextRow> rows;
      const auto n = value["length"].as<unsigned>();
      for (unsigned i = 0; i < n; ++i) {
        cbm::TextRow row;
        for (const std::string& field : strings(object.call<val>("keys", value[i])))
          row[field] = value[i][field].as<std::string>();
        rows.push_back(std::move(row));
      }
      out.emplace_back(name, std::move(rows));
    } else {
      out.emplace_back(name, value.as<std::string>());
    }
  }
  return out;
}

const cbm::PointsRules& defaultPointsRules() {
  static const cbm::PointsRules rules;
  return rules;
}

// Points calls happen on every keystroke: skip rebuilding the default tables.
cbm::PointsRules pointsRulesFrom(const val& rules) {
  const cbm::RuleValues values = ruleValues(rules);
  return values.empty() ? defaultPointsRules() : cbm::readPointsRules(values);
}

double seconds(std::int64_t s) {
  return static_cast<double>(s);
}

// --- emission ---------------------------------------------------------------------------------

template <class F>
val guardedValue(F&& compute);

/// { emitted, rate, total, stage, nextHalvingAt (null: none), endsAt, stages: [{ stage, from,
/// to, rate, emitted }] }: the stages as emitted (a cap shortens the one it ends).
val emission(const std::string& from, const std::string& to, const val& rules) {
  return guardedValue([&] {
    const cbm::EmissionRules emissionRules = cbm::readPoolRules(ruleValues(rules)).emission;
    const cbm::EmissionSpan span = cbm::readEmissionSpan(from, to);
    const cbm::EmissionReport r = cbm::emissionReport(span.from, span.to, emissionRules);
    val out = val::object();
    out.set("emitted", r.emitted.str());
    out.set("rate", r.rate.str());
    out.set("total", r.total.str());
    out.set("stage", r.stage);
    out.set("nextHalvingAt", r.nextHalvingAt ? val(seconds(*r.nextHalvingAt)) : val::null());
    out.set("endsAt", seconds(r.endsAt));
    val stages = val::array();
    const cbm::EmissionSchedule schedule(emissionRules);
    for (const auto& stage : schedule.stages()) {
      val s = val::object();
      s.set("stage", stage.stage);
      s.set("from", seconds(stage.start));
      s.set("to", seconds(stage.end));
      s.set("rate", cbm::Decimal::fromRaw(stage.rateWei).str());
      s.set("emitted", cbm::Decimal::fromRaw(stage.emittedWei).str());
      stages.call<void>("push", s);
    }
    out.set("stages", stages);
    return out;
  });
}

// The emission schedule: [{ from, to, rate, stage }], pieces of constant rate.
val emissionSchedule(const val& rules) {
  return guardedValue([&] {
    const cbm::EmissionSchedule schedule(cbm::readPoolRules(ruleValues(rules)).emission);
    val pieces = val::array();
    for (const auto& piece : schedule.pieces()) {
      val p = val::object();
      p.set("from", seconds(piece.start));
      p.set("to", seconds(piece.end));
      p.set("rate", cbm::Decimal::fromRaw(piece.rateWei).str());
      p.set("stage", piece.stage);
      pieces.call<void>("push", p);
    }
    return pieces;
  });
}

// --- APR --------------------------------------------------------------------------------------

struct AprOut {
  std::string aprPercent, yearlyReward, yearlyRewardUsd, contributionUsd, netGainPercent,
      netGainUsd;
};

Outcome<AprOut> apr(const cbm::AprText& input) {
  return guarded([&] {
    const cbm::AprResult r = cbm::apr(cbm::readApr(input));
    return AprOut{r.aprPercent.str(),      r.yearlyReward.str(),   r.yearlyRewardUsd.str(),
                  r.contributionUsd.str(), r.netGainPercent.str(), r.netGainUsd.str()};
  });
}

// The APR of mining and referral income together (a call of its own: apr() runs on every
// keystroke and stays as lean as it was).
Outcome<std::string> aprWithReferrals(const cbm::AprText& text, const std::string& referralReward) {
  return guarded([&] {
    cbm::AprInput input = cbm::readApr(text);
    input.referralReward = cbm::readDecimal(referralReward, "referralReward");
    return cbm::apr(input).withReferralsPercent->str();
  });
}

Outcome<std::string> blockReward(const cbm::ShareText& input) {
  return guarded([&] { return cbm::blockReward(cbm::readShare(input)).str(); });
}

val queueWait(const std::string& ahead, const std::string& activationsPerSecond) {
  return guardedValue([&] {
    const cbm::QueueWait q =
        cbm::queueWait(cbm::parseWhole(ahead, "ahead", 0, cbm::kMaxQueueAhead),
                       cbm::parseWhole(activationsPerSecond, "activationsPerSecond", 1,
                                       cbm::kMaxActivationsPerSecond));
    val out = val::object();
    out.set("wait", static_cast<double>(q.wait));
    out.set("miningAfter", static_cast<double>(q.miningAfter));
    return out;
  });
}

Outcome<std::string> impliedPoolPower(const cbm::PoolSizeText& input) {
  return guarded([&] { return cbm::impliedPoolPower(cbm::readPoolSize(input)).str(); });
}

Outcome<std::string> impliedOtherUnits(const cbm::PoolSizeText& input) {
  return guarded([&] { return cbm::toString(cbm::impliedOtherUnits(cbm::readPoolSize(input))); });
}

// --- points -----------------------------------------------------------------------------------

struct WeightOut {
  std::string weight, checkin, points, invites, vip, extra;
};

Outcome<WeightOut> pointsWeight(const cbm::WeightText& input, const val& rules) {
  return guarded([&] {
    const cbm::Weight w = cbm::pointsWeight(cbm::readWeight(input), pointsRulesFrom(rules));
    return WeightOut{w.weight.str(),  w.checkin.str(), w.points.str(),
                     w.invites.str(), w.vip.str(),     w.extra.str()};
  });
}

Outcome<std::string> pointsReward(const std::string& elapsed, const std::string& weight,
                                  const val& rules) {
  return guarded([&] {
    const cbm::Seconds t = cbm::readElapsed(elapsed);
    return cbm::pointsReward(t, cbm::readDecimal(weight, "weight"), pointsRulesFrom(rules)).str();
  });
}

struct StreakOut {
  double days = 0;
  bool checkedInOnDay = false;
};

/// A check-in list as days, its length checked before a million strings are converted.
std::vector<cbm::Day> checkinDays(const JSArray& checkins) {
  cbm::requireCheckinCount(checkins["length"].as<std::size_t>());
  return cbm::readDays(strings(checkins), "checkins");
}

Outcome<StreakOut> streak(const JSArray& checkins, const std::string& on) {
  return guarded([&] {
    std::vector<cbm::Day> days = checkinDays(checkins);
    const cbm::Streak s = cbm::streak(std::move(days), cbm::parseDay(on, "on"));
    return StreakOut{static_cast<double>(s.days), s.checkedInOnDay};
  });
}

// --- sessions ---------------------------------------------------------------------------------

Outcome<cbm::AccountText> startSession(const cbm::AccountText& account, const std::string& now,
                                       const std::string& weight, const val& rules) {
  return guarded([&] {
    const cbm::PointsRules r = pointsRulesFrom(rules);
    const cbm::PointsAccount a = cbm::readAccount(account, r);
    const cbm::UnixSeconds at = cbm::readNow(now);
    return cbm::writeAccount(cbm::startSession(a, at, cbm::readDecimal(weight, "weight"), r));
  });
}

Outcome<cbm::AccountText> checkAccount(const cbm::AccountText& account, const val& rules) {
  return guarded(
      [&] { return cbm::writeAccount(cbm::readAccount(account, pointsRulesFrom(rules))); });
}

struct StopOut {
  cbm::AccountText account;
  std::string reward;
  bool alreadyCollected = false;
};

/// `session`: the start of the session to stop ("" for whichever runs).
Outcome<StopOut> stopSession(const cbm::AccountText& account, const std::string& now,
                             const std::string& session, const val& rules) {
  return guarded([&] {
    const cbm::PointsRules r = pointsRulesFrom(rules);
    const cbm::PointsAccount a = cbm::readAccount(account, r);
    std::optional<cbm::UnixSeconds> key;
    if (!session.empty()) key = cbm::parseWhole(session, "session", 0, cbm::kMaxUnixSeconds);
    const cbm::StopResult s = cbm::stopSession(a, cbm::readNow(now), r, key);
    return StopOut{cbm::writeAccount(s.account), s.reward.str(), s.alreadyCollected};
  });
}

struct StatusOut {
  bool active = false;
  double startedAt = -1, elapsedSeconds = 0, lastCollectedAt = -1, nextStartAt = 0,
         secondsToNextStart = 0;
  std::string estimatedPoints, weight, lastReward;  // "" when absent
};

Outcome<StatusOut> sessionStatus(const cbm::AccountText& account, const std::string& now,
                                 const val& rules) {
  return guarded([&] {
    const cbm::PointsRules r = pointsRulesFrom(rules);
    const cbm::PointsAccount a = cbm::readAccount(account, r);
    const cbm::SessionStatus s = cbm::sessionStatus(a, cbm::readNow(now), r);
    StatusOut out;
    out.active = s.active;
    out.nextStartAt = seconds(s.nextStartAt);
    out.secondsToNextStart = seconds(s.secondsToNextStart);
    if (s.active) {
      out.startedAt = seconds(s.startedAt);
      out.elapsedSeconds = seconds(s.elapsedSeconds);
      out.estimatedPoints = s.estimatedPoints.str();
      out.weight = s.weight.str();
    }
    if (s.lastReward) out.lastReward = s.lastReward->str();
    if (s.lastCollectedAt) out.lastCollectedAt = seconds(*s.lastCollectedAt);
    return out;
  });
}

// --- results built as JS objects (variable-length lists) -----------------------------------------

val failureValue(const Failure& f) {
  val out = val::object();
  out.set("code", f.code);
  out.set("field", f.field);
  out.set("message", f.message);
  out.set("problem", f.problem);
  return out;
}

/// Like guarded(), for results built as JS values: { error, value }.
template <class F>
val guardedValue(F&& compute) {
  val value = val::null();
  const Failure error = guarded([&] {
                          value = compute();
                          return true;
                        }).error;
  val out = val::object();
  out.set("error", failureValue(error));
  out.set("value", value);
  return out;
}

// thresholds: [[energy, releasedFraction]...]; series: [[t, energy, mined]...] (all text).
val supplyControl(const JSArray& thresholds, const JSArray& series) {
  return guardedValue([&] {
    std::vector<std::pair<std::string, std::string>> rows;
    const auto nRows = thresholds["length"].as<unsigned>();
    for (unsigned i = 0; i < nRows; ++i)
      rows.emplace_back(thresholds[i][0].as<std::string>(), thresholds[i][1].as<std::string>());
    const std::vector<cbm::ReleaseTier> table = cbm::readReleaseTable(rows);
    std::vector<cbm::SupplyText> points;
    const auto nPoints = series["length"].as<unsigned>();
    for (unsigned i = 0; i < nPoints; ++i)
      points.push_back({series[i][0].as<std::string>(), series[i][1].as<std::string>(),
                        series[i][2].as<std::string>()});
    val out = val::array();
    for (const cbm::SupplyPoint& p : cbm::supplyControl(table, cbm::readSupplySeries(points))) {
      val point = val::object();
      point.set("t", seconds(p.t));
      point.set("energy", p.energy.str());
      point.set("mined", p.mined.str());
      point.set("releasedFraction", p.releasedFraction.str());
      point.set("liquid", p.liquid.str());
      point.set("locked", p.locked.str());
      out.call<void>("push", point);
    }
    return out;
  });
}

/// A field of a JS object that the JS layer gave as text, or nothing when it is absent.
std::optional<std::string> textField(const val& object, const char* name) {
  const val value = object[name];
  if (value.isUndefined()) return std::nullopt;
  return value.as<std::string>();
}

// SPEC 1: the referral and staking pool unlocked `elapsed` seconds after launch.
Outcome<std::string> vesting(const val& input) {
  return guarded([&] {
    cbm::VestingRules rules;
    if (const auto total = textField(input, "total"))
      rules.total = cbm::parseAmount(*total, "total", cbm::Sign::positive);
    if (const auto duration = textField(input, "duration"))
      rules.duration = cbm::parseWhole(*duration, "duration", 1, cbm::kMaxSeconds);
    const cbm::Seconds elapsed = cbm::parseWhole(textField(input, "elapsed").value_or(""),
                                                 "elapsed", 0, 100 * cbm::kMaxSeconds);
    return cbm::vested(elapsed, rules).str();
  });
}

/// A copy of `values` as a JS typed array of `type` ("Float64Array").
template <class T>
val typedArray(const char* type, const std::vector<T>& values) {
  return val::global(type).new_(val(emscripten::typed_memory_view(values.size(), values.data())));
}

std::vector<cbm::Int128> weiColumn(const JSArray& texts, const std::string& field) {
  std::vector<cbm::Int128> out;
  const std::vector<std::string> values = strings(texts);
  out.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    out.push_back(
        cbm::parseAmount(values[i], cbm::indexed(field, i), cbm::Sign::nonNegative).raw());
  return out;
}

/// Amounts in wei as one text, comma-joined (split in JS): a column crosses once.
std::string weiText(const std::vector<cbm::Int128>& wei) {
  std::string text;
  text.reserve(wei.size() * 24);
  for (std::size_t i = 0; i < wei.size(); ++i) {
    if (i) text += ',';
    cbm::appendDecimal(text, wei[i]);
  }
  return text;
}

val weiArray(const std::vector<cbm::Int128>& wei) {
  val out = val::array();
  for (const cbm::Int128 w : wei) out.call<void>("push", cbm::Decimal::fromRaw(w).str());
  return out;
}

// A holder's referral income: { lines: [{ share, thresholdUsd, unlockedAt }], payouts: [{ at,
// unlocksAt, amount, lines }], total, series: { paid, unlocked, locked, rate } (weiText) }.
val referralValue(const cbm::ReferralIncome& r, const cbm::ReferralRules& rules) {
  val out = val::object();
  val lineInfo = val::array();
  for (std::size_t l = 0; l < rules.lines.size(); ++l) {
    val line = val::object();
    line.set("share", rules.lines[l].share.str());
    line.set("thresholdUsd", rules.lines[l].thresholdUsd.str());
    line.set("unlockedAt", r.unlockedAt[l] ? val(seconds(*r.unlockedAt[l])) : val::null());
    lineInfo.call<void>("push", line);
  }
  out.set("lines", lineInfo);
  val payouts = val::array();
  for (const cbm::ReferralPayout& p : r.payouts) {
    val payout = val::object();
    payout.set("at", seconds(p.at));
    payout.set("unlocksAt", seconds(p.unlocksAt));
    payout.set("amount", cbm::Decimal::fromRaw(p.amountWei).str());
    payout.set("lines", weiArray(p.lineWei));
    payouts.call<void>("push", payout);
  }
  out.set("payouts", payouts);
  out.set("total", cbm::Decimal::fromRaw(r.totalWei).str());
  val series = val::object();
  series.set("paid", weiText(r.paidWei));
  series.set("unlocked", weiText(r.unlockedWei));
  series.set("locked", weiText(r.lockedWei));
  series.set("rate", weiText(r.rateWei));
  out.set("series", series);
  return out;
}

// SPEC 7b. input: { t: numbers, lines: [{ mined, rate }] (decimal texts), purchases: [{ at,
// units, unitPrice }] (texts), rules: [name, text] pairs }.
val referralIncome(const val& input) {
  return guardedValue([&] {
    std::vector<cbm::Seconds> t;
    const std::vector<double> times = emscripten::convertJSArrayToNumberVector<double>(input["t"]);
    for (std::size_t i = 0; i < times.size(); ++i)
      t.push_back(cbm::wholeFromDouble(times[i], "t[" + std::to_string(i) + "]", 0,
                                       100 * cbm::kMaxSeconds));
    std::vector<cbm::MinedSeries> lines;
    const val lineValues = input["lines"];
    const auto lineCount = lineValues["length"].as<unsigned>();
    for (unsigned l = 0; l < lineCount; ++l) {
      const std::string field = "lines[" + std::to_string(l) + "]";
      lines.push_back({weiColumn(lineValues[l]["mined"], field + ".mined"),
                       weiColumn(lineValues[l]["rate"], field + ".rate")});
    }
    std::vector<cbm::Purchase> purchases;
    const val purchaseValues = input["purchases"];
    const auto purchaseCount = purchaseValues["length"].as<unsigned>();
    for (unsigned p = 0; p < purchaseCount; ++p) {
      const std::string field = "purchases[" + std::to_string(p) + "]";
      const val purchase = purchaseValues[p];
      purchases.push_back({cbm::parseWhole(purchase["at"].as<std::string>(), field + ".at", 0,
                                           100 * cbm::kMaxSeconds),
                           cbm::parseAmount(purchase["units"].as<std::string>(), field + ".units",
                                            cbm::Sign::positive),
                           cbm::parseAmount(purchase["unitPrice"].as<std::string>(),
                                            field + ".unitPrice", cbm::Sign::nonNegative)});
    }
    const cbm::ReferralRules rules = cbm::readReferralRules(ruleValues(input["rules"]));
    return referralValue(cbm::referralIncome(t, lines, std::move(purchases), rules), rules);
  });
}

std::vector<cbm::Decimal> decimalColumn(const JSArray& texts, const std::string& field) {
  std::vector<cbm::Decimal> out;
  for (const cbm::Int128 wei : weiColumn(texts, field)) out.push_back(cbm::Decimal::fromRaw(wei));
  return out;
}

val doubles(const std::vector<double>& values) {
  return typedArray("Float64Array", values);
}

val decimalArray(const std::vector<cbm::Decimal>& values) {
  val out = val::array();
  for (const cbm::Decimal& v : values) out.call<void>("push", v.str());
  return out;
}

// SPEC 5's figures as apr() gives them, and the APR with referral income when there is one.
val aprValue(const cbm::AprResult& r) {
  val out = val::object();
  out.set("aprPercent", r.aprPercent.str());
  out.set("yearlyReward", r.yearlyReward.str());
  out.set("yearlyRewardUsd", r.yearlyRewardUsd.str());
  out.set("contributionUsd", r.contributionUsd.str());
  out.set("netGainPercent", r.netGainPercent.str());
  out.set("netGainUsd", r.netGainUsd.str());
  if (r.withReferralsPercent) out.set("withReferralsPercent", r.withReferralsPercent->str());
  return out;
}

// SPEC 5 over time. input: { t: numbers (Unix s), mined, rate, referralRate (decimal texts),
// purchases: [{ at, units, miningStart, unitPrice? }], unitPrice, tokenPrice, today (texts), paths:
// numbers
// (% a month), rows: bool }.
val valueEarnings(const val& input) {
  return guardedValue([&] {
    cbm::ValuationInput in;
    const std::vector<double> times = emscripten::convertJSArrayToNumberVector<double>(input["t"]);
    for (std::size_t i = 0; i < times.size(); ++i)
      in.t.push_back(
          cbm::wholeFromDouble(times[i], "t[" + std::to_string(i) + "]", 0, cbm::kMaxUnixSeconds));
    in.mined = decimalColumn(input["mined"], "mined");
    in.rate = decimalColumn(input["rate"], "rate");
    if (!input["referralRate"].isUndefined())
      in.referralRate = decimalColumn(input["referralRate"], "referralRate");
    const val purchases = input["purchases"];
    const auto purchaseCount = purchases["length"].as<unsigned>();
    for (unsigned k = 0; k < purchaseCount; ++k) {
      const std::string field = "purchases[" + std::to_string(k) + "]";
      const val p = purchases[k];
      std::optional<cbm::Decimal> unitPrice;
      if (const auto text = textField(p, "unitPrice"))
        unitPrice = cbm::parseAmount(*text, field + ".unitPrice", cbm::Sign::any);
      in.purchases.push_back(
          {cbm::parseWhole(p["at"].as<std::string>(), field + ".at", 0, cbm::kMaxUnixSeconds),
           cbm::parseWhole(p["units"].as<std::string>(), field + ".units", 1,
                           cbm::kMaxUnitsPerActivation),
           cbm::parseWhole(p["miningStart"].as<std::string>(), field + ".miningStart", 0,
                           cbm::kMaxUnixSeconds),
           unitPrice});
    }
    in.unitPrice =
        cbm::parseAmount(input["unitPrice"].as<std::string>(), "unitPrice", cbm::Sign::any);
    in.tokenPrice =
        cbm::parseAmount(input["tokenPrice"].as<std::string>(), "tokenPrice", cbm::Sign::any);
    in.today = cbm::parseWhole(input["today"].as<std::string>(), "today", 0, cbm::kMaxUnixSeconds);
    in.monthlyGrowthPercent = emscripten::convertJSArrayToNumberVector<double>(input["paths"]);
    in.rows = input["rows"].as<bool>();
    const cbm::Valuation v = cbm::valueEarnings(in);

    val out = val::object();
    out.set("contributionUsd", v.contributionUsd.str());
    out.set("totalUnits", static_cast<double>(v.totalUnits));
    std::vector<double> unitsBy(v.unitsBy.begin(), v.unitsBy.end());
    out.set("unitsBy", doubles(unitsBy));
    out.set("now", v.now ? val(static_cast<double>(*v.now)) : val::null());
    out.set("perDayNow", v.now ? val(v.perDayNow.str()) : val::null());
    out.set("perUnitWfiEnd", v.perUnitWfiEnd.str());
    val paths = val::array();
    for (const cbm::PathValuation& p : v.paths) {
      val path = val::object();
      path.set("monthly", p.monthlyGrowthPercent);
      path.set("price", doubles(p.price));
      path.set("usd", doubles(p.usd));
      path.set("apr", doubles(p.apr));
      path.set("aprWithReferrals",
               p.aprWithReferrals.empty() ? val::null() : doubles(p.aprWithReferrals));
      path.set("breakeven", p.breakeven ? val(seconds(*p.breakeven)) : val::null());
      path.set("usdEnd", p.usdEnd.str());
      path.set("priceNow", p.priceNow ? val(p.priceNow->str()) : val::null());
      path.set("aprNow", p.aprNow ? aprValue(*p.aprNow) : val::null());
      if (in.rows) {
        path.set("priceRows", decimalArray(p.priceRows));
        path.set("usdRows", decimalArray(p.usdRows));
        val aprRows = val::array();
        for (const auto& a : p.aprRows) aprRows.call<void>("push", a ? val(a->str()) : val::null());
        path.set("aprRows", aprRows);
      }
      paths.call<void>("push", path);
    }
    out.set("paths", paths);
    return out;
  });
}

// A value along a growth path at the times t (Unix s): today's value up to `from`, then the
// modelled compounding (SPEC 5 over time: prices; also the page's Energy projection).
val growthPath(const std::string& value, const std::string& percentText, const std::string& from,
               const JSArray& t) {
  return guardedValue([&] {
    const cbm::Decimal start = cbm::parseAmount(value, "value", cbm::Sign::nonNegative);
    const double monthlyPercent =
        cbm::parseAmount(percentText, "monthlyPercent", cbm::Sign::any).toDouble();
    if (!cbm::validGrowth(monthlyPercent))
      throw cbm::InputError("monthlyPercent", "must be a percentage above -100 and at most 1000");
    const std::int64_t origin = cbm::parseWhole(from, "from", 0, cbm::kMaxUnixSeconds);
    const std::vector<double> times = emscripten::convertJSArrayToNumberVector<double>(t);
    std::vector<cbm::Decimal> values;
    for (std::size_t i = 0; i < times.size(); ++i) {
      const std::int64_t at =
          cbm::wholeFromDouble(times[i], "t[" + std::to_string(i) + "]", 0, cbm::kMaxUnixSeconds);
      values.push_back(cbm::modelledPrice(start, monthlyPercent, at - origin));
    }
    return decimalArray(values);
  });
}

// -1, 0 or 1 as a < b, a = b, a > b: exact, for sorting amounts whose floats tie.
val compareAmounts(const std::string& a, const std::string& b) {
  return guardedValue([&] {
    const cbm::Decimal x = cbm::Decimal::parse(a, "a"), y = cbm::Decimal::parse(b, "b");
    return val(x < y ? -1 : x > y ? 1 : 0);
  });
}

Outcome<std::string> energyPrice(const cbm::EnergyPriceText& input) {
  return guarded([&] { return cbm::energyPrice(cbm::readEnergyPrice(input)).str(); });
}

val pointsProjection(const cbm::ProjectionText& scalars, const JSArray& checkins,
                     const val& rules) {
  return guardedValue([&] {
    cbm::ProjectionInput input = cbm::readProjection(scalars);
    input.checkins = checkinDays(checkins);
    const cbm::Projection p = cbm::pointsProjection(input, pointsRulesFrom(rules));
    val days = val::array();
    for (const cbm::ProjectionDay& d : p.days) {
      val day = val::object();
      day.set("date", cbm::formatDay(d.date));
      day.set("checkedIn", d.checkedIn);
      day.set("streakDays", static_cast<double>(d.streakDays));
      day.set("invites", static_cast<double>(d.invites));
      day.set("weight", d.weight.weight.str());
      day.set("checkinWeight", d.weight.checkin.str());
      day.set("pointsWeight", d.weight.points.str());
      day.set("invitesWeight", d.weight.invites.str());
      day.set("reward", d.reward.str());
      day.set("totalPoints", d.totalPoints.str());
      days.call<void>("push", day);
    }
    val milestones = val::array();
    for (const cbm::Milestone& m : p.milestones) {
      val milestone = val::object();
      milestone.set("date", cbm::formatDay(m.date));
      milestone.set("factor", m.factor);
      milestone.set("weight", m.weight.str());
      milestones.call<void>("push", milestone);
    }
    val out = val::object();
    out.set("days", days);
    out.set("milestones", milestones);
    return out;
  });
}

// A holder's pool, as the JS layer gives it: { now, purchases: [{ at, units, unitPrice? }],
// pool: { units, growthPerDay?, growthPercentPerMonth?, ceiling? }, lines: [the same] } (texts).
cbm::HolderText holderText(const val& input) {
  const auto growing = [](const val& g) {
    return cbm::HolderText::Growing{g["units"].as<std::string>(), textField(g, "growthPerDay"),
                                    textField(g, "growthPercentPerMonth"), textField(g, "ceiling")};
  };
  cbm::HolderText text;
  text.now = input["now"].as<std::string>();
  const val purchases = input["purchases"], lines = input["lines"];
  for (unsigned i = 0, n = purchases["length"].as<unsigned>(); i < n; ++i)
    text.purchases.push_back({purchases[i]["at"].as<std::string>(),
                              purchases[i]["units"].as<std::string>(),
                              textField(purchases[i], "unitPrice").value_or("")});
  text.pool = growing(input["pool"]);
  for (unsigned i = 0, n = lines["length"].as<unsigned>(); i < n; ++i)
    text.lines.push_back(growing(lines[i]));
  return text;
}

// projectEarnings' input: the holder's pool (holderText) and { genesis, tokenPrice, period }
// (texts); its rules are read apart.
cbm::EarningsText earningsText(const val& input) {
  cbm::EarningsText text;
  text.holder = holderText(input);
  text.genesis = input["genesis"].as<std::string>();
  text.tokenPrice = input["tokenPrice"].as<std::string>();
  text.period = input["period"].as<std::string>();
  return text;
}

// A period's bounds, in pool seconds and as the UTC days they fall in (for callers that show
// dates).
val periodValue(cbm::Day genesis, cbm::Seconds start, cbm::Seconds end) {
  val period = val::object();
  period.set("start", seconds(start));
  period.set("end", seconds(end));
  period.set("startDate", cbm::formatDay(genesis + start / cbm::kSecondsPerDay));
  period.set("endDate", cbm::formatDay(genesis + end / cbm::kSecondsPerDay));
  return period;
}

// Tracked owners' columns as weiText: [{ [reward]: ..., rate: ... }], in order.
val trackedColumns(const std::vector<cbm::PoolResult::Tracked>& tracked, const char* reward) {
  val out = val::array();
  for (const cbm::PoolResult::Tracked& owner : tracked) {
    val columns = val::object();
    columns.set(reward, weiText(owner.rewardWei));
    columns.set("rate", weiText(owner.rateWei));
    out.call<void>("push", columns);
  }
  return out;
}

// projectEarnings' series: seconds and powers as typed arrays, amounts as weiText.
val earningsSeries(const cbm::EarningsSeries& s) {
  val out = val::object();
  std::vector<double> t(s.t.begin(), s.t.end());
  out.set("t", typedArray("Float64Array", t));
  out.set("mined", weiText(s.minedWei));
  out.set("rate", weiText(s.rateWei));
  out.set("emissionRate", weiText(s.emissionRateWei));
  out.set("poolPower", typedArray("Float64Array", s.poolPower));
  out.set("lines", trackedColumns(s.lines, "mined"));
  return out;
}

// SPEC 5 for a holder: earningsText, rules (as ruleValues reads them), sampleEvery (text, ""
// for no series) and breakeven (a boolean: false leaves breakevenAt out).
val projectEarnings(const val& input) {
  return guardedValue([&] {
    cbm::EarningsInput in =
        cbm::readEarnings(earningsText(input), cbm::readPoolRules(ruleValues(input["rules"])));
    const std::string every = input["sampleEvery"].as<std::string>();
    if (!every.empty()) in.sampleEvery = cbm::parseWhole(every, "sampleEvery", 1, cbm::kMaxSeconds);
    in.breakeven = input["breakeven"].as<bool>();
    const cbm::Earnings e = cbm::projectEarnings(in);
    const auto day = [&](cbm::Seconds s) {
      return cbm::formatDay(in.genesis + s / cbm::kSecondsPerDay);
    };
    val periods = val::array();
    for (const cbm::EarningsPeriod& p : e.periods) {
      val period = periodValue(in.genesis, p.start, p.end);
      period.set("wfi", p.wfi.str());
      period.set("usd", p.usd.str());
      period.set("cumulativeWfi", p.cumulativeWfi.str());
      period.set("cumulativeUsd", p.cumulativeUsd.str());
      periods.call<void>("push", period);
    }
    const auto pair = [](const char* a, const cbm::Decimal& x, const char* b,
                         const cbm::Decimal& y) {
      val out = val::object();
      out.set(a, x.str());
      out.set(b, y.str());
      return out;
    };
    val out = val::object();
    out.set("periods", periods);
    out.set("total", pair("wfi", e.totalWfi, "usd", e.totalUsd));
    out.set("paidUsd", e.paidUsd.str());
    if (in.breakeven)
      out.set("breakevenAt", e.breakevenAt ? val(seconds(*e.breakevenAt)) : val::null());
    const auto rate = [&](const cbm::EarningsRate& r) {
      val v = pair("blockReward", r.blockReward, "wfiPerDay", r.wfiPerDay);
      v.set("usdPerDay", r.usdPerDay.str());
      return v;
    };
    val now = rate(e.now);
    now.set("aprPercent", e.aprPercentNow.str());
    out.set("now", now);
    val halving = val::null();
    if (e.nextHalvingAt) {
      halving = rate(e.afterHalving);
      halving.set("at", seconds(*e.nextHalvingAt));
      halving.set("date", day(*e.nextHalvingAt));
    }
    out.set("nextHalving", halving);
    out.set("next30Days", pair("wfi", e.next30DaysWfi, "usd", e.next30DaysUsd));
    val year = pair("wfi", e.firstYearWfi, "usd", e.firstYearUsd);
    year.set("returnPercent", e.firstYearReturnPercent.str());
    out.set("firstYear", year);
    val purchases = val::array();
    for (const cbm::PurchaseOutcome& p : e.purchases) {
      val purchase = val::object();
      purchase.set("activatedAt", seconds(p.activatedAt));
      purchase.set("miningStart", seconds(p.miningStart));
      purchase.set("wait", seconds(p.waitSeconds));
      purchase.set("reward", cbm::Decimal::fromRaw(p.rewardWei).str());
      purchases.call<void>("push", purchase);
    }
    out.set("purchases", purchases);
    out.set("series", in.sampleEvery > 0 ? earningsSeries(e.series) : val::null());
    out.set("referral",
            e.referral ? referralValue(*e.referral, cbm::ReferralRules()) : val::null());
    return out;
  });
}

#ifndef CBM_LITE  // the decision tools: in the full module only (CMakeLists.txt)
// How the figures of a call were computed (explain.hpp): call "apr" (input: its AprText and
// referralReward, "" for none), "projectEarnings" (earningsText, rules and at: the second of
// the now figures, "" for projectEarnings' own now), "points" (weight: its WeightText,
// elapsedSeconds, rules) or "pool" (a run's totals as texts, its rules and horizon). Returns {
// [figure]: { formula, terms: [{ name, label, kind, value }], notes } }.
val explain(const std::string& call, const val& input) {
  return guardedValue([&] {
    std::vector<cbm::Explanation> list;
    if (call == "apr") {
      cbm::AprInput in = cbm::readApr(input["apr"].as<cbm::AprText>());
      const std::string referral = input["referralReward"].as<std::string>();
      if (!referral.empty()) in.referralReward = cbm::readDecimal(referral, "referralReward");
      list = cbm::explainApr(in);
    } else if (call == "projectEarnings") {
      const std::string at = input["at"].as<std::string>();
      list = cbm::explainEarnings(
          cbm::readEarnings(earningsText(input), cbm::readPoolRules(ruleValues(input["rules"]))),
          at.empty() ? std::nullopt
                     : std::optional<cbm::Seconds>(cbm::parseWhole(at, "at", 0, cbm::kMaxSeconds)));
    } else if (call == "points") {
      list = cbm::explainPoints(cbm::readWeight(input["weight"].as<cbm::WeightText>()),
                                cbm::readElapsed(input["elapsedSeconds"].as<std::string>()),
                                pointsRulesFrom(input["rules"]));
    } else if (call == "pool") {
      cbm::PoolTotals t;
      t.rules = cbm::readPoolRules(ruleValues(input["rules"]));
      t.horizon = cbm::readHorizon(input["horizon"].as<std::string>());
      const auto amount = [&](const char* name) {
        return cbm::readDecimal(input[name].as<std::string>(), name);
      };
      t.emitted = amount("emitted");
      t.distributed = amount("distributed");
      t.unallocated = amount("unallocated");
      t.dust = amount("dust");
      const auto count = [&](const char* name) {
        return cbm::parseWhole(input[name].as<std::string>(), name, 0, cbm::kMaxQueueAhead);
      };
      t.requests = count("requests");
      t.accepted = count("accepted");
      t.rejected = count("rejected");
      t.maxWait = count("maxWait");
      list = cbm::explainPool(t);
    } else {
      throw cbm::InputError(
          "call",
          "must be \"apr\", \"projectEarnings\", \"points\" or \"pool\", got " + cbm::quote(call));
    }
    val out = val::object();
    for (const cbm::Explanation& e : list) {
      val terms = val::array();
      for (const cbm::Term& t : e.terms) {
        val term = val::object();
        term.set("name", t.name);
        term.set("label", t.label);
        term.set("kind", t.kind);
        term.set("value", t.value);
        terms.call<void>("push", term);
      }
      val notes = val::array();
      for (const std::string& note : e.notes) notes.call<void>("push", note);
      val figure = val::object();
      figure.set("formula", e.formula);
      figure.set("terms", terms);
      figure.set("notes", notes);
      out.set(e.figure, figure);
    }
    return out;
  });
}

// projectEarnings along random price paths and pool growths (bands.hpp). input: projectEarnings'
// and { drift, volatility, poolSpread, runs, seed } (texts, "" for absent) and onProgress (a
// function called with the runs done, or undefined; the JS layer keeps it from throwing).
val earningsBands(const val& input) {
  return guardedValue([&] {
    cbm::BandsText text;
    text.earnings = earningsText(input);
    for (auto [field, name] : {std::pair{&text.drift, "drift"},
                               {&text.volatility, "volatility"},
                               {&text.poolSpread, "poolSpread"},
                               {&text.runs, "runs"},
                               {&text.seed, "seed"}})
      *field = input[name].as<std::string>();
    const cbm::BandsInput in = cbm::readBands(text, cbm::readPoolRules(ruleValues(input["rules"])));
    const val onProgress = input["onProgress"];
    cbm::BandsProgress progress;
    if (!onProgress.isUndefined())
      progress = [&](std::int64_t done) { onProgress(static_cast<double>(done)); };
    const cbm::EarningsBands bands = cbm::earningsBands(in, progress);
    const auto percentiles = [](const cbm::Percentiles& p) {
      val out = val::object();
      out.set("p10", p.p10.str());
      out.set("p50", p.p50.str());
      out.set("p90", p.p90.str());
      return out;
    };
    val periods = val::array();
    for (const cbm::BandPeriod& p : bands.periods) {
      val period = periodValue(in.earnings.genesis, p.start, p.end);
      const val usd = percentiles(p.usd);
      for (const char* q : {"p10", "p50", "p90"}) period.set(q, usd[q]);
      period.set("cumulative", percentiles(p.cumulativeUsd));
      periods.call<void>("push", period);
    }
    const auto time = [](const std::optional<cbm::Seconds>& at) {
      return at ? val(seconds(*at)) : val::null();
    };
    val breakeven = val::object();
    breakeven.set("p10", time(bands.breakevenP10));
    breakeven.set("p50", time(bands.breakevenP50));
    breakeven.set("p90", time(bands.breakevenP90));
    val out = val::object();
    out.set("periods", periods);
    out.set("breakevenAt", breakeven);
    out.set("breakevenRuns", static_cast<double>(bands.breakevenRuns));
    out.set("runs", static_cast<double>(in.runs));
    out.set("seed", static_cast<double>(in.seed));
    out.set("paidUsd", bands.paidUsd.str());
    return out;
  });
}

// "Buy now or later?" (buydate.hpp). input: holderText's (purchases empty) and { genesis,
// budgetUsd, unitPrice, unitPriceGrowthPercent, tokenPrice, tokenPriceGrowthPercent } (texts,
// "" for no growth), onProgress (a function called with the share done, or undefined). Each
// day's figures as columns: numbers as Float64Arrays, amounts as decimal texts.
val buyDates(const val& input) {
  return guardedValue([&] {
    cbm::BuyDateText text;
    text.holder = holderText(input);
    for (auto [field, name] : {std::pair{&text.genesis, "genesis"},
                               {&text.budgetUsd, "budgetUsd"},
                               {&text.unitPrice, "unitPrice"},
                               {&text.unitPriceGrowthPercent, "unitPriceGrowthPercent"},
                               {&text.tokenPrice, "tokenPrice"},
                               {&text.tokenPriceGrowthPercent, "tokenPriceGrowthPercent"}})
      *field = input[name].as<std::string>();
    const cbm::BuyDateInput in =
        cbm::readBuyDates(text, cbm::readPoolRules(ruleValues(input["rules"])));
    const val onProgress = input["onProgress"];
    cbm::BuyDatesProgress progress;
    if (!onProgress.isUndefined()) progress = [&](double done) { onProgress(done); };
    const cbm::BuyDates dates = cbm::buyDates(in, progress);
    std::vector<double> at, units, miningStart;
    val unitPrice = val::array(), wfi = val::array(), usd = val::array();
    double ownRuns = 0;
    for (const cbm::BuyDay& day : dates.days) {
      at.push_back(seconds(day.at));
      units.push_back(static_cast<double>(day.units));
      miningStart.push_back(seconds(day.miningStart));
      unitPrice.call<void>("push", day.unitPrice.str());
      wfi.call<void>("push", day.wfi.str());
      usd.call<void>("push", day.usd.str());
      ownRuns += day.ownRun ? 1 : 0;
    }
    val days = val::object();
    days.set("at", typedArray("Float64Array", at));
    days.set("units", typedArray("Float64Array", units));
    days.set("miningStart", typedArray("Float64Array", miningStart));
    days.set("unitPrice", unitPrice);
    days.set("wfi", wfi);
    days.set("usd", usd);
    val halvings = val::array();
    for (const cbm::Seconds t : dates.halvings) halvings.call<void>("push", seconds(t));
    val out = val::object();
    out.set("days", days);
    out.set("best", static_cast<double>(dates.best));
    out.set("halvings", halvings);
    out.set("emissionEnd", seconds(dates.emissionEnd));
    out.set("endTokenPrice", dates.endTokenPrice.str());
    out.set("ownRuns", ownRuns);
    return out;
  });
}

// What matters most (sensitivity.hpp). input: projectEarnings' and step (text, "" for the
// default).
val sensitivity(const val& input) {
  return guardedValue([&] {
    const cbm::EarningsInput in =
        cbm::readEarnings(earningsText(input), cbm::readPoolRules(ruleValues(input["rules"])));
    const std::string step = input["step"].as<std::string>();
    const cbm::SensitivityResult r = cbm::sensitivity(
        in, cbm::readDecimal(step.empty() ? cbm::kDefaultSensitivityStep : step, "step"));
    const auto outcome = [](const cbm::SwingOutcome& o) {
      val v = val::object();
      v.set("yearWfi", o.yearWfi.str());
      v.set("yearUsd", o.yearUsd.str());
      v.set("breakevenAt", o.breakevenAt ? val(seconds(*o.breakevenAt)) : val::null());
      return v;
    };
    val swings = val::array();
    for (const cbm::Swing& s : r.swings) {
      val swing = val::object();
      swing.set("input", s.input);
      swing.set("base", s.base.str());
      swing.set("low", s.low.str());
      swing.set("high", s.high.str());
      swing.set("atLow", outcome(s.atLow));
      swing.set("atHigh", outcome(s.atHigh));
      swings.call<void>("push", swing);
    }
    val out = val::object();
    out.set("base", outcome(r.base));
    out.set("swings", swings);
    return out;
  });
}

// Two scenarios side by side (compare.hpp). input: { a, b }, each projectEarnings' (earningsText
// and rules).
val compareEarnings(const val& input) {
  return guardedValue([&] {
    const auto read = [&](const char* side) {
      const val v = input[side];
      return cbm::readEarnings(earningsText(v), cbm::readPoolRules(ruleValues(v["rules"])));
    };
    const cbm::EarningsInput a = read("a"), b = read("b");
    const cbm::Comparison c = cbm::compareEarnings(a, b);
    const auto time = [](const std::optional<cbm::Seconds>& at) {
      return at ? val(seconds(*at)) : val::null();
    };
    const auto figures = [&](const cbm::ScenarioFigures& f) {
      val v = val::object();
      v.set("totalWfi", f.totalWfi.str());
      v.set("totalUsd", f.totalUsd.str());
      v.set("paidUsd", f.paidUsd.str());
      v.set("firstYearWfi", f.firstYearWfi.str());
      v.set("firstYearUsd", f.firstYearUsd.str());
      v.set("firstYearReturnPercent", f.firstYearReturnPercent.str());
      v.set("aprPercentNow", f.aprPercentNow.str());
      v.set("breakevenAt", time(f.breakevenAt));
      v.set("from", seconds(f.from));
      return v;
    };
    val earned = val::array();
    for (const cbm::ComparedPoint& p : c.earned) {
      val point = val::object();
      point.set("end", seconds(p.end));
      point.set("endDate", cbm::formatDay(a.genesis + p.end / cbm::kSecondsPerDay));
      point.set("a", p.a.str());
      point.set("b", p.b.str());
      earned.call<void>("push", point);
    }
    val out = val::object();
    out.set("a", figures(c.a));
    out.set("b", figures(c.b));
    out.set("difference", figures(c.difference));
    out.set("earned", earned);
    return out;
  });
}

// Reinvesting against holding (reinvest.hpp). input: projectEarnings' and unitPrice, until,
// maxUnits, maxSpentUsd (texts, "" for absent), cadences (an array of texts, or undefined) and
// onProgress (as earningsBands').
val reinvest(const val& input) {
  return guardedValue([&] {
    cbm::ReinvestText text;
    text.earnings = earningsText(input);
    text.unitPrice = input["unitPrice"].as<std::string>();
    text.until = input["until"].as<std::string>();
    text.maxUnits = input["maxUnits"].as<std::string>();
    text.maxSpentUsd = input["maxSpentUsd"].as<std::string>();
    const val cadences = input["cadences"];
    if (!cadences.isUndefined()) {
      text.cadences.emplace();
      for (unsigned i = 0, n = cadences["length"].as<unsigned>(); i < n; ++i)
        text.cadences->push_back(cadences[i].as<std::string>());
    }
    const cbm::ReinvestInput in =
        cbm::readReinvest(text, cbm::readPoolRules(ruleValues(input["rules"])));
    const val onProgress = input["onProgress"];
    cbm::ReinvestProgress progress;
    if (!onProgress.isUndefined()) progress = [&](double done) { onProgress(done); };
    const cbm::Reinvesting r = cbm::reinvest(in, progress);
    const cbm::Day genesis = in.earnings.genesis;
    val plans = val::array();
    for (const cbm::ReinvestPlan& plan : r.plans) {
      val bought = val::array();
      for (const cbm::Reinvested& b : plan.bought) {
        val v = val::object();
        v.set("at", seconds(b.at));
        v.set("date", cbm::formatDay(genesis + b.at / cbm::kSecondsPerDay));
        v.set("units", static_cast<double>(b.units));
        v.set("paidWfi", b.paidWfi.str());
        bought.call<void>("push", v);
      }
      // Where a plan stands, at a period's end or at the end of emission.
      const auto standing = [](val& v, const auto& at) {
        v.set("minedWfi", at.minedWfi.str());
        v.set("spentWfi", at.spentWfi.str());
        v.set("heldWfi", at.heldWfi.str());
        v.set("heldUsd", at.heldUsd.str());
        v.set("units", static_cast<double>(at.units));
      };
      val periods = val::array();
      for (const cbm::ReinvestPeriod& p : plan.periods) {
        val period = periodValue(genesis, p.start, p.end);
        standing(period, p);
        periods.call<void>("push", period);
      }
      val v = val::object();
      v.set("cadence", std::string(cbm::cadenceName(plan.cadence)));
      v.set("until", plan.until ? val(seconds(*plan.until)) : val::null());
      v.set("untilDate", plan.until
                             ? val(cbm::formatDay(genesis + *plan.until / cbm::kSecondsPerDay))
                             : val::null());
      v.set("bought", bought);
      v.set("periods", periods);
      standing(v, plan);
      plans.call<void>("push", v);
    }
    val out = val::object();
    out.set("unitPrice", r.unitPrice.str());
    out.set("plans", plans);
    out.set("best", std::string(cbm::cadenceName(r.best)));
    return out;
  });
}
#endif

// Everyone else's units for the block reward the app shows. input: the holder (holderText,
// times in seconds, the pool unused), rules and blockReward (text).
Outcome<std::string> calibratePool(const val& input) {
  return guarded([&] {
    const cbm::HolderPool holder = cbm::readHolder(holderText(input));
    return std::to_string(cbm::calibratePool(
        {cbm::readPoolRules(ruleValues(input["rules"])), holder.now, holder.purchases,
         cbm::readDecimal(input["blockReward"].as<std::string>(), "blockReward")}));
  });
}

// A holder's pool as request columns (holderScenario), for simulatePool: input the holder's
// pool (holderText, times in seconds) and its rules. Returns { start, horizon, activations:
// { id, owner, units, requestedAt }, focusOwner, trackOwners }.
val holderActivations(const val& input) {
  return guardedValue([&] {
    const cbm::HolderText text = holderText(input);
    const cbm::HolderScenario h =
        cbm::holderScenario(cbm::readPoolRules(ruleValues(input["rules"])), cbm::readHolder(text));
    const cbm::PoolScenario& s = h.scenario;
    val ids = val::array(), owners = val::array();
    for (std::size_t i = 0; i < s.ids.size(); ++i) {
      ids.call<void>("push", std::string(s.ids.at(i)));
      owners.call<void>("push", std::string(s.owners.at(i)));
    }
    val activations = val::object();
    activations.set("id", ids);
    activations.set("owner", owners);
    activations.set("units", doubles(s.units.values));
    activations.set("requestedAt", doubles(s.requestedAt.values));
    val out = val::object();
    out.set("start", seconds(h.start));
    out.set("horizon", seconds(h.horizon));
    out.set("activations", activations);
    out.set("focusOwner", *s.focusOwner);
    val tracked = val::array();
    for (const std::string& owner : s.trackedOwners) tracked.call<void>("push", owner);
    out.set("trackOwners", tracked);
    return out;
  });
}

// --- the pool simulation ----------------------------------------------------------------------
//
// A million activations cross without copies or per-item calls: the JS layer asks for column
// buffers inside the WASM heap (allocateNumbers, allocateText), writes the values there, then
// start()s the simulation; the result's big columns are read in place the same way.

/// The scalar part of a scenario.
struct PoolSettings {
  std::string horizon, sampleEvery, focusOwner;
  bool hasFocusOwner = false;
  val rules = val::undefined();
  JSArray trackOwners = val::undefined();  // strings
};

double address(const void* p) {
  return static_cast<double>(reinterpret_cast<std::uintptr_t>(p));
}

/// A simulation driven from JS in slices (progress, cancel). Every method catches; the JS layer
/// calls delete() when done.
class PoolRun {
 public:
  /// Room for n requests: returns { units, requestedAt }, the addresses of two Float64 columns.
  val allocateNumbers(double count) {
    val out = val::object();
    guardedStep([&] {
      const std::size_t n = cbm::activationCount(count);
      scenario_.units.values.resize(n);
      scenario_.requestedAt.values.resize(n);
      out.set("units", address(scenario_.units.values.data()));
      out.set("requestedAt", address(scenario_.requestedAt.values.data()));
    });
    return out;
  }

  /// Room for a text column (0 ids, 1 owners, 2 units given as text, 3 requestedAt given as
  /// text) of `count` strings and `byteCount` UTF-8 bytes: returns { bytes, ends } addresses.
  val allocateText(int column, double byteCount, double count) {
    val out = val::object();
    guardedStep([&] {
      cbm::TextColumn& text = column == 0   ? scenario_.ids
                              : column == 1 ? scenario_.owners
                              : column == 2 ? scenario_.units.texts
                                            : scenario_.requestedAt.texts;
      text.bytes.assign(static_cast<std::size_t>(byteCount), '\0');
      text.ends.assign(static_cast<std::size_t>(count), 0);
      out.set("bytes", address(text.bytes.data()));
      out.set("ends", address(text.ends.data()));
    });
    return out;
  }

  /// Checks and queues the scenario written into the columns.
  void start(const PoolSettings& settings) {
    guardedStep([&] {
      // Grow the heap once to about what the simulation will need rather than in many steps,
      // each of which copies the heap and makes V8 collect (and the last of which would double
      // it): the module's first 32 MB, the text the requests came with, and 110 bytes a
      // request for the queue and the engine (measured: a million linear miners fit in 157 MB,
      // not in 127). A heap already big enough stays as it is; failing to grow is for the
      // allocations to say.
      const std::size_t heap = __builtin_wasm_memory_size(0) * 65536;
      const std::size_t text = scenario_.ids.bytes.size() + scenario_.owners.bytes.size() +
                               scenario_.units.texts.bytes.size() +
                               scenario_.requestedAt.texts.bytes.size();
      const std::size_t wanted = (std::size_t{32} << 20) + text + scenario_.ids.size() * 110;
      if (heap < wanted) emscripten_resize_heap(wanted);
      scenario_.rules = cbm::readPoolRules(ruleValues(settings.rules));
      scenario_.horizon = cbm::readHorizon(settings.horizon);
      scenario_.sampleEvery = cbm::readSampleEvery(settings.sampleEvery, scenario_.horizon);
      if (settings.hasFocusOwner) scenario_.focusOwner = settings.focusOwner;
      scenario_.trackedOwners = strings(settings.trackOwners);
      simulation_ = std::make_unique<cbm::PoolSimulation>(std::move(scenario_));
    });
  }

  Failure error() const { return error_; }
  double progress() const { return simulation_ ? simulation_->progress() : 0; }

  cbm::PoolSimulation& running() {
    if (!simulation_)
      throw std::logic_error(
          "the simulation is not running (not started, or its result was taken)");
    return *simulation_;
  }

  /// Advances by up to `maxEvents` events: true once finished (or failed: see error()).
  bool step(double maxEvents) {
    bool done = true;
    guardedStep([&] {
      // The JS layer sends a whole number from 1 to 2^31; anything else must not be cast.
      const double events = maxEvents >= 1 && maxEvents <= 2147483648.0 ? maxEvents : 1;
      done = running().step(static_cast<std::size_t>(events));
    });
    return done || !error_.code.empty();
  }

  /// The result (once finished). The per-request columns stay in the run, to be copied out in
  /// place: activatedAt, miningStart, wait (Float64 x n, NaN where the request was not served)
  /// and the rewards as a text column (decimal strings end to end, and where each ends). The
  /// series comes as Float64 columns for charts beside exact decimal text; the rest as values.
  val result() {
    val out = val::object();
    guardedStep([&] {
      cbm::PoolResult r = running().takeResult();
      simulation_.reset();
      miningStart_.resize(r.activatedAt.size());
      for (std::size_t i = 0; i < r.activatedAt.size(); ++i)
        miningStart_[i] = cbm::miningStartOf(r.activatedAt[i]);
      out.set("miningStart", secondsColumn(miningStart_));
      out.set("activatedAt", secondsColumn(activatedAt_ = std::move(r.activatedAt)));
      out.set("wait", secondsColumn(wait_ = std::move(r.waitSeconds)));
      out.set("rewards", textColumn(rewards_, r.rewardWei));
      r.rewardWei = {};

      val rejectedIndex = val::array(), rejectedReasons = val::array();
      for (const auto& rejection : r.rejected) {
        rejectedIndex.call<void>("push", static_cast<double>(rejection.index));
        rejectedReasons.call<void>("push", rejection.reason);
      }
      out.set("rejectedIndex", rejectedIndex);
      out.set("rejectedReasons", rejectedReasons);
      std::vector<double> ownerFirst, ownerActivations, ownerShares;
      std::vector<cbm::Int128> ownerRewards, ownerUnits;
      for (const auto& owner : r.owners) {
        ownerFirst.push_back(static_cast<double>(owner.firstIndex));
        ownerActivations.push_back(static_cast<double>(owner.activations));
        ownerShares.push_back(owner.share);
        ownerRewards.push_back(owner.rewardWei);
        ownerUnits.push_back(owner.units * cbm::Decimal::kScale);
      }
      out.set("ownerFirst", typedArray("Float64Array", ownerFirst));
      out.set("ownerActivations", typedArray("Float64Array", ownerActivations));
      out.set("ownerShares", typedArray("Float64Array", ownerShares));
      out.set("ownerRewards", weiText(ownerRewards));
      out.set("ownerUnits", weiText(ownerUnits));
      val queue = val::object();
      queue.set("served", static_cast<double>(r.queue.served));
      queue.set("maxWait", static_cast<double>(r.queue.maxWait));
      queue.set("meanWait", r.queue.meanWait);
      queue.set("lastActivatedAt", r.queue.lastActivatedAt < 0
                                       ? val::null()
                                       : val(static_cast<double>(r.queue.lastActivatedAt)));
      out.set("queue", queue);
      out.set("emitted", cbm::Decimal::fromRaw(r.emittedWei).str());
      out.set("distributed", cbm::Decimal::fromRaw(r.distributedWei).str());
      out.set("unallocated", cbm::Decimal::fromRaw(r.unallocatedWei).str());
      out.set("dust", cbm::Decimal::fromRaw(r.dustWei).str());
      out.set("series", seriesColumns(r.series));
      out.set("tracked", trackedColumns(r.tracked, "reward"));
    });
    return out;
  }

 private:
  template <class F>
  void guardedStep(F&& body) {
    if (!error_.code.empty()) return;
    error_ = guarded([&] {
               body();
               return true;
             }).error;
  }

  /// Seconds (-1: none) turned in place into a Float64 column (NaN: none): its address.
  static double secondsColumn(std::vector<cbm::Seconds>& seconds) {
    static_assert(sizeof(double) == sizeof(cbm::Seconds));
    for (cbm::Seconds& s : seconds) {
      const double value = s < 0 ? std::nan("") : static_cast<double>(s);
      std::memcpy(&s, &value, sizeof value);
    }
    return address(seconds.data());
  }

  /// Amounts as decimal strings end to end, with where each ends: { bytes, length, ends }.
  static val textColumn(cbm::TextColumn& text, const std::vector<cbm::Int128>& wei) {
    text.bytes.clear();
    text.bytes.reserve(wei.size() * 24);
    text.ends.resize(wei.size());
    for (std::size_t i = 0; i < wei.size(); ++i) {
      cbm::appendDecimal(text.bytes, wei[i]);
      text.ends[i] = static_cast<std::uint32_t>(text.bytes.size());
    }
    val out = val::object();
    out.set("bytes", address(text.bytes.data()));
    out.set("length", static_cast<double>(text.bytes.size()));
    out.set("ends", address(text.ends.data()));
    return out;
  }

  /// Wei as WFI in a double: for charts, not for amounts.
  static double approximate(cbm::Int128 wei) { return cbm::Decimal::fromRaw(wei).toDouble(); }

  static val seriesColumns(const std::vector<cbm::PoolSample>& series) {
    std::vector<double> t;
    std::vector<cbm::Int128> rate, emitted, power, activeUnits, focusReward, focusRate;
    for (const cbm::PoolSample& sample : series) {
      t.push_back(static_cast<double>(sample.t));
      rate.push_back(sample.rateWei);
      emitted.push_back(sample.emittedWei);
      power.push_back((sample.power * 1e18).floorToInt());
      activeUnits.push_back(sample.activeUnits * cbm::Decimal::kScale);
      focusReward.push_back(sample.focusRewardWei);
      focusRate.push_back(sample.focusRateWei);
    }
    val columns = val::object();
    columns.set("t", typedArray("Float64Array", t));
    const auto chart = [&](const std::vector<cbm::Int128>& wei) {
      std::vector<double> values(wei.size());
      for (std::size_t k = 0; k < wei.size(); ++k) values[k] = approximate(wei[k]);
      return typedArray("Float64Array", values);
    };
    val numbers = val::object();
    numbers.set("rate", chart(rate));
    numbers.set("emitted", chart(emitted));
    numbers.set("poolPower", chart(power));
    numbers.set("activeUnits", chart(activeUnits));
    numbers.set("focusReward", chart(focusReward));
    numbers.set("focusRate", chart(focusRate));
    columns.set("numbers", numbers);
    columns.set("rate", weiText(rate));
    columns.set("emitted", weiText(emitted));
    columns.set("power", weiText(power));
    columns.set("activeUnits", weiText(activeUnits));
    columns.set("focusReward", weiText(focusReward));
    columns.set("focusRate", weiText(focusRate));
    return columns;
  }

  cbm::PoolScenario scenario_;
  std::unique_ptr<cbm::PoolSimulation> simulation_;
  std::vector<cbm::Seconds> activatedAt_, miningStart_, wait_;  // Float64 once read out
  cbm::TextColumn rewards_;
  Failure error_;
};

template <class T>
void registerOutcome(const char* name) {
  emscripten::value_object<Outcome<T>>(name)
      .field("error", &Outcome<T>::error)
      .field("value", &Outcome<T>::value);
}

}  // namespace

EMSCRIPTEN_BINDINGS(cbmcalc) {
  using emscripten::function;
  using emscripten::value_object;

  value_object<Failure>("Failure")
      .field("code", &Failure::code)
      .field("field", &Failure::field)
      .field("message", &Failure::message)
      .field("problem", &Failure::problem);

  value_object<cbm::AprText>("AprText")
      .field("blockReward", &cbm::AprText::blockReward)
      .field("tokenPrice", &cbm::AprText::tokenPrice)
      .field("units", &cbm::AprText::units)
      .field("unitPrice", &cbm::AprText::unitPrice);
  value_object<AprOut>("AprOut")
      .field("aprPercent", &AprOut::aprPercent)
      .field("yearlyReward", &AprOut::yearlyReward)
      .field("yearlyRewardUsd", &AprOut::yearlyRewardUsd)
      .field("contributionUsd", &AprOut::contributionUsd)
      .field("netGainPercent", &AprOut::netGainPercent)
      .field("netGainUsd", &AprOut::netGainUsd);
  value_object<cbm::ShareText>("ShareText")
      .field("units", &cbm::ShareText::units)
      .field("poolPower", &cbm::ShareText::poolPower)
      .field("rate", &cbm::ShareText::rate);
  value_object<cbm::PoolSizeText>("PoolSizeText")
      .field("units", &cbm::PoolSizeText::units)
      .field("blockReward", &cbm::PoolSizeText::blockReward)
      .field("rate", &cbm::PoolSizeText::rate);
  value_object<cbm::WeightText>("WeightText")
      .field("streakDays", &cbm::WeightText::streakDays)
      .field("totalPoints", &cbm::WeightText::totalPoints)
      .field("invites", &cbm::WeightText::invites)
      .field("vip", &cbm::WeightText::vip)
      .field("extra", &cbm::WeightText::extra);
  value_object<WeightOut>("WeightOut")
      .field("weight", &WeightOut::weight)
      .field("checkin", &WeightOut::checkin)
      .field("points", &WeightOut::points)
      .field("invites", &WeightOut::invites)
      .field("vip", &WeightOut::vip)
      .field("extra", &WeightOut::extra);
  value_object<StreakOut>("StreakOut")
      .field("days", &StreakOut::days)
      .field("checkedInOnDay", &StreakOut::checkedInOnDay);
  value_object<cbm::AccountText>("AccountText")
      .field("totalPoints", &cbm::AccountText::totalPoints)
      .field("activeSince", &cbm::AccountText::activeSince)
      .field("activeWeight", &cbm::AccountText::activeWeight)
      .field("lastStartedAt", &cbm::AccountText::lastStartedAt)
      .field("lastReward", &cbm::AccountText::lastReward)
      .field("lastCollectedAt", &cbm::AccountText::lastCollectedAt)
      .field("revision", &cbm::AccountText::revision);
  value_object<StopOut>("StopOut")
      .field("account", &StopOut::account)
      .field("reward", &StopOut::reward)
      .field("alreadyCollected", &StopOut::alreadyCollected);
  value_object<StatusOut>("StatusOut")
      .field("active", &StatusOut::active)
      .field("startedAt", &StatusOut::startedAt)
      .field("elapsedSeconds", &StatusOut::elapsedSeconds)
      .field("estimatedPoints", &StatusOut::estimatedPoints)
      .field("weight", &StatusOut::weight)
      .field("lastReward", &StatusOut::lastReward)
      .field("lastCollectedAt", &StatusOut::lastCollectedAt)
      .field("nextStartAt", &StatusOut::nextStartAt)
      .field("secondsToNextStart", &StatusOut::secondsToNextStart);

  registerOutcome<std::string>("StringOutcome");
  registerOutcome<AprOut>("AprOutcome");
  registerOutcome<WeightOut>("WeightOutcome");
  registerOutcome<StreakOut>("StreakOutcome");
  registerOutcome<cbm::AccountText>("AccountOutcome");
  registerOutcome<StopOut>("StopOutcome");
  registerOutcome<StatusOut>("StatusOutcome");

  value_object<cbm::EnergyPriceText>("EnergyPriceText")
      .field("burnedUsd", &cbm::EnergyPriceText::burnedUsd)
      .field("basePrice", &cbm::EnergyPriceText::basePrice)
      .field("step", &cbm::EnergyPriceText::step)
      .field("per", &cbm::EnergyPriceText::per);
  value_object<cbm::ProjectionText>("ProjectionText")
      .field("from", &cbm::ProjectionText::from)
      .field("days", &cbm::ProjectionText::days)
      .field("totalPoints", &cbm::ProjectionText::totalPoints)
      .field("invites", &cbm::ProjectionText::invites)
      .field("invitesPerWeek", &cbm::ProjectionText::invitesPerWeek)
      .field("sessionSeconds", &cbm::ProjectionText::sessionSeconds)
      .field("checkinWeekdays", &cbm::ProjectionText::checkinWeekdays)
      .field("sessionWeekdays", &cbm::ProjectionText::sessionWeekdays)
      .field("vip", &cbm::ProjectionText::vip)
      .field("extra", &cbm::ProjectionText::extra);
  function("supplyControl", &supplyControl);
  function("energyPrice", &energyPrice);
  function("pointsProjection", &pointsProjection);

  value_object<PoolSettings>("PoolSettings")
      .field("horizon", &PoolSettings::horizon)
      .field("sampleEvery", &PoolSettings::sampleEvery)
      .field("focusOwner", &PoolSettings::focusOwner)
      .field("hasFocusOwner", &PoolSettings::hasFocusOwner)
      .field("rules", &PoolSettings::rules)
      .field("trackOwners", &PoolSettings::trackOwners);
  emscripten::class_<PoolRun>("PoolRun")
      .constructor<>()
      .function("allocateNumbers", &PoolRun::allocateNumbers)
      .function("allocateText", &PoolRun::allocateText)
      .function("start", &PoolRun::start)
      .function("error", &PoolRun::error)
      .function("progress", &PoolRun::progress)
      .function("step", &PoolRun::step)
      .function("result", &PoolRun::result);

  function(
      "version", +[]() -> std::string { return CBM_VERSION; });
  function("defaultsJson", &cbm::defaultsJson);
  function("presetsJson", &cbm::presetsJson);
  function("limitsJson", &cbm::limitsJson);
  function("queueWait", &queueWait);
  function("valueEarnings", &valueEarnings);
  function("projectEarnings", &projectEarnings);
  function("holderActivations", &holderActivations);
  function("calibratePool", &calibratePool);
#ifndef CBM_LITE
  function("explain", &explain);
  function("earningsBands", &earningsBands);
  function("sensitivity", &sensitivity);
  function("reinvest", &reinvest);
  function("compareEarnings", &compareEarnings);
  function("buyDates", &buyDates);
#endif
  function("growthPath", &growthPath);
  function("compareAmounts", &compareAmounts);
  function("vesting", &vesting);
  function("referralIncome", &referralIncome);
  function("emission", &emission);
  function("emissionSchedule", &emissionSchedule);
  function("apr", &apr);
  function("aprWithReferrals", &aprWithReferrals);
  function("blockReward", &blockReward);
  function("impliedPoolPower", &impliedPoolPower);
  function("impliedOtherUnits", &impliedOtherUnits);
  function("pointsWeight", &pointsWeight);
  function("pointsReward", &pointsReward);
  function("streak", &streak);
  function("checkAccount", &checkAccount);
  function("startSession", &startSession);
  function("stopSession", &stopSession);
  function("sessionStatus", &sessionStatus);
}
