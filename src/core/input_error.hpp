// The one error type of the core: bad input, named by the field it came from.
#pragma once

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cbm {

/// What is wrong with an input, for a machine: a kind ("not-positive", "not-whole", "not-a-date",
/// ...) and its parameters ({"got", "-5"}, {"min", "1"}), enough to say it in another language.
struct Problem {
  std::string kind = "invalid";
  std::vector<std::pair<std::string, std::string>> params;
};

/// Thrown for any input the SPEC does not accept. `field` is the path of the offending value
/// ("activations[3].units"), `reason` says in English what is wrong and what was given, and
/// `problem` says the same for a machine.
class InputError : public std::invalid_argument {
 public:
  InputError(std::string field, const std::string& reason, Problem problem = {})
      : std::invalid_argument(field.empty() ? reason : field + ": " + reason),
        field_(std::move(field)),
        problem_(std::move(problem)) {}

  const std::string& field() const noexcept { return field_; }
  const Problem& problem() const noexcept { return problem_; }

 private:
  std::string field_;
  Problem problem_;
};

/// Quotes a user-supplied text for an error message, shortened so that a megabyte of garbage
/// does not become a megabyte of message.
std::string quote(const std::string& text);

}  // namespace cbm
