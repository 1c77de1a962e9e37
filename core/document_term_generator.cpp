#include "document_term_generator.h"

#include "index_layout.h"

namespace techbridge {

namespace layout = index_layout;

namespace {

std::string facet_lines(const Document& document, const DocumentTags& tags) {
    std::string out;
    auto add = [&out](std::string_view facet, std::string_view value) {
        if (!out.empty()) out.push_back(layout::facet_separator);
        out.append(facet).push_back(':');
        out.append(value);
    };
    add("kind", to_string(document.kind));
    add("lang", to_string(document.lang));
    for (const auto& sector : tags.sectors) add("sector", sector.id);
    for (const auto& region : tags.regions) add("region", region.id);
    if (document.trl) add("trl", std::to_string(*document.trl));
    for (const auto& type : document.cooperation) add("cooperation", type);
    return out;
}

}  // namespace

void DocumentTermGenerator::index_tokens(Xapian::Document& out, const std::vector<Token>& tokens,
                                         Xapian::termcount weight) {
    if (tokens.empty()) return;
    Xapian::termpos last = next_position_;
    for (const Token& token : tokens) {
        if (token.term.size() > layout::max_term_bytes) continue;
        if (token.role == TokenRole::bigram) {
            out.add_term(std::string(layout::bigram_prefix) + token.term, weight);
            continue;
        }
        const Xapian::termpos position = next_position_ + token.position;
        out.add_posting(token.term, position, weight);
        if (!token.stem.empty() && !token.stopword && token.stem.size() < layout::max_term_bytes) {
            out.add_term(std::string(layout::stem_prefix) + token.stem, weight);
        }
        last = std::max(last, position);
    }
    next_position_ = last + layout::field_gap;
}

Xapian::Document DocumentTermGenerator::generate(const Document& document, const AnalyzedDocument& analyzed,
                                                 const DocumentTags& tags) {
    Xapian::Document out;
    next_position_ = 0;
    out.set_data(document.id);
    out.add_boolean_term(layout::id_term(document.id));
    out.add_boolean_term(layout::boolean_term(layout::kind_prefix, to_string(document.kind)));
    out.add_boolean_term(layout::boolean_term(layout::lang_prefix, to_string(document.lang)));
    for (const auto& sector : tags.sectors) out.add_boolean_term(layout::boolean_term(layout::sector_prefix, sector.id));
    for (const auto& region : tags.regions) out.add_boolean_term(layout::boolean_term(layout::region_prefix, region.id));
    for (const auto& type : document.cooperation)
        out.add_boolean_term(layout::boolean_term(layout::cooperation_prefix, type));
    for (const auto& mention : tags.concepts) {
        const auto count = static_cast<Xapian::termcount>(mention.count);
        out.add_term(layout::boolean_term(layout::concept_prefix, mention.concept_id), count);
        out.add_term(layout::boolean_term(layout::concept_subtree_prefix, mention.concept_id), count);
        for (const Concept* broader : thesaurus_.ancestors(mention.concept_id))
            out.add_term(layout::boolean_term(layout::concept_subtree_prefix, broader->id), count);
    }
    if (!document.organization.empty()) {
        out.add_boolean_term(
            layout::boolean_term(layout::organization_prefix, analyzer_.normalize(document.organization)));
    }
    if (document.trl) out.add_value(layout::trl_slot, Xapian::sortable_serialise(*document.trl));
    if (!document.published.empty()) out.add_value(layout::published_slot, document.published);
    if (!document.expires.empty()) out.add_value(layout::expires_slot, document.expires);
    out.add_value(layout::facets_slot, facet_lines(document, tags));

    index_tokens(out, analyzed.title, layout::title_weight);
    for (const auto& keyword : analyzed.keywords) index_tokens(out, keyword, layout::keyword_weight);
    index_tokens(out, analyzed.summary, layout::text_weight);
    index_tokens(out, analyzed.organization, layout::text_weight);
    index_tokens(out, analyzed.body, layout::text_weight);
    // The author's own translations are searched as the title and summary are.
    for (const auto& title : analyzed.translated_titles) index_tokens(out, title, layout::title_weight);
    for (const auto& summary : analyzed.translated_summaries) index_tokens(out, summary, layout::text_weight);
    return out;
}

}  // namespace techbridge
