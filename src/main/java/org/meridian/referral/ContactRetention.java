package org.meridian.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.meridian.shared.audit.AuditLog;
import org.meridian.shared.tenant.Hospital;
import org.meridian.shared.tenant.Hospitals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention period of what a channel typed about a patient (患者信息保存期限): {@code meridian.referral.retention-days}
 * (default 90) days after a referral was submitted, its patient name, phone and note are deleted; the referral, its
 * events and the patient's pseudonym stay. Runs every hour, as the system actor {@code system:referral-retention};
 * {@link #purge()} is the same run on demand.
 */
@Component
class ContactRetention {

    static final String ACTOR = "system:referral-retention";
    private static final Logger log = LoggerFactory.getLogger(ContactRetention.class);

    private final Referrals referrals;
    private final Hospitals hospitals;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration retention;
    private final TransactionTemplate transactions;

    ContactRetention(Referrals referrals, Hospitals hospitals, AuditLog audit, Clock clock,
                     PlatformTransactionManager transactionManager, @Value("${meridian.referral.retention-days:90}") int retentionDays) {
        if (retentionDays < 1) {
            throw new IllegalStateException("meridian.referral.retention-days must be at least 1");
        }
        this.referrals = referrals;
        this.hospitals = hospitals;
        this.audit = audit;
        this.clock = clock;
        this.retention = Duration.ofDays(retentionDays);
        this.transactions = new TransactionTemplate(transactionManager);
    }

    Duration retention() {
        return retention;
    }

    @Scheduled(cron = "0 5 * * * *")
    void hourly() {
        purge();
    }

    /** Deletes, in every hospital, the patient details of referrals submitted longer ago than the retention period. */
    public int purge() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int total = 0;
        for (Hospital h : hospitals.all()) {
            total += purge(h, now);
        }
        return total;
    }

    /** The run for one hospital as it would go at {@code now}. */
    int purge(Hospital h, Instant now) {
        return transactions.execute(status -> purgeInTransaction(h, now));
    }

    private int purgeInTransaction(Hospital h, Instant now) {
        int purged = referrals.purgeContacts(h.id(), now.minus(retention), now);
        if (purged > 0) {
            audit.record(h.id(), ACTOR, "REFERRAL_CONTACTS_PURGED", "referrals",
                    Map.of("count", purged, "retentionDays", retention.toDays()));
            log.info("Deleted the patient details of {} referrals of hospital {} after {} days", purged, h.code(),
                    retention.toDays());
        }
        return purged;
    }
}
