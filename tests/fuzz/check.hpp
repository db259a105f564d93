// What the fuzz targets assert: a violated invariant prints its place and aborts, which
// libFuzzer reports with the input that caused it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "decimal.hpp"

#define FUZZ_CHECK(condition)                                                                    \
  do {                                                                                           \
    if (!(condition)) {                                                                          \
      std::fprintf(stderr, "invariant violated at %s:%d: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                              \
    }                                                                                            \
  } while (0)

namespace fuzz {

/// A Decimal's text is canonical: digits, at most 18 after a point, no trailing zeros.
inline bool canonical(const std::string& text) {
  std::size_t i = text[0] == '-' ? 1 : 0;
  const std::size_t point = text.find('.');
  if (point != std::string::npos) {
    if (text.size() - point - 1 > 18 || text.back() == '0' || point == i) return false;
  }
  for (; i < text.size(); ++i)
    if (!(text[i] >= '0' && text[i] <= '9') && i != point) return false;
  return text != "-0";
}

}  // namespace fuzz
