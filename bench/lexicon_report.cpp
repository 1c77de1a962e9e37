// The derived zh↔ru lexicon (BilingualLexicon): its size, the time to build it, and either
// the renderings of the words given or a random sample of Chinese entries to judge by hand.
//
//   build/bench/lexicon_report [--sample N] [--seed S] [WORD ...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "bilingual_lexicon.h"
#include "dictionaries.h"
#include "text_analyzer.h"

using namespace techbridge;

namespace {

void print_entry(const std::string& word, const LanguageRenderings& entry) {
    std::printf("%s\t%.2f", word.c_str(), entry.confidence);
    for (const auto& rendering : entry.renderings)
        std::printf("\t%s (%.2f, %d)", rendering.text.c_str(), rendering.weight, rendering.paths);
    std::printf("\n");
}

TokenScript script_of(const std::string& word) {
    const unsigned char first = static_cast<unsigned char>(word[0]);
    if (first < 0x80) return TokenScript::latin;
    if (first == 0xD0 || first == 0xD1) return TokenScript::cyrillic;
    return TokenScript::han;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t sample = 0;
    unsigned seed = 14;
    std::vector<std::string> words;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--sample") && i + 1 < argc) sample = std::stoul(argv[++i]);
        else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) seed = static_cast<unsigned>(std::stoul(argv[++i]));
        else words.push_back(argv[i]);
    }
    const auto start = std::chrono::steady_clock::now();
    const GeneralDictionary& dictionary = Dictionaries::installed().general();
    const double load = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const BilingualLexicon& lexicon = Dictionaries::installed().lexicon();
    std::fprintf(stderr, "dictionaries: %s (loaded in %.2f s)\n", dictionary.status().c_str(), load);
    std::fprintf(stderr, "lexicon: %zu Chinese words with %zu Russian renderings, %zu Russian stems with Chinese ones; derived in %.2f s\n",
                 lexicon.chinese_words(), lexicon.chinese_russian_pairs(), lexicon.russian_keys(), lexicon.build_seconds());
    for (const auto& word : words) {
        for (const auto& entry : lexicon.render(word, script_of(word))) {
            std::printf("[%s] ", std::string(to_string(entry.lang)).c_str());
            print_entry(word, entry);
        }
    }
    if (sample == 0) return 0;
    std::vector<std::string> chinese;
    for (const auto& word : dictionary.chinese_words())
        if (!lexicon.russian_for_chinese(word).renderings.empty()) chinese.push_back(word);
    std::mt19937 random(seed);
    std::shuffle(chinese.begin(), chinese.end(), random);
    if (chinese.size() > sample) chinese.resize(sample);
    for (const auto& word : chinese) {
        std::string english;
        for (const auto& sense : dictionary.english_for_chinese(word)) english += (english.empty() ? "" : "; ") + sense;
        std::printf("%s\t[%s]\t", word.c_str(), english.c_str());
        print_entry(word, lexicon.russian_for_chinese(word));
    }
    return 0;
}
