#include "boolean_form.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace techbridge {
namespace {

// A query as a tree of terms under AND and OR, each node with a key that is the same for
// nodes matching the same documents by the same structure.
struct Node {
    enum class Kind { nothing, term, all, any, kept } kind = Kind::nothing;
    std::string key;
    std::vector<Node> children;  // of `all` and `any`
    Xapian::Query query;         // of `term` and `kept`
};

Node reduce(const Xapian::Query& query);

Xapian::Query to_query(const Node& node) {
    std::vector<Xapian::Query> subqueries;
    for (const Node& child : node.children) subqueries.push_back(to_query(child));
    switch (node.kind) {
        case Node::Kind::all: return Xapian::Query(Xapian::Query::OP_AND, subqueries.begin(), subqueries.end());
        case Node::Kind::any: return Xapian::Query(Xapian::Query::OP_OR, subqueries.begin(), subqueries.end());
        case Node::Kind::nothing: return Xapian::Query();
        default: return node.query;
    }
}

// The children of `query`, those under the same operator taken up into `kind`'s list.
std::vector<Node> flattened(const Xapian::Query& query, Node::Kind kind) {
    std::vector<Node> children;
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        Node child = reduce(query.get_subquery(i));
        if (child.kind == kind) {
            for (Node& grandchild : child.children) children.push_back(std::move(grandchild));
        } else {
            children.push_back(std::move(child));
        }
    }
    return children;
}

void keep_each_once(std::vector<Node>& children) {
    std::sort(children.begin(), children.end(), [](const Node& a, const Node& b) { return a.key < b.key; });
    children.erase(std::unique(children.begin(), children.end(), [](const Node& a, const Node& b) { return a.key == b.key; }),
                   children.end());
}

Node joined(Node::Kind kind, std::vector<Node> children) {
    if (children.size() == 1) return std::move(children.front());
    if (children.empty()) return {};
    Node node{kind, "(", std::move(children), {}};
    for (const Node& child : node.children) node.key += child.key + (kind == Node::Kind::all ? "&" : "|");
    node.key += ")";
    return node;
}

Node all_of(const Xapian::Query& query) {
    std::vector<Node> children = flattened(query, Node::Kind::all);
    if (std::any_of(children.begin(), children.end(), [](const Node& child) { return child.kind == Node::Kind::nothing; }))
        return {};
    keep_each_once(children);
    return joined(Node::Kind::all, std::move(children));
}

Node any_of(const Xapian::Query& query) {
    std::vector<Node> children = flattened(query, Node::Kind::any);
    std::erase_if(children, [](const Node& child) { return child.kind == Node::Kind::nothing; });
    keep_each_once(children);
    std::unordered_set<std::string> alone;
    for (const Node& child : children) alone.insert(child.key);
    std::erase_if(children, [&](const Node& child) {  // absorbed: t OR (t AND u) is t
        return child.kind == Node::Kind::all && std::any_of(child.children.begin(), child.children.end(),
                                                            [&](const Node& inner) { return alone.contains(inner.key); });
    });
    return joined(Node::Kind::any, std::move(children));
}

// An operator kept as it is, its subqueries reduced (AND_NOT's exclusions, a NEAR's words).
Node kept(const Xapian::Query& query, bool reduce_subqueries) {
    Xapian::Query rebuilt = query;
    if (reduce_subqueries) {
        std::vector<Xapian::Query> subqueries;
        for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) subqueries.push_back(to_query(reduce(query.get_subquery(i))));
        rebuilt = Xapian::Query(query.get_type(), subqueries.begin(), subqueries.end());
    }
    return {Node::Kind::kept, "[" + rebuilt.get_description() + "]", {}, rebuilt};
}

Node reduce(const Xapian::Query& query) {
    switch (query.get_type()) {
        case Xapian::Query::LEAF_MATCH_NOTHING: return {};
        case Xapian::Query::LEAF_TERM: {
            const std::string term = *query.get_terms_begin();
            return {Node::Kind::term, "T" + term, {}, Xapian::Query(term)};
        }
        case Xapian::Query::OP_SCALE_WEIGHT:
        case Xapian::Query::OP_AND_MAYBE: return reduce(query.get_subquery(0));
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM: return any_of(query);
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER: return all_of(query);
        case Xapian::Query::OP_AND_NOT: return kept(query, true);
        default: return kept(query, false);
    }
}

}  // namespace

Xapian::Query boolean_form(const Xapian::Query& query) { return to_query(reduce(query)); }

}  // namespace techbridge
