package org.meridian.incentive.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.meridian.incentive.ComplianceStatus;
import org.meridian.incentive.RuleBook;
import org.meridian.incentive.StatementWorkflow;
import org.meridian.incentive.StoredRule;
import org.meridian.incentive.rules.InvalidIncentiveException;
import org.meridian.shared.Period;
import org.meridian.incentive.rules.RuleDefinition;
import org.meridian.incentive.rules.SanctionRecommendation;
import org.meridian.incentive.rules.TierInPeriod;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.Actor;
import org.meridian.shared.UnitType;
import org.meridian.shared.web.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.meridian.incentive.rules.IncentiveProblem;

/** Incentive rules: list, read, create a version, compliance sign-off, templates, sanction check. */
@RestController
@RequestMapping("/api/v1/incentive-rules")
class IncentiveRulesApi {

    private final RuleBook rules;
    private final StatementWorkflow statements;

    IncentiveRulesApi(RuleBook rules, StatementWorkflow statements) {
        this.rules = rules;
        this.statements = statements;
    }

    /** A rule version as the API shows it. */
    record RuleJson(long id, String code, int version, String name, String type, String unitType,
                    LocalDate validFrom, LocalDate validTo, boolean inEffect, Compliance compliance,
                    RuleDefinition definition, String createdBy, Instant createdAt) {

        static RuleJson of(StoredRule r) {
            return new RuleJson(r.id(), r.code(), r.version(), r.name(), r.type().name(), r.unitType(),
                    r.validFrom(), r.validTo(), r.complianceStatus().inEffect(),
                    new Compliance(r.complianceStatus(), r.complianceReason(), r.signedOffBy(), r.signedOffAt(),
                            r.signOffJustification()),
                    r.definition().withValidity(r.validFrom(), r.validTo()), r.createdBy(), r.createdAt());
        }
    }

    /** The compliance state: status, the guard's reason, and the sign-off (who, when, why). */
    record Compliance(ComplianceStatus status, String reason, String signedOffBy, Instant signedOffAt,
                      String justification) {
    }

    record SignOffRequest(String justification) {
    }

    record TemplatesRequest(LocalDate validFrom) {
    }

    record TierJson(String period, String tier) {
    }

    record SanctionRequest(String channelCode, String unitType, List<TierJson> history) {
    }

    record SanctionJson(String channelCode, String period, String level, int consecutivePeriods, String lowestTier,
                        String ruleCode, int ruleVersion) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ANALYST')")
    Paged<RuleJson> list(Actor actor, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return Paged.slice(rules.rules(actor), page, size).map(RuleJson::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ANALYST')")
    RuleJson one(Actor actor, @PathVariable long id) {
        return RuleJson.of(rules.rule(actor, id));
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    ResponseEntity<RuleJson> create(Actor actor, @RequestBody RuleDefinition definition) {
        return ResponseEntity.status(HttpStatus.CREATED).body(RuleJson.of(rules.createRule(actor, definition)));
    }

    @PostMapping("/{id}/sign-off")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    RuleJson signOff(Actor actor, @PathVariable long id, @RequestBody SignOffRequest request) {
        return RuleJson.of(rules.signOff(actor, id, request.justification()));
    }

    @PostMapping("/templates")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    List<RuleJson> installTemplates(Actor actor, @RequestBody TemplatesRequest request) {
        if (request.validFrom() == null) {
            throw new InvalidIncentiveException(IncentiveProblem.of("validFrom", "incentive.v.validFrom"));
        }
        return rules.installTemplates(actor, request.validFrom()).stream().map(RuleJson::of).toList();
    }

    @PostMapping("/sanction-recommendations")
    @PreAuthorize("hasRole('ANALYST')")
    ResponseEntity<SanctionJson> sanction(Actor actor, @RequestBody SanctionRequest request) {
        List<Problem> problems = new java.util.ArrayList<>();
        UnitType unitType = null;
        try {
            unitType = UnitType.valueOf(String.valueOf(request.unitType()));
        } catch (IllegalArgumentException e) {
            problems.add(IncentiveProblem.of("unitType", "incentive.v.unknownValue", "unitType", request.unitType(), java.util.Arrays.toString(UnitType.values())));
        }
        problems.addAll(statements.channelProblems(actor, request.channelCode(), unitType));
        List<TierInPeriod> history = new java.util.ArrayList<>();
        List<TierJson> given = request.history() == null ? List.of() : request.history();
        for (int i = 0; i < given.size(); i++) {
            Optional<Period> period = Period.parse(given.get(i).period() == null ? null
                    : given.get(i).period().strip());
            String tier = given.get(i).tier();
            if (period.isEmpty() || tier == null || tier.isBlank()) {
                problems.add(IncentiveProblem.of("history[" + i + "]", "incentive.v.history"));
            } else {
                history.add(new TierInPeriod(period.get(), tier));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidIncentiveException(problems);
        }
        Optional<SanctionRecommendation> r = rules.recommendSanction(actor, request.channelCode().strip(), unitType,
                history);
        return r.map(s -> ResponseEntity.ok(new SanctionJson(s.channelCode(), s.period().toString(), s.level().name(),
                        s.consecutivePeriods(), s.lowestTier(), s.ruleCode(), s.ruleVersion())))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
