package org.meridian.incentive;

import java.math.BigDecimal;
import java.util.List;

import org.meridian.incentive.rules.ChannelResult;
import org.meridian.incentive.rules.StatementLine;
import org.meridian.incentive.statements.StatementHeader;

/**
 * A statement (结算单) of one channel for one period: its head and workflow, the result it was computed
 * from, and its lines. The total is not kept anywhere: it is always the sum of the lines.
 */
public record Statement(StatementHeader header, ChannelResult result, List<StoredLine> lines, Source source) {

    public Statement {
        lines = List.copyOf(lines);
    }

    /**
     * Where a statement comes from: the published evaluation (id and version) it was drafted from, null for one
     * prepared by hand or a correcting statement opened by hand; the superseded draft it replaces; and, once
     * SUPERSEDED, when and by which draft (none when the newer evaluation gave this channel nothing).
     */
    public record Source(Long evaluationId, Integer evaluationVersion, Long replaces, Long supersededBy,
                         java.time.Instant supersededAt) {

    }

    /** The sum of the lines' amounts, CNY. */
    public BigDecimal total() {
        return StatementLine.total(lines.stream().map(StoredLine::line).toList());
    }
}
