#pragma once
// The documents a query matches, as a smaller query that only matches.
#include <xapian.h>

namespace techbridge {

/// A query matching exactly the documents `query` matches, with no weights: scaled
/// subqueries unscaled, synonym groups as plain OR, nested ANDs and ORs flattened, a
/// subquery repeated under one AND or OR kept once, and an AND under an OR dropped when
/// one of its own subqueries is already one of the OR's (t OR (t AND u) is t). AND_MAYBE
/// keeps its left side (the right only ranks). Other operators (phrases, AND_NOT, value
/// ranges) are kept, their subqueries reduced where they stand for plain matching.
///
/// Why: a query's parts are written for ranking and meet the same term many times (a
/// concept's labels, a word's renderings, the pieces of a word); counting and filtering
/// by them costs one posting list per leaf, so the leaves are counted once.
Xapian::Query boolean_form(const Xapian::Query& query);

}  // namespace techbridge
