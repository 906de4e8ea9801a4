package org.meridian.efficiency.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meridian.efficiency.EfficiencyAnalysis;
import org.meridian.efficiency.EfficiencyRun;
import org.meridian.efficiency.LeftOut;
import org.meridian.efficiency.Productivity;
import org.meridian.efficiency.ProductivitySpec;
import org.meridian.efficiency.RunMeasure;
import org.meridian.efficiency.RunQuery;
import org.meridian.efficiency.RunSpec;
import org.meridian.efficiency.RunStatus;
import org.meridian.efficiency.UnitEfficiency;
import org.meridian.efficiency.method.Malmquist;
import org.meridian.efficiency.method.Orientation;
import org.meridian.shared.Actor;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Efficiency runs and productivity (network.md §5): starting and publishing a run needs CHANNEL_MANAGER, reading and
 * productivity ANALYST. Each unit's result carries the calculator's {@code dea} fields (methods.md §7) with units
 * named by code; values are not rounded.
 */
@RestController
class EfficiencyRunApi {

    private final EfficiencyAnalysis analysis;
    private final MessageSource messages;

    EfficiencyRunApi(EfficiencyAnalysis analysis, MessageSource messages) {
        this.analysis = analysis;
        this.messages = messages;
    }

    record RunRequest(String period, String unitType, List<String> inputs, List<String> outputs, String model,
            String orientation, Boolean superEfficiency) {
    }

    record Note(String field, String message) {
    }

    record Vectors(double[] inputs, double[] outputs) {
    }

    record PeerView(String unit, double lambda) {
    }

    /** θ for input orientation, φ for output; {@code infeasible} and {@code rank} only with super-efficiency. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UnitView(String unit, String name, Vectors data, Double efficiency, double score, Double theta, Double phi,
            String status, Vectors slacks, Vectors targets, List<PeerView> peers, Boolean infeasible,
            double technicalEfficiency, double pureTechnicalEfficiency, double scaleEfficiency,
            String returnsToScale, Integer rank) {
    }

    /** {@code units} (each unit's result) only when one run is asked for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunView(long id, String period, UnitType unitType, String model, String orientation,
            boolean superEfficiency, RunStatus status, List<RunMeasure> inputs, List<RunMeasure> outputs,
            int unitCount, List<LeftOut> leftOut, List<Note> warnings, Instant ranAt, String ranBy,
            Instant publishedAt, String publishedBy, List<UnitView> units) {
    }

    @PostMapping("/api/v1/efficiency-runs")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    RunView run(Actor actor, @RequestBody(required = false) RunRequest body) {
        RunRequest b = body == null ? new RunRequest(null, null, null, null, null, null, null) : body;
        EfficiencyRun run = analysis.run(actor, RunSpec.parse(b.period(), b.unitType(), b.inputs(), b.outputs(),
                b.model(), b.orientation(), b.superEfficiency()));
        return view(run, analysis.results(actor, run.id()));
    }

    @PostMapping("/api/v1/efficiency-runs/{id}/publish")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    RunView publish(Actor actor, @PathVariable long id) {
        return view(analysis.publish(actor, id), null);
    }

    @GetMapping("/api/v1/efficiency-runs")
    @PreAuthorize("hasRole('ANALYST')")
    Paged<RunView> list(Actor actor, @RequestParam(required = false) String period,
            @RequestParam(required = false) String unitType, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        RunQuery f = RunQuery.parse(period, unitType, status);
        return analysis.search(actor, f.period(), f.unitType(), f.status(), page, size).map(r -> view(r, null));
    }

    @GetMapping("/api/v1/efficiency-runs/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    RunView one(Actor actor, @PathVariable long id) {
        return view(analysis.get(actor, id), analysis.results(actor, id));
    }

    record ProductivityRequest(List<String> periods, String unitType, List<String> inputs, List<String> outputs,
            String orientation) {
    }

    record UnitChange(String unit, double effch, double techch, double pech, double sech, double tfpch) {
    }

    record TransitionView(String from, String to, List<UnitChange> units, Malmquist.Change mean) {
    }

    record ProductivityView(List<String> periods, UnitType unitType, String orientation, List<RunMeasure> inputs,
            List<RunMeasure> outputs, List<TransitionView> transitions, List<UnitChange> unitMeans,
            Malmquist.Change mean, List<LeftOut> leftOut, List<Note> warnings) {
    }

    @PostMapping("/api/v1/productivity")
    @PreAuthorize("hasRole('ANALYST')")
    ProductivityView productivity(Actor actor, @RequestBody(required = false) ProductivityRequest body) {
        ProductivityRequest b = body == null ? new ProductivityRequest(null, null, null, null, null) : body;
        Productivity p = analysis.productivity(actor, ProductivitySpec.parse(b.periods(), b.unitType(), b.inputs(),
                b.outputs(), b.orientation()));
        List<TransitionView> transitions = new ArrayList<>();
        for (Malmquist.Transition t : p.result().transitions()) {
            transitions.add(new TransitionView(p.periods().get(t.from()).toString(),
                    p.periods().get(t.to()).toString(), changes(p, t.units()), t.mean()));
        }
        List<Note> warnings = new ArrayList<>();
        if (p.fewUnits()) {
            warnings.add(note(Problem.of("inputs", "efficiency.warning.fewUnits", p.units().size(),
                    p.inputs().size() + p.outputs().size())));
        }
        if (!p.leftOut().isEmpty()) {
            warnings.add(note(leftOutNote(p.leftOut())));
        }
        return new ProductivityView(p.periods().stream().map(Period::toString).toList(), p.unitType(),
                p.result().orientation().name(), p.inputs(), p.outputs(), transitions,
                changes(p, p.result().unitMeans()), p.result().mean(), p.leftOut(), warnings);
    }

    private static List<UnitChange> changes(Productivity p, List<Malmquist.Change> cs) {
        List<UnitChange> out = new ArrayList<>(cs.size());
        for (int k = 0; k < cs.size(); k++) {
            Malmquist.Change c = cs.get(k);
            out.add(new UnitChange(p.units().get(k).code(), c.effch(), c.techch(), c.pech(), c.sech(), c.tfpch()));
        }
        return out;
    }

    private RunView view(EfficiencyRun r, List<UnitEfficiency> results) {
        List<UnitView> units = null;
        if (results != null) {
            boolean input = r.orientation() == Orientation.INPUT;
            units = new ArrayList<>(results.size());
            for (UnitEfficiency u : results) {
                units.add(new UnitView(u.unitCode(), u.unitName(), new Vectors(u.inputs(), u.outputs()),
                        u.efficiency(), u.score(), input ? u.radial() : null, input ? null : u.radial(),
                        u.status().name(), new Vectors(u.inputSlacks(), u.outputSlacks()),
                        new Vectors(u.inputTargets(), u.outputTargets()),
                        u.peers().stream().map(p -> new PeerView(results.get(p.position()).unitCode(), p.lambda()))
                                .toList(),
                        r.superEfficiency() ? u.infeasible() : null, u.technical(), u.pureTechnical(), u.scale(),
                        u.returnsToScale().name(), u.rank()));
            }
        }
        List<Note> warnings = new ArrayList<>();
        if (r.fewUnits()) {
            warnings.add(note(Problem.of("inputs", "efficiency.warning.fewUnits", r.units(),
                    r.inputs().size() + r.outputs().size())));
        }
        if (!r.leftOut().isEmpty()) {
            warnings.add(note(leftOutNote(r.leftOut())));
        }
        return new RunView(r.id(), r.period().toString(), r.unitType(), r.model().name(), r.orientation().name(),
                r.superEfficiency(), r.status(), r.inputs(), r.outputs(), r.units(), r.leftOut(), warnings,
                r.ranAt(), r.ranBy(), r.publishedAt(), r.publishedBy(), units);
    }

    private static Problem leftOutNote(List<LeftOut> leftOut) {
        return Problem.of("unitType", "efficiency.run.warning.leftOut", leftOut.size(),
                String.join("、", leftOut.stream().map(LeftOut::name).toList()));
    }

    private Note note(Problem w) {
        return new Note(w.path(), messages.getMessage(w.messageKey(), w.args().toArray(), w.messageKey(),
                LocaleContextHolder.getLocale()));
    }
}
