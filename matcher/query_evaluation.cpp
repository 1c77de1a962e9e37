#include "query_evaluation.h"

#include <algorithm>

#include "document_store.h"
#include "errors.h"
#include "evaluation.h"
#include "searcher.h"
#include "utf8.h"

namespace techbridge {

namespace {

JudgedQuery parse_query_line(const std::string& where, std::string_view line) {
    if (const auto bad = find_invalid_utf8(line))
        throw InvalidInputError(where + ": invalid UTF-8 at byte " + std::to_string(*bad) + "; save the file as UTF-8");
    const auto fields = tab_cells(line);
    if (fields.size() != 4)
        throw InvalidInputError(where + ": expected 4 tab-separated fields (qid, lang, query, ids), got " +
                                std::to_string(fields.size()));
    JudgedQuery query{std::string(fields[0]), Language::en, std::string(fields[2]), {}};
    const auto lang = parse_language(fields[1]);
    if (!lang) throw InvalidInputError(where + ": lang must be zh, ru or en, got \"" + std::string(fields[1]) + "\"");
    query.lang = *lang;
    if (query.id.empty() || query.text.empty()) throw InvalidInputError(where + ": the qid and the query must not be empty");
    for (std::size_t begin = 0; begin <= fields[3].size();) {
        const std::size_t comma = std::min(fields[3].find(',', begin), fields[3].size());
        if (comma > begin) query.relevant.emplace(fields[3].substr(begin, comma - begin));
        begin = comma + 1;
    }
    if (query.relevant.empty()) throw InvalidInputError(where + ": no relevant document listed");
    return query;
}

}  // namespace

std::vector<JudgedQuery> read_judged_queries(const std::string& path, std::string_view content) {
    std::vector<JudgedQuery> queries;
    std::set<std::string> seen;
    std::size_t number = 0;
    for (std::size_t begin = 0; begin < content.size();) {
        const std::size_t end = std::min(content.find('\n', begin), content.size());
        std::string_view line = content.substr(begin, end - begin);
        begin = end + 1;
        ++number;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#' || (number == 1 && line.starts_with("qid\t"))) continue;
        const std::string where = path + ":" + std::to_string(number);
        JudgedQuery query = parse_query_line(where, line);
        if (!seen.insert(query.id).second) throw InvalidInputError(where + ": qid \"" + query.id + "\" given twice");
        queries.push_back(std::move(query));
    }
    return queries;
}

double QuerySetMetrics::same_language_recall10() const {
    return same_language_relevant ? double(same_language_found) / double(same_language_relevant) : 0;
}

double QuerySetMetrics::other_language_recall10() const {
    return other_language_relevant ? double(other_language_found) / double(other_language_relevant) : 0;
}

namespace {

void count(QuerySetMetrics& set, const QueryOutcome& outcome, const JudgedQuery& query,
           const std::map<std::string, Language>& languages) {
    ++set.queries;
    set.ndcg10 += outcome.ndcg10;
    for (const std::string& id : query.relevant) {
        const auto lang = languages.find(id);
        if (lang == languages.end()) continue;
        const bool found = std::find(outcome.top10.begin(), outcome.top10.end(), id) != outcome.top10.end();
        if (lang->second == query.lang) {
            ++set.same_language_relevant;
            set.same_language_found += found;
        } else {
            ++set.other_language_relevant;
            set.other_language_found += found;
        }
    }
}

}  // namespace

QueryEvaluationReport evaluate_queries(const StoragePaths& paths, const MatchingData& data,
                                       const std::vector<JudgedQuery>& queries) {
    QueryEvaluationReport report;
    DocumentStore store(paths.store_file(), StoreAccess::read_only);
    std::map<std::string, Language> languages;
    for (const JudgedQuery& query : queries)
        for (const std::string& id : query.relevant) {
            if (languages.contains(id)) continue;
            if (const auto stored = store.get(id)) languages.emplace(id, stored->document.lang);
            else if (std::find(report.unknown_documents.begin(), report.unknown_documents.end(), id) ==
                     report.unknown_documents.end())
                report.unknown_documents.push_back(id);
        }
    Searcher searcher(paths, data.knowledge, data.dictionaries);
    for (const JudgedQuery& query : queries) {
        SearchRequest request;
        request.query = query.text;
        request.limit = 10;
        QueryOutcome outcome{query.id, 0, {}, {}};
        for (const SearchHit& hit : searcher.search(request).hits) outcome.top10.push_back(hit.id);
        std::map<std::string, int> grades;
        for (const std::string& id : query.relevant) {
            grades.emplace(id, 1);
            if (std::find(outcome.top10.begin(), outcome.top10.end(), id) == outcome.top10.end()) outcome.missed.push_back(id);
        }
        outcome.ndcg10 = ndcg_at(outcome.top10, grades, 10);
        count(report.sets["all"], outcome, query, languages);
        count(report.sets[std::string(to_string(query.lang))], outcome, query, languages);
        report.queries.push_back(std::move(outcome));
    }
    for (auto& [name, set] : report.sets)
        if (set.queries) set.ndcg10 /= double(set.queries);
    return report;
}

}  // namespace techbridge
