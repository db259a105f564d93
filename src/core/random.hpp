// Seeded random numbers that are the same natively, in WASM and in every browser: a named
// generator and a named transform written out here, since the standard library's distributions
// differ between libstdc++ and libc++. xoshiro256** (Blackman and Vigna), seeded by splitmix64;
// normal deviates by Marsaglia's polar method, whose logarithm is the double-double log1p (no
// libm: IEEE operations only, and the build allows no fused multiply-add).
#pragma once

#include <cmath>
#include <cstdint>

#include "double_double.hpp"

namespace cbm {

class RandomStream {
 public:
  /// Stream `stream` of seed `seed`: each (seed, stream) pair starts its own sequence, so run r
  /// of a Monte Carlo draws the same numbers however many runs come before it.
  RandomStream(std::uint64_t seed, std::uint64_t stream) {
    std::uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    for (std::uint64_t& word : s_) word = splitMix64(x);
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

  /// Uniform in [0, 1): the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }

  /// A standard normal deviate (mean 0, variance 1).
  double normal() {
    if (hasSpare_) {
      hasSpare_ = false;
      return spare_;
    }
    for (;;) {
      const double u = 2 * uniform() - 1, v = 2 * uniform() - 1, s = u * u + v * v;
      if (s >= 1 || s == 0) continue;
      const double scale = std::sqrt(-2 * log1p(DoubleDouble(s - 1)).toDouble() / s);
      spare_ = v * scale;
      hasSpare_ = true;
      return u * scale;
    }
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  static std::uint64_t splitMix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  std::uint64_t s_[4];
  double spare_ = 0;
  bool hasSpare_ = false;
};

}  // namespace cbm
