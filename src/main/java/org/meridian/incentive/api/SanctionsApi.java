package org.meridian.incentive.api;

import java.util.List;

import org.meridian.incentive.Sanction;
import org.meridian.incentive.SanctionWorkflow;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.Actor;
import org.meridian.shared.web.Paged;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.meridian.incentive.rules.IncentiveProblem;

/**
 * Sanctions computed from published evaluations: read them, and decide a termination recommendation (a hospital
 * manager terminates the cooperation through the channel lifecycle, or declines).
 */
@RestController
@RequestMapping("/api/v1/sanctions")
class SanctionsApi {

    private final SanctionWorkflow sanctions;

    SanctionsApi(SanctionWorkflow sanctions) {
        this.sanctions = sanctions;
    }

    record DecisionRequest(Boolean terminate, String note) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<Sanction> list(Actor actor, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        Paged.check(page, size);
        return sanctions.sanctions(actor, null, null, page, size);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    Sanction one(Actor actor, @PathVariable long id) {
        return sanctions.sanction(actor, id);
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    Sanction decide(Actor actor, @PathVariable long id, @RequestBody DecisionRequest request) {
        if (request.terminate() == null) {
            throw new InvalidIncentiveException(IncentiveProblem.of("terminate", "incentive.v.terminate"));
        }
        return sanctions.decide(actor, id, request.terminate(), request.note());
    }
}
