package org.meridian.shared.db;

import java.util.Map;
import java.util.Set;

/**
 * How every table would be placed on a sharded PostgreSQL (Citus) when a region outgrows one machine
 * (docs/adr/0009-the-region-on-citus.md). This is the one list of exceptions: a table not named here is
 * <em>distributed by {@code hospital_id}</em>, so it must have a non-null {@code hospital_id}, carry it in its
 * primary key and in every unique constraint or unique index, and carry it in every foreign key to another table
 * distributed by {@code hospital_id}. {@code DistributionRulesTest} reads the live schema and holds every table to
 * these rules, so a new table that breaks them fails the build until it is fixed or listed here with its reason.
 */
public final class Distribution {

    /** The column a table is distributed by unless it is named below. */
    public static final String TENANT_COLUMN = "hospital_id";

    /**
     * Reference tables (参照表): small, read on almost every request, copied in full to every node, so joins with
     * them never leave a node. They may not point at a distributed table by foreign key.
     */
    public static final Set<String> REFERENCE = Set.of(
            "region",         // the regions of the deployment
            "hospital",       // the tenants themselves: the source of the distribution column
            "app_user",       // people sign in by username alone, before their hospital is known
            "app_user_role",  // read with app_user on every request
            "api_token",      // looked up by its hash before the hospital is known
            "admin_hospital", // which further hospitals an account may act in, read on every ?hospital= call
            "alliance",       // the region's alliances (医联体), read by their hospitals and the regulator
            "alliance_member",
            "exam_item",      // the region's exam item catalogue (检查互认)
            "exam_exception_reason",
            "holiday_default" // the State Council's holiday dates (法定节假日, 调休), the defaults of every hospital
    );

    /**
     * Tables that stay on the coordinator only, with the reason: deployment-level bookkeeping that no hospital
     * owns and no query joins with domain data.
     */
    public static final Map<String, String> COORDINATOR_LOCAL = Map.of(
            "flyway_schema_history", "Flyway's own record of the migrations applied",
            "event_publication", "Spring Modulith's registry of events between modules (no hospital column)",
            "login_failure", "sign-in throttling counts failures per address across hospitals and for unknown"
                    + " usernames (hospital_id empty), before any hospital is known");

    /**
     * Tables distributed by another column than {@code hospital_id}, with that column. Data matched across the
     * hospitals of a region by design (exam records joined by pseudonymised patient) belongs here; the column must
     * then be in the primary key and every unique constraint instead of {@code hospital_id}.
     */
    public static final Map<String, String> OTHER_COLUMN = Map.of(
            "exam_record", "patient",        // one patient's records of every hospital on one node (repeat detection)
            "exam_record_key", "record_id",  // recordId unique per region, checked on the node of that record id
            "repeat_alert", "region_id");    // the region's repeat-rate alerts, read and written by region

    private Distribution() {
    }

    /** The column the table is distributed by, or null for a reference or coordinator-local table. */
    public static String columnOf(String table) {
        if (REFERENCE.contains(table) || COORDINATOR_LOCAL.containsKey(table)) {
            return null;
        }
        return OTHER_COLUMN.getOrDefault(table, TENANT_COLUMN);
    }
}
