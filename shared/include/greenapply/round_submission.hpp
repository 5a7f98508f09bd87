// greenapply/round_submission.hpp — one submission of a round, taken again out of the files
// received, for the organiser's page to show it read-only ("Check your answers"): check_round's
// rows say where each submission came from (row "source": the file, the message of a mailbox,
// the attached part), not what it said.
#pragma once

#include <vector>

#include "greenapply/json.hpp"

#include "greenapply/round.hpp"

namespace greenapply::round {

// The answers of the submission a row's "source" names ({"file", "message"?, "part"?}), read the
// way check_round read it (the mail module, JSON or XML, match::answers_of). Any file
// may be given by ReceivedFile::read (the page's wasm door gives every file so): only the one
// the source names is read. Throws
// std::invalid_argument when the source names nothing readable among the files, and whatever
// that file's read throws.
greenapply::json submission_answers(const std::vector<ReceivedFile>& files, const greenapply::json& source);

}  // namespace greenapply::round
