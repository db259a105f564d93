// Inputs for the fuzz targets: the fuzzer's own bytes, or a value from a list that reaches the
// edges quickly (limits, exponents, signs, garbage).
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <string>
#include <utility>
#include <vector>

#include "read.hpp"

namespace fuzz {

inline std::string value(FuzzedDataProvider& in) {
  static const char* const kEdges[] = {"0",
                                       "-0",
                                       "1",
                                       "-1",
                                       "2.5",
                                       "0.0001",
                                       "1e-18",
                                       "1e-19",
                                       "1e20",
                                       "1e21",
                                       "1e400",
                                       "-1e400",
                                       "100000000000000000000",
                                       "99999999999999999999.999999999999999999",
                                       "0.1234567890123456789",
                                       "86400",
                                       "86401",
                                       "3153600000",
                                       "3153600001",
                                       "9007199254740991",
                                       "1000000000000",
                                       "1000000000001",
                                       "abc",
                                       "",
                                       " 1",
                                       "1 ",
                                       "NaN",
                                       "Infinity",
                                       "0x10",
                                       "1e",
                                       ".",
                                       "5.",
                                       ".5",
                                       "+7",
                                       "00012",
                                       "7e-7",
                                       "1.0e+3",
                                       "999.99",
                                       "1000",
                                       "4999.999999999999999999",
                                       "30",
                                       "29",
                                       "862068966",
                                       "8",
                                       "63072000",
                                       "252288000",
                                       "none",
                                       "linear",
                                       "exponential",
                                       "30:1,0:0.1",
                                       "8:57471264,4:57471264,2:57471264,1:57471270",
                                       "1:0,2:5",
                                       "0:10,3:7"};
  if (in.ConsumeBool()) return in.ConsumeRandomLengthString(24);
  return kEdges[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kEdges) - 1)];
}

/// Up to four rule values, names right or wrong; lists for the list rules (mostly), none now
/// and then.
inline cbm::RuleValues ruleOverrides(FuzzedDataProvider& in, bool pool) {
  static const char* const kPool[] = {
      "baseRate",     "halvingPeriod", "stages",   "supplyCap", "activationsPerSecond",
      "amortization", "lifetime",      "halfLife", "speed",     "schedule"};
  static const char* const kPoints[] = {
      "base",      "decayRate",    "maxSessionSeconds", "cooldownSeconds",
      "weightCap", "checkinTiers", "pointsTiers",       "inviteTiers",
      "color"};
  cbm::RuleValues rules;
  const int count = in.ConsumeIntegralInRange(0, 4);
  for (int i = 0; i < count; ++i) {
    const std::size_t k = in.ConsumeIntegralInRange<std::size_t>(
        0, pool ? std::size(kPool) - 1 : std::size(kPoints) - 1);
    const std::string name = pool ? kPool[k] : kPoints[k];
    const bool schedule = name == "schedule";
    const bool list = schedule || name.find("Tiers") != std::string::npos;
    if (in.ConsumeIntegralInRange(0, 15) == 0) {
      rules.emplace_back(name, std::monostate{});
    } else if (list && in.ConsumeIntegralInRange(0, 7) != 0) {
      std::vector<cbm::TextRow> rows(in.ConsumeIntegralInRange<std::size_t>(0, 4));
      for (cbm::TextRow& row : rows) {
        row[schedule ? "rate" : "min"] = value(in);
        if (in.ConsumeIntegralInRange(0, 15) != 0)
          row[schedule ? "duration" : "weight"] = value(in);
      }
      rules.emplace_back(name, std::move(rows));
    } else {
      rules.emplace_back(name, value(in));
    }
  }
  return rules;
}

}  // namespace fuzz
