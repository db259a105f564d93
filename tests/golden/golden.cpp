// Runs tests/golden/scenarios.txt natively and prints the results in a canonical text form.
// tests/node/golden.test.mjs runs the same scenarios through the WASM module and the JS API
// and compares the two texts byte for byte (issue 5: native and WASM agree exactly).
#include <fstream>
#include <iostream>
#include <sstream>

#include "apr.hpp"
#include "bands.hpp"
#include "decimal.hpp"
#include "emission.hpp"
#include "points.hpp"
#include "pool.hpp"
#include "read.hpp"
#include "reinvest.hpp"

namespace {

// "k=v" words as rules; the file writes a schedule as rate:duration stages joined by commas.
cbm::RuleValues ruleValues(std::istringstream& words) {
  cbm::RuleValues rules;
  std::string pair;
  while (words >> pair) {
    const auto eq = pair.find('=');
    const std::string name = pair.substr(0, eq), value = pair.substr(eq + 1);
    if (name != "schedule") {
      rules.emplace_back(name, value);
      continue;
    }
    std::vector<cbm::TextRow> stages;
    std::istringstream list(value);
    for (std::string stage; std::getline(list, stage, ',');) {
      const auto colon = stage.find(':');
      stages.push_back({{"rate", stage.substr(0, colon)}, {"duration", stage.substr(colon + 1)}});
    }
    rules.emplace_back(name, stages);
  }
  return rules;
}

std::string amount(cbm::Int128 wei) {
  return cbm::Decimal::fromRaw(wei).str();
}

void runPool(const std::string& name, std::istream& file) {
  cbm::PoolScenario s;
  cbm::RuleValues rules;
  std::string horizon, sampleEvery;
  std::string line;
  while (std::getline(file, line) && line != "end") {
    std::istringstream words(line);
    std::string key;
    words >> key;
    if (key == "rules") rules = ruleValues(words);
    if (key == "horizon") words >> horizon;
    if (key == "sampleEvery") words >> sampleEvery;
    if (key == "focus") s.focusOwner.emplace(), words >> *s.focusOwner;
    if (key == "track")
      for (std::string owner; words >> owner;) s.trackedOwners.push_back(owner);
    if (key == "activation") {
      std::string id, owner;
      double units, at;
      words >> id >> owner >> units >> at;
      s.ids.push(id);
      s.owners.push(owner);
      s.units.values.push_back(units);
      s.requestedAt.values.push_back(at);
    }
    if (key == "generate") {
      long long count, seed, spread, maxUnits;
      words >> count >> seed >> spread >> maxUnits;
      auto next = [&] { return seed = seed * 48271 % 2147483647; };
      for (long long i = 0; i < count; ++i) {
        s.ids.push("g" + std::to_string(i));
        s.owners.push("o" + std::to_string(i % 7));
        s.units.values.push_back(static_cast<double>(1 + next() % maxUnits));
        s.requestedAt.values.push_back(static_cast<double>(next() % spread));
      }
    }
  }
  s.rules = cbm::readPoolRules(rules);
  s.horizon = cbm::readHorizon(horizon);
  s.sampleEvery = cbm::readSampleEvery(sampleEvery, s.horizon);
  const cbm::PoolScenario input = s;
  const cbm::PoolResult r = cbm::simulatePool(std::move(s));
  std::cout << "pool " << name << "\n";
  std::vector<bool> rejected(r.activatedAt.size());
  for (const auto& rejection : r.rejected) {
    rejected[rejection.index] = true;
    std::cout << "rejected " << input.ids.at(rejection.index) << " " << rejection.reason << "\n";
  }
  for (std::size_t i = 0; i < r.activatedAt.size(); ++i) {
    if (rejected[i]) continue;
    std::cout << "activation " << input.ids.at(i) << " "
              << (r.activatedAt[i] < 0 ? std::string("-") : std::to_string(r.activatedAt[i])) << " "
              << amount(r.rewardWei[i]) << "\n";
  }
  for (const auto& owner : r.owners)
    std::cout << "owner " << input.owners.at(owner.firstIndex) << " " << amount(owner.rewardWei)
              << "\n";
  std::cout << "totals " << amount(r.emittedWei) << " " << amount(r.distributedWei) << " "
            << amount(r.unallocatedWei) << " " << amount(r.dustWei) << "\n";
  for (const cbm::PoolSample& p : r.series)
    std::cout << "sample " << p.t << " " << amount(p.rateWei) << " " << amount(p.emittedWei) << " "
              << amount((p.power * 1e18).floorToInt()) << " " << cbm::toString(p.activeUnits) << " "
              << amount(p.focusRewardWei) << " " << amount(p.focusRateWei) << "\n";
  for (std::size_t k = 0; k < r.tracked.size(); ++k)
    for (std::size_t i = 0; i < r.tracked[k].rewardWei.size(); ++i)
      std::cout << "tracked " << input.trackedOwners[k] << " " << amount(r.tracked[k].rewardWei[i])
                << " " << amount(r.tracked[k].rateWei[i]) << "\n";
  std::cout << "end\n";
}

// A "bands" line: seed runs drift volatility spread tokenPrice period now poolUnits
// growthPerDay growthPercentPerMonth ("-": none) and the purchases as at:units:unitPrice,...
void runBands(std::istringstream& words) {
  cbm::BandsText t;
  cbm::EarningsText& e = t.earnings;
  std::string perDay, perMonth, purchases;
  words >> t.seed >> t.runs >> t.drift >> t.volatility >> t.poolSpread >> e.tokenPrice >>
      e.period >> e.holder.now >> e.holder.pool.units >> perDay >> perMonth >> purchases;
  e.genesis = "2025-06-01";
  if (perDay != "-") e.holder.pool.growthPerDay = perDay;
  if (perMonth != "-") e.holder.pool.growthPercentPerMonth = perMonth;
  std::istringstream list(purchases);
  for (std::string p; std::getline(list, p, ',');) {
    const auto a = p.find(':'), b = p.rfind(':');
    e.holder.purchases.push_back({p.substr(0, a), p.substr(a + 1, b - a - 1), p.substr(b + 1)});
  }
  const cbm::EarningsBands r = cbm::earningsBands(cbm::readBands(t, cbm::PoolRules()));
  const auto time = [](const std::optional<cbm::Seconds>& at) {
    return at ? std::to_string(*at) : std::string("none");
  };
  std::cout << "bands " << r.paidUsd.str() << " " << r.breakevenRuns << " " << time(r.breakevenP10)
            << " " << time(r.breakevenP50) << " " << time(r.breakevenP90) << "\n";
  for (const cbm::BandPeriod& p : r.periods)
    std::cout << "band " << p.start << " " << p.end << " " << p.usd.p10.str() << " "
              << p.usd.p50.str() << " " << p.usd.p90.str() << " " << p.cumulativeUsd.p10.str()
              << " " << p.cumulativeUsd.p50.str() << " " << p.cumulativeUsd.p90.str() << "\n";
}

// A "reinvest" line: tokenPrice period now poolUnits growthPerDay and the purchases as
// at:units:unitPrice,...; every cadence, each to its best stop.
void runReinvest(std::istringstream& words) {
  cbm::ReinvestText t;
  cbm::EarningsText& e = t.earnings;
  std::string perDay, purchases;
  words >> e.tokenPrice >> e.period >> e.holder.now >> e.holder.pool.units >> perDay >> purchases;
  e.genesis = "2025-06-01";
  e.holder.pool.growthPerDay = perDay;
  std::istringstream list(purchases);
  for (std::string p; std::getline(list, p, ',');) {
    const auto a = p.find(':'), b = p.rfind(':');
    e.holder.purchases.push_back({p.substr(0, a), p.substr(a + 1, b - a - 1), p.substr(b + 1)});
  }
  const cbm::Reinvesting r = cbm::reinvest(cbm::readReinvest(t, cbm::PoolRules()));
  std::cout << "reinvest " << cbm::cadenceName(r.best) << " " << r.unitPrice.str() << "\n";
  for (const cbm::ReinvestPlan& p : r.plans) {
    std::cout << "plan " << cbm::cadenceName(p.cadence) << " "
              << (p.until ? std::to_string(*p.until) : std::string("none")) << " "
              << p.heldWfi.str() << " " << p.minedWfi.str() << " " << p.spentWfi.str() << " "
              << p.units << "\n";
    for (const cbm::Reinvested& b : p.bought)
      std::cout << "bought " << b.at << " " << b.units << " " << b.paidWfi.str() << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ifstream file(argc > 1 ? argv[1] : "tests/golden/scenarios.txt");
  if (!file) {
    std::cerr << "usage: cbm_golden tests/golden/scenarios.txt\n";
    return 2;
  }
  std::string line;
  while (std::getline(file, line)) {
    std::istringstream words(line);
    std::string kind;
    if (!(words >> kind) || kind[0] == '#') continue;
    if (kind == "pool") {
      std::string name;
      words >> name;
      runPool(name, file);
    } else if (kind == "apr") {
      cbm::AprText in;
      words >> in.blockReward >> in.tokenPrice >> in.units >> in.unitPrice;
      const cbm::AprResult r = cbm::apr(cbm::readApr(in));
      std::cout << "apr " << r.aprPercent.str() << " " << r.yearlyReward.str() << " "
                << r.yearlyRewardUsd.str() << " " << r.contributionUsd.str() << " "
                << r.netGainPercent.str() << " " << r.netGainUsd.str() << "\n";
    } else if (kind == "reward") {
      std::string elapsed, weight;
      words >> elapsed >> weight;
      std::cout << "reward "
                << cbm::pointsReward(cbm::readElapsed(elapsed), cbm::readDecimal(weight, "weight"),
                                     cbm::PointsRules())
                       .str()
                << "\n";
    } else if (kind == "weight") {
      cbm::WeightText in;
      words >> in.streakDays >> in.totalPoints >> in.invites;
      const cbm::Weight w = cbm::pointsWeight(cbm::readWeight(in), cbm::PointsRules());
      std::cout << "weight " << w.weight.str() << " " << w.checkin.str() << " " << w.points.str()
                << " " << w.invites.str() << "\n";
    } else if (kind == "bands") {
      runBands(words);
    } else if (kind == "reinvest") {
      runReinvest(words);
    } else if (kind == "emission") {
      std::string from, to;
      words >> from >> to;
      const cbm::EmissionSpan span = cbm::readEmissionSpan(from, to);
      const cbm::EmissionReport r =
          cbm::emissionReport(span.from, span.to, cbm::readPoolRules(ruleValues(words)).emission);
      std::cout << "emission " << r.emitted.str() << " " << r.rate.str() << " " << r.total.str()
                << " " << r.stage << " "
                << (r.nextHalvingAt ? std::to_string(*r.nextHalvingAt) : std::string("none")) << " "
                << r.endsAt << "\n";
    }
  }
  return 0;
}
