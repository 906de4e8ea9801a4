package org.meridian.efficiency.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meridian.efficiency.method.Dea;
import org.meridian.efficiency.method.DeaData;
import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.DeaResult;
import org.meridian.efficiency.method.DeaUnit;
import org.meridian.efficiency.method.Malmquist;
import org.meridian.efficiency.method.Orientation;
import org.meridian.efficiency.method.Peer;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stateless DEA and Malmquist calculators (methods.md §7): any signed-in role, JSON in and out, nothing stored.
 * Each method has its own handler path under {@code /api/v1/methods/}, which other modules share.
 */
@RestController
class DeaCalculatorApi {

    private final MessageSource messages;

    DeaCalculatorApi(MessageSource messages) {
        this.messages = messages;
    }

    record DeaRequest(List<List<Double>> inputs, List<List<Double>> outputs, String model, String orientation,
            Boolean superEfficiency) {
    }

    record Vectors(double[] inputs, double[] outputs) {
    }

    record Note(String field, String message) {
    }

    /** θ for input orientation, φ for output; {@code infeasible} and {@code rank} only with super-efficiency. */
    record UnitAnswer(int unit, Double efficiency, Double score,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double theta,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double phi, String status, Vectors slacks, Vectors targets,
            List<Peer> peers, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean infeasible, double scaleEfficiency,
            String returnsToScale, @JsonInclude(JsonInclude.Include.NON_NULL) Integer rank) {
    }

    record DeaAnswer(String model, String orientation, boolean superEfficiency, List<UnitAnswer> units,
            List<Note> warnings) {
    }

    @PostMapping("/api/v1/methods/dea")
    @PreAuthorize("isAuthenticated()")
    DeaAnswer dea(@RequestBody DeaRequest request) {
        List<Problem> problems = new ArrayList<>();
        DeaModel model = choice("model", request.model(), DeaModel.class, false, problems);
        Orientation orientation = choice("orientation", request.orientation(), Orientation.class, false, problems);
        DeaData data = DeaData.read("", request.inputs(), request.outputs(), false, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        boolean superEfficiency = Boolean.TRUE.equals(request.superEfficiency());
        DeaResult result = Dea.evaluate(data, model, orientation, superEfficiency);
        boolean input = orientation == Orientation.INPUT;
        List<UnitAnswer> units = new ArrayList<>();
        for (DeaUnit u : result.units()) {
            units.add(new UnitAnswer(u.unit(), u.efficiency(), u.score(), input ? u.radial() : null,
                    input ? null : u.radial(), u.status().name(), new Vectors(u.inputSlacks(), u.outputSlacks()),
                    new Vectors(u.inputTargets(), u.outputTargets()), u.peers(),
                    superEfficiency ? u.infeasible() : null, u.scaleEfficiency(), u.returnsToScale().name(),
                    u.rank()));
        }
        return new DeaAnswer(model.name(), orientation.name(), superEfficiency, units, notes(result.warnings()));
    }

    record PeriodRequest(List<List<Double>> inputs, List<List<Double>> outputs) {
    }

    record MalmquistRequest(List<PeriodRequest> periods, String orientation) {
    }

    record TransitionAnswer(int from, int to, List<Malmquist.Change> units, Malmquist.Change mean) {
    }

    record MalmquistAnswer(String orientation, List<TransitionAnswer> transitions, List<Malmquist.Change> unitMeans,
            Malmquist.Change mean, List<Note> warnings) {
    }

    @PostMapping("/api/v1/methods/malmquist")
    @PreAuthorize("isAuthenticated()")
    MalmquistAnswer malmquist(@RequestBody MalmquistRequest request) {
        List<Problem> problems = new ArrayList<>();
        Orientation orientation = choice("orientation", request.orientation(), Orientation.class, true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("efficiency", problems);
        }
        List<Malmquist.Period> periods = request.periods() == null ? null : request.periods().stream()
                .map(p -> p == null ? null : new Malmquist.Period(p.inputs(), p.outputs())).toList();
        Malmquist.Result r = Malmquist.evaluate(periods, orientation == null ? Orientation.INPUT : orientation);
        List<TransitionAnswer> transitions = r.transitions().stream()
                .map(t -> new TransitionAnswer(t.from(), t.to(), t.units(), t.mean())).toList();
        return new MalmquistAnswer(r.orientation().name(), transitions, r.unitMeans(), r.mean(), notes(r.warnings()));
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, boolean optional,
            List<Problem> problems) {
        Map<String, E> known = new LinkedHashMap<>();
        for (E e : type.getEnumConstants()) {
            known.put(e.name(), e);
        }
        if (value == null || value.isBlank()) {
            if (!optional) {
                problems.add(Problem.of(field, "efficiency.method.choose", String.join(", ", known.keySet())));
            }
            return null;
        }
        E e = known.get(value.trim().toUpperCase(java.util.Locale.ROOT));
        if (e == null) {
            problems.add(Problem.of(field, "efficiency.method.unknown", value, String.join(", ", known.keySet())));
        }
        return e;
    }

    private List<Note> notes(List<Problem> warnings) {
        return warnings.stream().map(w -> new Note(w.path(), messages.getMessage(w.messageKey(), w.args().toArray(),
                w.messageKey(), LocaleContextHolder.getLocale()))).toList();
    }
}
