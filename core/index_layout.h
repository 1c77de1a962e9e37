#pragma once
// How documents are laid out in the Xapian index: term prefixes, value slots and
// field weights. Writers and queries both take them from here.
#include <string>
#include <string_view>

#include <xapian.h>

namespace techbridge::index_layout {

// Boolean filter terms (Xapian's convention: one capital, or X plus capitals).
inline constexpr std::string_view id_prefix = "Q";
inline constexpr std::string_view kind_prefix = "K";
inline constexpr std::string_view lang_prefix = "L";
inline constexpr std::string_view sector_prefix = "XS";
inline constexpr std::string_view region_prefix = "XR";
inline constexpr std::string_view organization_prefix = "XO";
// Bump when the layout below changes: every index must then be rebuilt.
inline constexpr std::string_view revision = "l7";

// Cooperation types the document offers or seeks ("XKlicense").
inline constexpr std::string_view cooperation_prefix = "XK";
// Thesaurus concepts, language-independent ("XClaser-welding"); weighted by mentions.
inline constexpr std::string_view concept_prefix = "XC";
// A concept or any concept under it ("XTwelding" for a document on laser welding), weighted
// by the mentions beneath: one posting list stands for a whole branch of the thesaurus.
inline constexpr std::string_view concept_subtree_prefix = "XT";
// Stemmed forms of Russian and English words (unprefixed terms are the words as written).
inline constexpr std::string_view stem_prefix = "Z";
// Two adjacent Han characters ("XH风电"), without positions: a Chinese word is found by its
// bigrams where the document's segmentation cut it otherwise.
inline constexpr std::string_view bigram_prefix = "XH";

inline constexpr Xapian::valueno trl_slot = 0;        // sortable_serialise(trl)
inline constexpr Xapian::valueno published_slot = 1;  // "YYYY-MM-DD"
inline constexpr Xapian::valueno expires_slot = 2;    // "YYYY-MM-DD"
// What search results are counted by: "facet:value" lines (kind, lang, sector, region,
// trl, cooperation), read per match without touching the term list.
inline constexpr Xapian::valueno facets_slot = 3;
inline constexpr char facet_separator = '\n';

// Within-document frequency added per occurrence, so a word in the title counts
// more than the same word in the body.
inline constexpr Xapian::termcount title_weight = 3;
inline constexpr Xapian::termcount keyword_weight = 2;
inline constexpr Xapian::termcount text_weight = 1;
// Positions skipped between fields so a phrase never spans two fields.
inline constexpr Xapian::termpos field_gap = 100;

// Xapian rejects terms over 245 bytes; longer tokens are left out of the index.
inline constexpr std::size_t max_term_bytes = 240;

// Metadata key recording which analysis and knowledge data built the index.
inline constexpr std::string_view analysis_version_key = "techbridge.analysis_version";

/// The term that identifies a document: "Q" and its id as written, since ids that differ
/// only in case are different documents.
std::string id_term(std::string_view id);

/// A boolean term: the prefix and the value with ASCII letters lower-cased
/// ("XR" + "RU-NVS" -> "XRru-nvs"), so filters are case-insensitive.
std::string boolean_term(std::string_view prefix, std::string_view value);

}  // namespace techbridge::index_layout
