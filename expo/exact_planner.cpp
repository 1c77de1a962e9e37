#include "exact_planner.h"

#include <glpk.h>

#include <algorithm>
#include <map>
#include <memory>

namespace techbridge {

namespace {

/// A row of the integer program: sum of the listed columns (coefficient 1) <= bound.
struct Row {
    std::vector<int> columns;
    double bound = 0;
};

using Problem = std::unique_ptr<glp_prob, void (*)(glp_prob*)>;

/// A maximisation over 0-1 columns with these objective coefficients, one row per entry of
/// `rows` (sum of its columns <= bound); columns binary when `integer`, else in [0, 1].
Problem build_problem(const std::vector<double>& objective, const std::map<std::pair<int, std::size_t>, Row>& rows,
                      bool integer) {
    Problem problem(glp_create_prob(), glp_delete_prob);
    glp_set_obj_dir(problem.get(), GLP_MAX);
    glp_add_cols(problem.get(), static_cast<int>(objective.size()));
    for (std::size_t j = 0; j < objective.size(); ++j) {
        const int index = static_cast<int>(j) + 1;  // GLPK counts from 1
        if (integer) glp_set_col_kind(problem.get(), index, GLP_BV);
        else glp_set_col_bnds(problem.get(), index, GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(problem.get(), index, objective[j]);
    }
    glp_add_rows(problem.get(), static_cast<int>(rows.size()));
    int i = 0;
    for (const auto& [key, r] : rows) {
        ++i;
        glp_set_row_bnds(problem.get(), i, GLP_UP, 0.0, r.bound);
        std::vector<int> indices(1, 0);
        indices.insert(indices.end(), r.columns.begin(), r.columns.end());
        std::vector<double> ones(indices.size(), 1.0);
        glp_set_mat_row(problem.get(), i, static_cast<int>(r.columns.size()), indices.data(), ones.data());
    }
    return problem;
}

/// Which slots each participant (or interpreter) is available in.
std::vector<std::vector<bool>> availability(std::size_t slots, const auto& people) {
    std::vector<std::vector<bool>> out(people.size(), std::vector<bool>(slots, false));
    for (std::size_t p = 0; p < people.size(); ++p)
        for (const std::size_t s : people[p].available) out[p][s] = true;
    return out;
}

/// A column of the integer program: a meeting in a slot, with an interpreter or -1.
struct Column {
    std::size_t candidate, slot;
    int interpreter;
};

/// Every placement the constraints allow alone; counted before any is stored, so an
/// oversized program (more than max_columns) costs nothing but the count.
std::optional<std::vector<Column>> placement_columns(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                                     std::size_t max_columns) {
    const std::size_t slots = event.slots.size();
    const auto available = availability(slots, event.participants);
    const auto interpreter_available = availability(slots, event.interpreters);
    std::vector<std::vector<int>> interpreters_for(candidates.size());
    std::size_t count = 0;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto& m = candidates[c];
        if (m.needs_interpreter)
            for (std::size_t i = 0; i < event.interpreters.size(); ++i)
                if (can_interpret(event.interpreters[i], event.participants[m.a], event.participants[m.b]))
                    interpreters_for[c].push_back(static_cast<int>(i));
        for (std::size_t s = 0; s < slots; ++s) {
            if (!available[m.a][s] || !available[m.b][s]) continue;
            if (!m.needs_interpreter) ++count;
            for (const int i : interpreters_for[c]) count += interpreter_available[i][s];
        }
    }
    if (count > max_columns) return std::nullopt;
    std::vector<Column> columns;
    columns.reserve(count);
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto& m = candidates[c];
        for (std::size_t s = 0; s < slots; ++s) {
            if (!available[m.a][s] || !available[m.b][s]) continue;
            if (!m.needs_interpreter) columns.push_back({c, s, -1});
            for (const int i : interpreters_for[c])
                if (interpreter_available[i][s]) columns.push_back({c, s, i});
        }
    }
    return columns;
}

}  // namespace

std::optional<double> exact_plan_value(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                       GlpkLimits limits) {
    const std::size_t slots = event.slots.size();
    const auto placements = placement_columns(event, candidates, limits.max_columns);
    if (!placements) return std::nullopt;
    const std::vector<Column>& columns = *placements;
    if (columns.empty()) return 0.0;

    std::map<std::pair<int, std::size_t>, Row> rows;  // (kind, key) -> row
    enum Kind { meeting_once, participant_slot, participant_limit, tables_per_slot, interpreter_slot };
    auto row = [&](Kind kind, std::size_t key, double bound) -> Row& {
        Row& r = rows[{kind, key}];
        r.bound = bound;
        return r;
    };
    for (std::size_t j = 0; j < columns.size(); ++j) {
        const Column& column = columns[j];
        const int index = static_cast<int>(j) + 1;
        const auto& m = candidates[column.candidate];
        row(meeting_once, column.candidate, 1).columns.push_back(index);
        for (const std::size_t p : {m.a, m.b}) {
            row(participant_slot, p * slots + column.slot, 1).columns.push_back(index);
            row(participant_limit, p, static_cast<double>(event.participants[p].max_meetings)).columns.push_back(index);
        }
        row(tables_per_slot, column.slot, static_cast<double>(event.tables.size())).columns.push_back(index);
        if (column.interpreter >= 0)
            row(interpreter_slot, static_cast<std::size_t>(column.interpreter) * slots + column.slot, 1)
                .columns.push_back(index);
    }

    std::vector<double> objective;
    for (const Column& column : columns) objective.push_back(candidates[column.candidate].value);
    const Problem problem = build_problem(objective, rows, true);
    glp_iocp parameters;
    glp_init_iocp(&parameters);
    parameters.presolve = GLP_ON;
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.tm_lim = static_cast<int>(limits.seconds * 1000);
    const int outcome = glp_intopt(problem.get(), &parameters);
    if (outcome != 0 || glp_mip_status(problem.get()) != GLP_OPT) return std::nullopt;
    return glp_mip_obj_val(problem.get());
}

std::optional<double> relaxed_plan_bound(const ExpoEvent& event, const std::vector<CandidateMeeting>& candidates,
                                         GlpkLimits limits) {
    const std::size_t slots = event.slots.size();
    const auto available = availability(slots, event.participants);
    std::size_t count = 0;  // columns: (meeting, slot) where both sides are available
    for (const auto& m : candidates)
        for (std::size_t s = 0; s < slots; ++s) count += available[m.a][s] && available[m.b][s];
    if (count > limits.max_columns) return std::nullopt;
    std::vector<double> interpreters_in(slots, 0);
    for (const auto& interpreter : event.interpreters)
        for (const std::size_t s : interpreter.available) interpreters_in[s] += 1;

    std::map<std::pair<int, std::size_t>, Row> rows;
    enum Kind { meeting_once, participant_slot, participant_limit, tables_per_slot, interpreters_per_slot };
    auto row = [&](Kind kind, std::size_t key, double bound) -> Row& {
        Row& r = rows[{kind, key}];
        r.bound = bound;
        return r;
    };
    std::vector<double> objective;
    for (std::size_t c = 0; c < candidates.size(); ++c) {
        const auto& m = candidates[c];
        for (std::size_t s = 0; s < slots; ++s) {
            if (!available[m.a][s] || !available[m.b][s]) continue;
            objective.push_back(m.value);
            const int index = static_cast<int>(objective.size());
            row(meeting_once, c, 1).columns.push_back(index);
            for (const std::size_t p : {m.a, m.b}) {
                row(participant_slot, p * slots + s, 1).columns.push_back(index);
                row(participant_limit, p, static_cast<double>(event.participants[p].max_meetings)).columns.push_back(index);
            }
            row(tables_per_slot, s, static_cast<double>(event.tables.size())).columns.push_back(index);
            if (m.needs_interpreter) row(interpreters_per_slot, s, interpreters_in[s]).columns.push_back(index);
        }
    }
    if (objective.empty()) return 0.0;
    const Problem problem = build_problem(objective, rows, false);
    glp_smcp parameters;
    glp_init_smcp(&parameters);
    parameters.msg_lev = GLP_MSG_OFF;
    parameters.presolve = GLP_ON;
    parameters.tm_lim = static_cast<int>(limits.seconds * 1000);
    if (glp_simplex(problem.get(), &parameters) != 0 || glp_get_status(problem.get()) != GLP_OPT) return std::nullopt;
    return glp_get_obj_val(problem.get());
}

}  // namespace techbridge
