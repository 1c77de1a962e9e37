#include "evaluation.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "ascii_text.h"
#include "document_store.h"
#include "errors.h"
#include "matcher.h"
#include "searcher.h"
#include "utf8.h"

namespace techbridge {

std::vector<std::string_view> tab_cells(std::string_view line) {
    std::vector<std::string_view> cells;
    std::size_t begin = 0;
    while (true) {
        const std::size_t tab = line.find('\t', begin);
        cells.push_back(trim(line.substr(begin, tab == std::string_view::npos ? std::string_view::npos : tab - begin)));
        if (tab == std::string_view::npos) return cells;
        begin = tab + 1;
    }
}

namespace {

int parsed_grade(std::string_view text) {
    int grade = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), grade);
    return error == std::errc() && end == text.data() + text.size() && grade >= 0 && grade <= 2 ? grade : -1;
}

}  // namespace

void read_qrels_into(Qrels& qrels, const std::string& path, std::string_view content) {
    std::int64_t line_number = 0;
    bool first = true;
    for (std::size_t begin = 0; begin < content.size();) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string_view::npos) end = content.size();
        const std::string_view line = content.substr(begin, end - begin);
        begin = end + 1;
        ++line_number;
        if (trim(line).empty() || trim(line).front() == '#') continue;
        const std::string where = path + ":" + std::to_string(line_number) + ": ";
        if (const auto bad = find_invalid_utf8(line))
            throw InvalidInputError(where + "record: invalid UTF-8 at byte " + std::to_string(*bad));
        const auto cells = tab_cells(line);
        const bool header = first && cells.size() == 3 && cells[0] == "demand_id" && cells[1] == "offer_id" &&
                            cells[2] == "grade";
        first = false;
        if (header) continue;
        const int grade = cells.size() == 3 ? parsed_grade(cells[2]) : -1;
        if (grade < 0 || cells[0].empty() || cells[1].empty())
            throw InvalidInputError(where + "grade: expected demand_id<TAB>offer_id<TAB>grade with grade 0, 1 or 2");
        auto& grades = qrels.judgments[std::string(cells[0])];
        if (cells[1] != "-" && grade > 0) grades[std::string(cells[1])] = grade;
    }
}

Qrels read_qrels(const std::string& path, std::string_view content) {
    Qrels qrels;
    read_qrels_into(qrels, path, content);
    return qrels;
}

void judge_unlisted_as_unmatched(Qrels& qrels, const std::vector<std::string>& demand_ids) {
    for (const auto& id : demand_ids) qrels.judgments.try_emplace(id);
}

double ndcg_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades, std::size_t k) {
    auto gain = [](int grade) { return std::pow(2.0, grade) - 1; };
    double dcg = 0;
    for (std::size_t i = 0; i < ranking.size() && i < k; ++i) {
        const auto it = grades.find(ranking[i]);
        if (it != grades.end()) dcg += gain(it->second) / std::log2(static_cast<double>(i) + 2);
    }
    std::vector<int> ideal;
    for (const auto& [id, grade] : grades) ideal.push_back(grade);
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && i < k; ++i) idcg += gain(ideal[i]) / std::log2(static_cast<double>(i) + 2);
    return idcg > 0 ? dcg / idcg : 0;
}

double reciprocal_rank(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades) {
    for (std::size_t i = 0; i < ranking.size(); ++i)
        if (grades.contains(ranking[i])) return 1.0 / static_cast<double>(i + 1);
    return 0;
}

double recall_at(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades, std::size_t k) {
    if (grades.empty()) return 0;
    std::size_t found = 0;
    for (std::size_t i = 0; i < ranking.size() && i < k; ++i) found += grades.contains(ranking[i]);
    return static_cast<double>(found) / static_cast<double>(grades.size());
}

namespace {

void add(MetricSet& set, const std::vector<std::string>& ranking, const std::map<std::string, int>& grades) {
    ++set.queries;
    set.ndcg10 += ndcg_at(ranking, grades, 10);
    set.mrr += reciprocal_rank(ranking, grades);
    set.recall20 += recall_at(ranking, grades, 20);
}

void average(std::map<std::string, MetricSet>& sets) {
    for (auto& [name, set] : sets) {
        if (set.queries == 0) continue;
        const double n = static_cast<double>(set.queries);
        set.ndcg10 /= n;
        set.mrr /= n;
        set.recall20 /= n;
    }
}

std::vector<std::string> ids(const MatchResult& result) {
    std::vector<std::string> out;
    for (const auto& candidate : result.candidates) out.push_back(candidate.id);
    return out;
}

std::vector<std::string> ids(const SearchResult& result) {
    std::vector<std::string> out;
    for (const auto& hit : result.hits) out.push_back(hit.id);
    return out;
}

}  // namespace

EvaluationReport evaluate(const StoragePaths& paths, const MatchingData& data, const Qrels& qrels, const EvaluationOptions& options) {
    EvaluationReport report;
    DocumentStore store(paths.store_file());
    Matcher matcher(paths, data);
    matcher.set_today(options.as_of);
    Searcher searcher(paths, data.knowledge, data.dictionaries);
    auto searched = [&](const std::string& title, std::optional<Language> lang) {
        SearchRequest request;
        request.query = title;
        request.filters.kind = DocumentKind::offer;
        request.filters.lang = lang;
        request.limit = 20;
        return ids(searcher.search(request));
    };
    std::map<std::string, Language> languages;
    auto language_of = [&](const std::string& id) -> std::optional<Language> {
        if (const auto it = languages.find(id); it != languages.end()) return it->second;
        const auto stored = store.summary(id);
        if (!stored) return std::nullopt;
        return languages[id] = stored->lang;
    };

    for (const auto& [demand, grades] : qrels.judgments) {
        const auto demand_lang = language_of(demand);
        if (!demand_lang)
            throw InvalidInputError("qrels: demand \"" + demand + "\" is not in the store; index the evaluation demands first");
        MatchRequest request;
        request.id = demand;
        request.target = DocumentKind::offer;
        request.limit = 20;
        const MatchResult result = matcher.match(request);
        report.demands.push_back({demand, !grades.empty(),
                                  result.candidates.empty() ? 0.0 : result.candidates.front().score,
                                  result.no_strong_candidate});
        if (grades.empty()) {
            ++report.no_match_demands;
            report.no_match_flagged += result.no_strong_candidate;
            continue;
        }
        ++report.matched_demands;
        const std::string title = store.summary(demand)->title;
        report.demands.back().ndcg10 = ndcg_at(ids(result), grades, 10);
        report.matched_but_flagged += result.no_strong_candidate;
        MatchRequest baseline = request;
        baseline.words_only = true;
        add(report.techbridge["all"], ids(result), grades);
        add(report.baseline["all"], ids(matcher.match(baseline)), grades);
        add(report.search["all"], searched(title, std::nullopt), grades);

        for (const Language target : {Language::zh, Language::ru, Language::en}) {
            std::map<std::string, int> in_target;
            for (const auto& [offer, grade] : grades) {
                const auto lang = language_of(offer);
                if (!lang) throw InvalidInputError("qrels: offer \"" + offer + "\" is not in the store");
                if (*lang == target) in_target[offer] = grade;
            }
            if (in_target.empty()) continue;
            const std::string pair = std::string(to_string(*demand_lang)) + "→" + std::string(to_string(target));
            MatchRequest pair_request = request;
            pair_request.filters.lang = target;
            add(report.techbridge[pair], ids(matcher.match(pair_request)), in_target);
            pair_request.words_only = true;
            add(report.baseline[pair], ids(matcher.match(pair_request)), in_target);
            add(report.search[pair], searched(title, target), in_target);
        }
    }
    average(report.techbridge);
    average(report.baseline);
    average(report.search);
    return report;
}

}  // namespace techbridge
