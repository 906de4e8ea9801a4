package org.meridian.region;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The publications of the region's yearly ranking, kept in the evaluation centre (table {@code region_yearly_ranking}). */
@Repository
class YearlyRankings {

    /** One publication: the year, its version and the published evaluations it was made of. */
    record Stored(int year, int version, List<Long> evaluationIds, Instant publishedAt, String publishedBy) {
        Stored {
            evaluationIds = List.copyOf(evaluationIds);
        }
    }

    private final JdbcClient jdbc;

    YearlyRankings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the next version of the year; the version stored. */
    int insert(long centre, int year, List<Long> evaluationIds, Instant at, String by) {
        return jdbc.sql("""
                        INSERT INTO region_yearly_ranking (hospital_id, year, version, evaluation_ids, published_at,
                                                           published_by)
                        SELECT :h, :year, coalesce(max(version), 0) + 1, CAST(:ids AS bigint[]), :at, :by
                        FROM region_yearly_ranking WHERE hospital_id = :h AND year = :year
                        RETURNING version""")
                .param("h", centre).param("year", year)
                .param("ids", evaluationIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .param("at", Timestamp.from(at)).param("by", by)
                .query(Integer.class).single();
    }

    /** The newest version of the year, if it was published. */
    Optional<Stored> newest(long centre, int year) {
        return jdbc.sql("""
                        SELECT year, version, evaluation_ids, published_at, published_by FROM region_yearly_ranking
                        WHERE hospital_id = :h AND year = :year ORDER BY version DESC LIMIT 1""")
                .param("h", centre).param("year", year)
                .query((rs, i) -> new Stored(rs.getInt("year"), rs.getInt("version"),
                        Arrays.asList((Long[]) rs.getArray("evaluation_ids").getArray()),
                        rs.getTimestamp("published_at").toInstant(), rs.getString("published_by")))
                .optional();
    }

    /** The years with a publication, newest first. */
    List<Integer> years(long centre) {
        return jdbc.sql("SELECT DISTINCT year FROM region_yearly_ranking WHERE hospital_id = :h ORDER BY year DESC")
                .param("h", centre).query(Integer.class).list();
    }
}
