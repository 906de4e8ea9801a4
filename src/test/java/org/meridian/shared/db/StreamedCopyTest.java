package org.meridian.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A binary COPY sent in slices while its rows are made ({@link BinaryCopyRows#stream}), as a full evaluation run
 * stores its 5,000 scorecards: every row arrives whole and in order whatever the slice size, texts written from a
 * reused builder arrive as the same characters (Chinese, an emoji beyond the basic plane, quotes), and a row the
 * table refuses fails the copy with nothing of it stored.
 */
@MeridianTest
class StreamedCopyTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void table() {
        jdbc.execute("CREATE TABLE streamed_copy_test (n integer NOT NULL, label text NOT NULL, doc json, totals jsonb)");
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE streamed_copy_test");
    }

    @Test
    void everyRowArrivesWholeAndInOrderWhenSentInSlicesOfAFewBytes() {
        StringBuilder reused = new StringBuilder();
        transactions.executeWithoutResult(t -> {
            // 40 bytes: a slice is sent before nearly every row, so rows cross the slices' edges
            try (BinaryCopyRows.Streamed copy = BinaryCopyRows.stream(jdbc,
                    "COPY streamed_copy_test (n, label, doc) FROM STDIN (FORMAT binary)", 40)) {
                for (int i = 0; i < 300; i++) {
                    reused.setLength(0);
                    reused.append("{\"text\":\"第").append(i).append("行 × → 😀 \\\"q\\\"\"}");
                    copy.row(3).int4(i).text("渠道-" + i).json(reused);
                }
                copy.finish();
            }
        });
        List<String> rows = new ArrayList<>();
        jdbc.query("SELECT n, label, doc->>'text' FROM streamed_copy_test ORDER BY n",
                (java.sql.ResultSet rs) -> {
                    rows.add(rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
                });
        assertThat(rows).hasSize(300);
        assertThat(rows.get(0)).isEqualTo("0|渠道-0|第0行 × → 😀 \"q\"");
        assertThat(rows.get(299)).isEqualTo("299|渠道-299|第299行 × → 😀 \"q\"");
    }

    @Test
    void jsonbFromABuilderIsStoredAsTheSameDocument() {
        StringBuilder totals = new StringBuilder("{\"到诊\":649,\"referrals\":901.50}");
        transactions.executeWithoutResult(t -> {
            try (BinaryCopyRows.Streamed copy = BinaryCopyRows.stream(jdbc,
                    "COPY streamed_copy_test (n, label, totals) FROM STDIN (FORMAT binary)", 8)) {
                copy.row(3).int4(1).text("a").jsonb(totals);
                copy.finish();
            }
        });
        assertThat(jdbc.queryForObject("SELECT totals = CAST('{\"referrals\": 901.50, \"到诊\": 649}' AS jsonb) "
                + "FROM streamed_copy_test", Boolean.class)).isTrue();
        assertThat(jdbc.queryForObject("SELECT totals->>'referrals' FROM streamed_copy_test", String.class))
                .isEqualTo("901.50");
    }

    @Test
    void anUnpairedSurrogateIsStoredAsAQuestionMarkAsStringsEncodeIt() {
        StringBuilder text = new StringBuilder("a\uD800b");
        transactions.executeWithoutResult(t -> {
            try (BinaryCopyRows.Streamed copy = BinaryCopyRows.stream(jdbc,
                    "COPY streamed_copy_test (n, label) FROM STDIN (FORMAT binary)", 1024)) {
                copy.row(2).int4(1).text(text);
                copy.finish();
            }
        });
        assertThat(jdbc.queryForObject("SELECT label FROM streamed_copy_test", String.class))
                .isEqualTo(new String("a\uD800b".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a?b");
    }

    @Test
    void aRowTheTableRefusesFailsTheCopyAndNothingOfItIsStored() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(t -> {
            try (BinaryCopyRows.Streamed copy = BinaryCopyRows.stream(jdbc,
                    "COPY streamed_copy_test (n, label) FROM STDIN (FORMAT binary)", 64)) {
                for (int i = 0; i < 100; i++) {
                    // the 51st row has no label, which the table does not allow
                    copy.row(2).int4(i).text(i == 50 ? null : "行" + i);
                }
                copy.finish();
            }
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("label");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM streamed_copy_test", Long.class)).isZero();
    }
}
