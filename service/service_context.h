#pragma once
// What the use cases share, built once by the program (or a test) and passed down, so that
// nothing under it reaches for process-wide data of its own: the knowledge base, the
// general dictionaries, the settings of matching and of the expo planner.
#include "dictionaries.h"
#include "expo_settings.h"
#include "knowledge_base.h"
#include "matcher.h"
#include "matching_settings.h"

namespace techbridge {

struct ServiceContext {
    const KnowledgeBase& knowledge;
    const Dictionaries& dictionaries;
    const MatchingSettings& matching;
    const ExpoSettings& expo;

    MatchingData matching_data() const { return {knowledge, matching, dictionaries}; }

    /// The data compiled into the program (corpus/) and the installed dictionaries, or, for
    /// tuning, the settings files the environment names (TECHBRIDGE_MATCHING_CONFIG).
    static ServiceContext builtin() {
        return {KnowledgeBase::builtin(), Dictionaries::installed(), MatchingSettings::builtin(), ExpoSettings::builtin()};
    }
};

}  // namespace techbridge
