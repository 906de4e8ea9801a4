package org.meridian.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.meridian.support.MeridianTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Exam record ids are drawn in blocks of {@link ExamRecords#ID_BLOCK} (one {@code nextval} per block, migration
 * {@code V20261206_1945}): a batch's ids are distinct and ascending, a batch larger than one block (a CSV import of up
 * to 100,000 rows) takes several blocks, and a later batch's ids are all above an earlier batch's.
 */
@MeridianTest
class RecordIdBlocksTest {

    @Autowired ExamRecords records;

    @Test
    void idsAreDistinctAscendingAndNeverDrawnTwice() {
        long[] first = records.nextIds(3);
        long[] large = records.nextIds(2 * ExamRecords.ID_BLOCK + 5);
        long[] after = records.nextIds(1);

        assertThat(first).hasSize(3);
        assertThat(first[1]).isEqualTo(first[0] + 1);
        assertThat(first[2]).isEqualTo(first[0] + 2);
        assertThat(large).hasSize(2 * ExamRecords.ID_BLOCK + 5);
        for (int i = 1; i < large.length; i++) {
            assertThat(large[i]).isGreaterThan(large[i - 1]);
        }
        assertThat(large[0]).isGreaterThan(first[2]);
        assertThat(after[0]).isGreaterThan(large[large.length - 1]);
        assertThat(records.nextIds(0)).isEmpty();
        assertThat(Arrays.stream(large).distinct().count()).isEqualTo(large.length);
    }
}
