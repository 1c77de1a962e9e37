#pragma once
// The techbridge commands. Each returns the process exit status:
// 0 success, 1 failure, 2 usage error, 3 some input records were rejected.
namespace techbridge::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;
inline constexpr int exit_rejected = 3;

int run_index(int argc, char** argv);
int run_search(int argc, char** argv);
int run_show(int argc, char** argv);
int run_stats(int argc, char** argv);
int run_reindex(int argc, char** argv);
int run_serve(int argc, char** argv);
int run_concepts(int argc, char** argv);
int run_coverage(int argc, char** argv);
int run_match(int argc, char** argv);
int run_match_all(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_landscape(int argc, char** argv);
int run_expo(int argc, char** argv);
int run_check(int argc, char** argv);
int run_export(int argc, char** argv);
int run_backup(int argc, char** argv);
int run_shard(int argc, char** argv);

}  // namespace techbridge::cli
