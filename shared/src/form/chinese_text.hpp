// Chinese typography checks for lint: what in a Chinese text a Chinese reader would notice as
// not Chinese typesetting. Pure: text in, snippets out.
#pragma once

#include <string>
#include <vector>

namespace greenapply::form {

// The problems of one Chinese text, each as the snippet that shows it: a half-width , ; : ? ! ( )
// or a full stop beside a Chinese character ("企业,"), or an English word that is neither a code
// (has a digit, e.g. "CN114512345A", "LC3") nor a name or abbreviation on the allow-list
// ("WIPO", "TRL", "PCT"). Not text, so not checked: {placeholders}, e-mail and web addresses,
// and an English original in full-width brackets with no Chinese in them, given after the
// Chinese name ("创蓝碳中和先锋奖（Bluetech Carbon Neutrality Pioneers Award）").
std::vector<std::string> chinese_typography_problems(const std::string& text);

}  // namespace greenapply::form
