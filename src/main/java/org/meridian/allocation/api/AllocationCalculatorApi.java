package org.meridian.allocation.api;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.meridian.allocation.method.BoundedAllocation;
import org.meridian.allocation.method.Inequality;
import org.meridian.shared.problem.Problem;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stateless inequality and allocation calculators (methods.md §7): any signed-in role, JSON in and out, nothing
 * stored. Each method has its own handler path under {@code /api/v1/methods/}, which other modules share.
 */
@RestController
class AllocationCalculatorApi {

    private final MessageSource messages;

    AllocationCalculatorApi(MessageSource messages) {
        this.messages = messages;
    }

    record InequalityRequest(List<Double> values, List<Double> populations, List<Double> areas, String basis,
            List<String> groups) {
    }

    record Note(String field, String message) {
    }

    record InequalityAnswer(double gini, double theilT, Double theilL, Inequality.Part between,
            Inequality.Part within, List<Inequality.LorenzPoint> lorenz,
            @JsonInclude(JsonInclude.Include.NON_NULL) double[] hrad,
            @JsonInclude(JsonInclude.Include.NON_NULL) double[] pad,
            @JsonInclude(JsonInclude.Include.NON_NULL) double[] hradPerPad, List<Note> notes) {
    }

    @PostMapping("/api/v1/methods/inequality")
    @PreAuthorize("isAuthenticated()")
    InequalityAnswer inequality(@RequestBody InequalityRequest request) {
        Inequality.Result r = Inequality.measure(request.values(), request.populations(), request.areas(),
                request.basis(), request.groups());
        return new InequalityAnswer(r.gini(), r.theilT(), r.theilL(), r.between(), r.within(), r.lorenz(), r.hrad(),
                r.pad(), r.hradPerPad(), r.notes().stream().map(this::note).toList());
    }

    record AllocationRequest(BigDecimal budget, List<BigDecimal> demand, List<BigDecimal> floors,
            List<BigDecimal> caps, List<BigDecimal> previous, BigDecimal maxChange, String unit) {
    }

    record AllocationAnswer(List<BigDecimal> allocations, BigDecimal lambda, List<BigDecimal> floors,
            List<BigDecimal> caps) {
    }

    @PostMapping("/api/v1/methods/allocation")
    @PreAuthorize("isAuthenticated()")
    AllocationAnswer allocation(@RequestBody AllocationRequest request) {
        BoundedAllocation.Result r = BoundedAllocation.allocate(request.budget(), request.demand(), request.floors(),
                request.caps(), request.previous(), request.maxChange(), request.unit());
        return new AllocationAnswer(r.allocations(), r.lambda(), r.floors(), r.caps());
    }

    private Note note(Problem p) {
        return new Note(p.path(), messages.getMessage(p.messageKey(), p.args().toArray(), p.messageKey(),
                LocaleContextHolder.getLocale()));
    }
}
