# The two commands a newcomer needs: `make run` and `make test`.
BUILD_DIR ?= build
DB ?= $(BUILD_DIR)/corpus-db
HOST ?= 127.0.0.1
PORT ?= 8080
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps build test run index bench clean fuzz eval-real eval-search

all: build

deps:
	@scripts/install-deps

$(BUILD_DIR)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) --parallel $(JOBS)

test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure --parallel $(JOBS)

index: build
	$(BUILD_DIR)/techbridge index --db $(DB) corpus/documents

run: index
	$(BUILD_DIR)/techbridge serve --db $(DB) --host $(HOST) --port $(PORT)

bench: build
	$(BUILD_DIR)/bench/index_throughput
	$(BUILD_DIR)/bench/match_speed
	$(BUILD_DIR)/bench/search_speed
	bench/http_search.sh --connections 16
	bench/http_search.sh --connections 32

# Search measured on the judged keyword queries over the sample corpus (tests/eval/queries.tsv).
eval-search: build
	rm -rf $(BUILD_DIR)/eval-search-db
	$(BUILD_DIR)/techbridge index --db $(BUILD_DIR)/eval-search-db corpus/documents > /dev/null
	$(BUILD_DIR)/techbridge eval --db $(BUILD_DIR)/eval-search-db --queries tests/eval/queries.tsv

# Matching measured on real public text: our set (tests/eval/real) and, when present, the
# held-out set in ../shared/data/real-dev, each indexed with the sample corpus.
REAL_DEV ?= ../shared/data/real-dev

eval-real: build
	rm -rf $(BUILD_DIR)/eval-real-db
	$(BUILD_DIR)/techbridge index --db $(BUILD_DIR)/eval-real-db corpus/documents tests/eval/real/docs.jsonl > /dev/null
	$(BUILD_DIR)/techbridge eval --db $(BUILD_DIR)/eval-real-db --qrels tests/eval/real/qrels.tsv --demands-of tests/eval/real/docs.jsonl \
	  --queries tests/eval/real/queries.tsv
	@if ls $(REAL_DEV)/*-docs.jsonl > /dev/null 2>&1; then \
	  rm -rf $(BUILD_DIR)/eval-real-dev-db; \
	  $(BUILD_DIR)/techbridge index --db $(BUILD_DIR)/eval-real-dev-db corpus/documents $(REAL_DEV)/*-docs.jsonl > /dev/null; \
	  echo "== $(REAL_DEV)"; \
	  $(BUILD_DIR)/techbridge eval --db $(BUILD_DIR)/eval-real-dev-db $(foreach f,$(wildcard $(REAL_DEV)/*-qrels.tsv),--qrels $(f)) \
	    $(foreach f,$(wildcard $(REAL_DEV)/*-docs.jsonl),--demands-of $(f)) \
	    $(foreach f,$(wildcard $(REAL_DEV)/*-queries.tsv),--queries $(f)); \
	fi

clean:
	rm -rf $(BUILD_DIR)

# Fuzzing: every target in tests/fuzz for FUZZ_SECONDS each (after replaying the kept
# crash inputs in tests/fuzz/regressions), in a clang build of its own.
FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 60

fuzz: deps
	cmake -S . -B $(FUZZ_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 -DTECHBRIDGE_FUZZ=ON
	cmake --build $(FUZZ_DIR) --parallel $(JOBS)
	scripts/run-fuzzers $(FUZZ_DIR) $(FUZZ_SECONDS)
