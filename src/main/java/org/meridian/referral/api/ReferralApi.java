package org.meridian.referral.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.meridian.referral.Appointment;
import org.meridian.referral.GreenChannelQuota;
import org.meridian.referral.GreenChannelRequest;
import org.meridian.referral.NewReferral;
import org.meridian.referral.Referral;
import org.meridian.referral.ReferralDesk;
import org.meridian.referral.ReferralStatus;
import org.meridian.referral.Urgency;
import org.meridian.shared.Enums;
import org.meridian.shared.Actor;
import org.meridian.shared.problem.InvalidInputException;
import org.meridian.shared.problem.Problem;
import org.meridian.shared.web.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/referrals} (docs/referrals.md): a channel's user refers a patient (with an {@code Idempotency-Key});
 * the referral desk (REFERRAL_DESK, or CHANNEL_MANAGER and above) lists the hospital's referrals and takes the steps;
 * a channel's user lists its own channel's.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralApi {

    private static final String DESK = "hasAnyRole('REFERRAL_DESK', 'CHANNEL_MANAGER')";
    private static final String READERS = "hasAnyRole('REFERRAL_DESK', 'CHANNEL_MANAGER', 'CHANNEL_USER')";

    private final ReferralDesk desk;

    ReferralApi(ReferralDesk desk) {
        this.desk = desk;
    }

    record PatientView(String name, String phone, String note) {
    }

    record AppointmentView(LocalDate date, String department, String doctor) {
    }

    /**
     * A referral as the API answers it. {@code patient} is null once the retention period deleted it
     * ({@code purgedAt}); {@code responseHours} is the time from submission to acceptance (while waiting: so far).
     */
    record ReferralView(long id, String channel, String channelName, ReferralStatus status, Urgency urgency,
                        String department, PatientView patient, OffsetDateTime createdAt, OffsetDateTime acceptedAt,
                        OffsetDateTime scheduledAt, AppointmentView appointment, boolean greenChannel,
                        OffsetDateTime arrivedAt,
                        OffsetDateTime convertedAt, OffsetDateTime declinedAt, String declineReason,
                        String feedback, OffsetDateTime purgedAt, Double responseHours, List<String> events) {
    }

    record SubmitRequest(String patientName, String patientPhone, String department, String urgency, String note,
                         Boolean consent, String channel) {
    }

    /**
     * {@code greenChannel}: on one of the channel's priority slots (绿色通道); {@code forApproval}: over the quota,
     * hold it for a hospital manager's approval instead of refusing it.
     */
    record ScheduleRequest(String date, String department, String doctor, Boolean greenChannel,
                           Boolean forApproval) {
    }

    /** A channel's green-channel slots in a month (绿色通道号源). */
    record QuotaView(String month, String tier, String tierName, int quota, int used, int left) {
        static QuotaView of(GreenChannelQuota q) {
            return new QuotaView(q.month().toString(), q.tier(), q.tierName(), q.quota(), q.used(), q.left());
        }
    }

    /** An over-quota green-channel booking held for a hospital manager's approval. */
    record RequestView(long id, long referral, String channelName, AppointmentView appointment, int quota, int used,
                       String requestedBy, OffsetDateTime requestedAt, GreenChannelRequest.Status status,
                       String decidedBy, OffsetDateTime decidedAt, String note) {
        static RequestView of(GreenChannelRequest q) {
            return new RequestView(q.id(), q.referralId(), q.channelName(), new AppointmentView(q.appointment().date(),
                    q.appointment().department(), q.appointment().doctor()), q.quota(), q.used(), q.requestedBy(),
                    utc(q.requestedAt()), q.status(), q.decidedBy(), utc(q.decidedAt()), q.note());
        }
    }

    record DecisionRequest(String note) {
    }

    record ConvertRequest(String feedback) {
    }

    record DeclineRequest(String reason) {
    }

    record DepartmentsRequest(List<String> departments) {
    }

    record Departments(List<String> departments) {
    }

    private ReferralView view(Referral r) {
        Instant now = desk.now();
        var response = r.responseTime(now);
        return new ReferralView(r.id(), r.channelCode(), r.channelName(), r.status(), r.urgency(), r.department(),
                r.patient() == null ? null : new PatientView(r.patient().name(), r.patient().phone().value(),
                        r.patient().note()),
                utc(r.createdAt()), utc(r.acceptedAt()), utc(r.scheduledAt()),
                r.appointment() == null ? null : new AppointmentView(r.appointment().date(),
                        r.appointment().department(), r.appointment().doctor()),
                r.greenChannel(), utc(r.arrivedAt()), utc(r.convertedAt()), utc(r.declinedAt()), r.declineReason(), r.feedback(),
                utc(r.purgedAt()), response == null ? null : Math.round(response.toSeconds() / 36.0) / 100.0,
                r.eventIds());
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    @PostMapping
    @PreAuthorize("hasRole('CHANNEL_USER')")
    ResponseEntity<ReferralView> submit(Actor actor,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @RequestBody(required = false) SubmitRequest body) {
        SubmitRequest b = body == null ? new SubmitRequest(null, null, null, null, null, null, null) : body;
        NewReferral draft;
        try {
            draft = NewReferral.parse(b.patientName(), b.patientPhone(), b.department(), b.urgency(), b.note(),
                    b.consent(), b.channel());
        } catch (InvalidInputException e) {
            List<Problem> all = new ArrayList<>(e.problems());
            all.addAll(desk.submissionProblems(actor, key, b.department()));
            throw new InvalidInputException("referral", all);
        }
        ReferralDesk.Submission s = desk.submit(actor, key, draft);
        ReferralView v = view(s.referral());
        return s.created() ? ResponseEntity.created(URI.create("/api/v1/referrals/" + v.id())).body(v)
                : ResponseEntity.ok(v);
    }

    @GetMapping
    @PreAuthorize(READERS)
    Paged<ReferralView> list(Actor actor, @RequestParam(required = false) String status,
                             @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        return desk.search(actor, status(status), page, size).map(this::view);
    }

    static ReferralStatus status(String text) {
        return Enums.named(ReferralStatus.class, text,
                () -> new InvalidInputException("referral", List.of(Problem.of("status", "referral.error.status"))));
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    ReferralView one(Actor actor, @PathVariable long id) {
        return view(desk.get(actor, id));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize(DESK)
    ReferralView accept(Actor actor, @PathVariable long id) {
        return view(desk.accept(actor, id));
    }

    @PostMapping("/{id}/schedule")
    @PreAuthorize(DESK)
    ResponseEntity<?> schedule(Actor actor, @PathVariable long id, @RequestBody(required = false) ScheduleRequest body) {
        ScheduleRequest b = body == null ? new ScheduleRequest(null, null, null, null, null) : body;
        Appointment appointment = Appointment.parse(b.date(), b.department(), b.doctor());
        if (!Boolean.TRUE.equals(b.greenChannel())) {
            return ResponseEntity.ok(view(desk.schedule(actor, id, appointment)));
        }
        ReferralDesk.Booking booking = desk.bookGreenChannel(actor, id, appointment,
                Boolean.TRUE.equals(b.forApproval()));
        return booking.held() == null ? ResponseEntity.ok(view(booking.referral()))
                : ResponseEntity.accepted().body(RequestView.of(booking.held()));
    }

    @GetMapping("/green-channel")
    @PreAuthorize("hasRole('CHANNEL_USER')")
    QuotaView greenChannel(Actor actor) {
        return QuotaView.of(desk.greenChannelQuota(actor));
    }

    @GetMapping("/green-channel-requests")
    @PreAuthorize(DESK)
    Paged<RequestView> greenChannelRequests(Actor actor, @RequestParam(required = false) String status,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "" + Paged.DEFAULT_SIZE) int size) {
        GreenChannelRequest.Status s = Enums.named(GreenChannelRequest.Status.class, status,
                () -> new InvalidInputException("referral",
                        List.of(Problem.of("status", "referral.error.requestStatus"))));
        return desk.greenChannelRequests(actor, s, page, size).map(RequestView::of);
    }

    @PostMapping("/green-channel-requests/{id}/approve")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    RequestView approve(Actor actor, @PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return RequestView.of(desk.decideGreenChannel(actor, id, true, body == null ? null : body.note()));
    }

    @PostMapping("/green-channel-requests/{id}/refuse")
    @PreAuthorize("hasRole('HOSPITAL_MANAGER')")
    RequestView refuse(Actor actor, @PathVariable long id, @RequestBody(required = false) DecisionRequest body) {
        return RequestView.of(desk.decideGreenChannel(actor, id, false, body == null ? null : body.note()));
    }

    @PostMapping("/{id}/arrive")
    @PreAuthorize(DESK)
    ReferralView arrive(Actor actor, @PathVariable long id) {
        return view(desk.arrive(actor, id));
    }

    @PostMapping("/{id}/convert")
    @PreAuthorize(DESK)
    ReferralView convert(Actor actor, @PathVariable long id, @RequestBody(required = false) ConvertRequest body) {
        return view(desk.convert(actor, id, body == null ? null : body.feedback()));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize(DESK)
    ReferralView decline(Actor actor, @PathVariable long id, @RequestBody(required = false) DeclineRequest body) {
        return view(desk.decline(actor, id, body == null ? null : body.reason()));
    }

    @GetMapping("/departments")
    @PreAuthorize(READERS)
    Departments departments(Actor actor) {
        return new Departments(desk.departments(actor));
    }

    @PutMapping("/departments")
    @PreAuthorize("hasRole('CHANNEL_MANAGER')")
    Departments replaceDepartments(Actor actor, @RequestBody(required = false) DepartmentsRequest body) {
        return new Departments(desk.replaceDepartments(actor, body == null ? null : body.departments()));
    }
}
