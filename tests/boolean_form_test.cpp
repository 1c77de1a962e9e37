#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include <xapian.h>

#include "boolean_form.h"

using namespace techbridge;

// boolean_form (search/boolean_form.h), table-driven: a query as the ranking writes it, and
// the description of the matching-only query it reduces to.
namespace {

using Q = Xapian::Query;

Q any(std::vector<Q> queries) { return Q(Q::OP_OR, queries.begin(), queries.end()); }
Q all(std::vector<Q> queries) { return Q(Q::OP_AND, queries.begin(), queries.end()); }
Q synonyms(std::vector<Q> queries) { return Q(Q::OP_SYNONYM, queries.begin(), queries.end()); }
Q scaled(const Q& query, double factor) { return Q(Q::OP_SCALE_WEIGHT, query, factor); }

struct BooleanCase {
    Q input;
    std::string expected;
};

}  // namespace

TEST_CASE("boolean form: weights go, each subquery is kept once, absorbed ANDs are dropped") {
    const std::vector<BooleanCase> cases = {
        {Q(), "Query()"},
        {Q("Zweld"), "Query(Zweld)"},
        {scaled(Q("Zweld"), 0.4), "Query(Zweld)"},
        // A synonym group matches what its members match.
        {synonyms({Q("XTwelding"), Q("焊接"), Q("Zсварк")}), "Query((XTwelding OR Zсварк OR 焊接))"},
        // Nested ORs flattened, a repeated term kept once.
        {any({Q("Zweld"), scaled(synonyms({Q("Zсварк"), Q("焊接")}), 0.4), synonyms({Q("XTwelding"), Q("Zweld")})}),
         "Query((XTwelding OR Zweld OR Zсварк OR 焊接))"},
        // t OR (t AND u) is t; an AND with no term of the OR stays.
        {any({Q("Zlaser"), all({Q("Zlaser"), Q("Zsourc")}), all({Q("Zлазерн"), Q("Zисточник")})}),
         "Query(((Zисточник AND Zлазерн) OR Zlaser))"},
        // Nested ANDs flattened; an AND meeting nothing is nothing, and an OR drops it.
        {all({Q("a"), all({Q("b"), Q("a")})}), "Query((a AND b))"},
        {any({Q("a"), all({Q("b"), Q()})}), "Query(a)"},
        // AND_MAYBE keeps what decides the match; FILTER is an AND.
        {Q(Q::OP_AND_MAYBE, Q("a"), Q("b")), "Query(a)"},
        {Q(Q::OP_FILTER, Q("a"), scaled(Q("b"), 2)), "Query((a AND b))"},
        // AND_NOT and phrases are kept, their own subqueries reduced.
        {Q(Q::OP_AND_NOT, synonyms({Q("a"), Q("a")}), scaled(Q("b"), 0.5)), "Query((a AND_NOT b))"},
        {Q(Q::OP_PHRASE, Q("laser"), Q("welding")), "Query((laser PHRASE 2 welding))"},
    };
    for (const auto& [input, expected] : cases) {
        CAPTURE(input.get_description());
        CHECK(boolean_form(input).get_description() == expected);
    }
}

TEST_CASE("boolean form: matches exactly the documents of the query it reduces") {
    Xapian::WritableDatabase index(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::vector<std::string>> documents = {{"a"}, {"a", "b"}, {"b", "c"}, {"c"}, {"a", "c", "d"}};
    for (const auto& terms : documents) {
        Xapian::Document document;
        for (const auto& term : terms) document.add_term(term);
        index.add_document(document);
    }
    auto matches = [&](const Q& query) {
        Xapian::Enquire enquire(index);
        enquire.set_query(query);
        std::vector<Xapian::docid> ids;
        const Xapian::MSet found = enquire.get_mset(0, 10);
        for (auto it = found.begin(); it != found.end(); ++it) ids.push_back(*it);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    const std::vector<Q> queries = {
        any({scaled(Q("a"), 0.3), all({Q("a"), Q("b")}), synonyms({Q("c"), all({Q("c"), Q("d")})})}),
        all({any({Q("a"), Q("b")}), any({Q("c"), all({Q("b"), Q("c")})})}),
        Q(Q::OP_AND_MAYBE, Q("c"), Q("a")),
        Q(Q::OP_AND_NOT, any({Q("a"), Q("c")}), synonyms({Q("d"), Q("b")})),
    };
    for (const Q& query : queries) {
        CAPTURE(query.get_description());
        const auto expected = matches(query);
        CHECK_FALSE(expected.empty());
        CHECK(matches(boolean_form(query)) == expected);
    }
}
