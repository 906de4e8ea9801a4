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
public record Statement(StatementHeader header, ChannelResult result, List<StoredLine> lines) {

    public Statement {
        lines = List.copyOf(lines);
    }

    /** The sum of the lines' amounts, CNY. */
    public BigDecimal total() {
        return StatementLine.total(lines.stream().map(StoredLine::line).toList());
    }
}
