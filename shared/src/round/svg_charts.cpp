#include "greenapply/round.hpp"
