#pragma once
// A document's text fields analysed once, shared by tagging and indexing.
#include <vector>

#include "document.h"
#include "text_analyzer.h"

namespace techbridge {

struct AnalyzedDocument {
    std::vector<Token> title;
    std::vector<std::vector<Token>> keywords;
    std::vector<Token> summary;
    std::vector<Token> organization;
    std::vector<Token> body;
    // The document's own translations (Document::translations), each title and summary.
    std::vector<std::vector<Token>> translated_titles;
    std::vector<std::vector<Token>> translated_summaries;

    static AnalyzedDocument analyze(const Document& document, TextAnalyzer& analyzer) {
        AnalyzedDocument out;
        out.title = analyzer.analyze(document.title);
        for (const auto& keyword : document.keywords) out.keywords.push_back(analyzer.analyze(keyword));
        out.summary = analyzer.analyze(document.summary);
        out.organization = analyzer.analyze(document.organization);
        out.body = analyzer.analyze(document.body);
        for (const Translation& translation : document.translations) {
            out.translated_titles.push_back(analyzer.analyze(translation.title));
            out.translated_summaries.push_back(analyzer.analyze(translation.summary));
        }
        return out;
    }
};

}  // namespace techbridge
