package org.meridian.indicator.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.meridian.indicator.Measure;
import org.meridian.indicator.MeasureTotals;
import org.meridian.indicator.scoring.FormulaException.Kind;

/**
 * An indicator formula (指标公式, engine.md §3): arithmetic over measure names and decimal constants with
 * {@code + - * /}, parentheses and unary minus, evaluated on a period's measure totals.
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := factor (('*' | '/') factor)*
 * factor     := '-' factor | primary
 * primary    := number | measure | '(' expression ')'
 * number     := digit+ ('.' digit+)?
 * measure    := an event measure ({@link Measure#key()}, e.g. referrals), days, or a statistic measure of
 *               the hospital's catalogue (e.g. discharges)
 * </pre>
 *
 * Operators of equal precedence associate to the left, so {@code 100 * 52 / 64} is {@code (100 × 52) / 64}
 * = 81.25. Addition, subtraction and multiplication are exact ({@link BigDecimal}); a division is rounded to
 * {@link #PRECISION} (IEEE 754 decimal64: 16 significant digits, half-even), which is exact whenever the
 * quotient has at most 16 significant digits. A division by zero anywhere makes the whole value null
 * ("no data"). Whitespace is free; a formula has at most {@value #MAX_LENGTH} characters.
 */
public final class Formula {

    /** Precision of every division in a formula and in the scoring rules. */
    public static final MathContext PRECISION = MathContext.DECIMAL64;
    public static final int MAX_LENGTH = 500;

    private final String text;
    private final Node root;

    private Formula(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Parses a formula over the built-in measures (the event measures and {@code days}).
     *
     * @throws FormulaException for bad syntax or an unknown measure, naming the position and the token
     */
    public static Formula parse(String text) {
        return parse(text, Set.of());
    }

    /**
     * Parses a formula over the built-in measures and the given statistic measures (a hospital's catalogue).
     *
     * @throws FormulaException for bad syntax or an unknown measure, naming the position and the token
     */
    public static Formula parse(String text, Set<String> statistics) {
        return parse(text, statistics::contains);
    }

    /**
     * Reads a formula that was checked when it was saved (a stored indicator, a scheme copied into an evaluation):
     * every name that is not built in is taken for a statistic measure of the hospital's catalogue.
     */
    public static Formula stored(String text) {
        return parse(text, name -> true);
    }

    private static Formula parse(String text, java.util.function.Predicate<String> statistic) {
        if (text == null || text.isBlank()) {
            throw new FormulaException(Kind.EMPTY, 1, "", "the formula is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new FormulaException(Kind.TOO_LONG, MAX_LENGTH + 1, "",
                    "the formula is longer than " + MAX_LENGTH + " characters");
        }
        Parser parser = new Parser(text.strip(), tokenize(text.strip()), statistic);
        Node root = parser.expression();
        parser.expectEnd();
        return new Formula(text.strip(), root);
    }

    /** The formula as written (without leading and trailing blanks). */
    public String text() {
        return text;
    }

    /** The event measures the formula reads, in order of first appearance. */
    public List<Measure> measures() {
        return vars().stream().map(Var::event).filter(java.util.Objects::nonNull).toList();
    }

    /** Every measure the formula names (event, {@code days} and statistic measures), in order of first appearance. */
    public List<String> keys() {
        return vars().stream().map(Var::key).toList();
    }

    /** The statistic measures the formula names (neither built-in event measures nor {@code days}). */
    public List<String> statistics() {
        return vars().stream().filter(v -> v.event() == null && !MeasureTotals.DAYS.equals(v.key()))
                .map(Var::key).toList();
    }

    private List<Var> vars() {
        List<Var> found = new ArrayList<>();
        root.collect(found);
        return found;
    }

    /**
     * The value on the given event sums; a measure missing from the map counts as 0 (a unit without
     * events). Null when a division by zero occurs anywhere, or when the formula reads a statistic or {@code days}.
     */
    public BigDecimal evaluate(Map<Measure, BigDecimal> totals) {
        return evaluate(MeasureTotals.ofEvents(totals));
    }

    /**
     * The value on a unit's measures over a period: event measures missing count 0, a missing statistic makes the
     * value null, and so does a division by zero anywhere.
     */
    public BigDecimal evaluate(MeasureTotals totals) {
        return root.eval(totals);
    }

    /** The formula with the totals filled in, e.g. {@code 100 × 52 / 64}. */
    public String substitute(Map<Measure, BigDecimal> totals) {
        return substitute(MeasureTotals.ofEvents(totals));
    }

    /** The formula with the measures filled in; a missing one shows as —. */
    public String substitute(MeasureTotals totals) {
        return root.render(totals, false);
    }

    /** The totals this formula reads, by measure key, in order of appearance. */
    public Map<String, BigDecimal> inputs(Map<Measure, BigDecimal> totals) {
        return inputs(MeasureTotals.ofEvents(totals));
    }

    /** The values this formula reads, by measure key, in order of appearance; a missing one is null. */
    public Map<String, BigDecimal> inputs(MeasureTotals totals) {
        Map<String, BigDecimal> in = new LinkedHashMap<>();
        for (Var v : vars()) {
            in.put(v.key(), v.eval(totals));
        }
        return in;
    }

    /** The two counts of a share written {@code 100 * a / b}: a of b, in percent. */
    public record Share(Measure numerator, Measure denominator) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * The numerator and denominator when the formula has exactly the shape {@code 100 * a / b} of two different
     * event measures (counts of events; a hospital's statistics are not counts of trials, so they have no share;
     * parentheses around any part allowed, e.g. {@code 100 * (a / b)} is not this shape but
     * {@code (100 * a) / b} is); empty for every other shape. What the scorecard's Wilson interval is computed from.
     */
    public Optional<Share> share() {
        if (!(bare(root) instanceof Bin div) || div.op() != '/' || !(bare(div.left()) instanceof Bin times)
                || times.op() != '*' || !(bare(times.left()) instanceof Num hundred)
                || hundred.value().compareTo(HUNDRED) != 0 || !(bare(times.right()) instanceof Var a)
                || !(bare(div.right()) instanceof Var b) || a.event() == null || b.event() == null
                || a.event() == b.event()) {
            return Optional.empty();
        }
        return Optional.of(new Share(a.event(), b.event()));
    }

    /** The three counts of a net share written {@code 100 * (a - b) / n}: a minus b of n, in points. */
    public record NetShare(Measure plus, Measure minus, Measure of) {
    }

    /**
     * The counts when the formula has exactly the shape {@code 100 * (a - b) / n} of three different event measures,
     * as the net promoter score {@code 100 * (promoters - detractors) / nps_count} (parentheses around any part
     * allowed as for {@link #share()}, the difference itself parenthesised, since {@code 100 * a - b / n} is another
     * formula); empty for every other shape. What the scorecard's standard error of an NPS is computed from.
     */
    public Optional<NetShare> netShare() {
        if (!(bare(root) instanceof Bin div) || div.op() != '/' || !(bare(div.left()) instanceof Bin times)
                || times.op() != '*' || !(bare(times.left()) instanceof Num hundred)
                || hundred.value().compareTo(HUNDRED) != 0 || !(times.right() instanceof Group)
                || !(bare(times.right()) instanceof Bin minus) || minus.op() != '-'
                || !(bare(minus.left()) instanceof Var a) || !(bare(minus.right()) instanceof Var b)
                || !(bare(div.right()) instanceof Var n) || a.event() == null || b.event() == null
                || n.event() == null || a.event() == b.event() || a.event() == n.event() || b.event() == n.event()) {
            return Optional.empty();
        }
        return Optional.of(new NetShare(a.event(), b.event(), n.event()));
    }

    private static Node bare(Node n) {
        return n instanceof Group g ? bare(g.inner()) : n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Formula f && f.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    /** A number as shown in explanations: at most 4 decimals (half-up), no trailing zeros. */
    public static String show(BigDecimal v) {
        if (v == null) {
            return "—";
        }
        BigDecimal r = v.setScale(Math.max(0, Math.min(v.scale(), 4)), RoundingMode.HALF_UP).stripTrailingZeros();
        String s = (r.signum() == 0 ? BigDecimal.ZERO : r).toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    // ---- syntax tree -------------------------------------------------------------------------------

    private sealed interface Node permits Num, Var, Neg, Bin, Group {
        BigDecimal eval(MeasureTotals totals);

        /** @param operand true when rendered as an operand of a binary operator (negative values get parens) */
        String render(MeasureTotals totals, boolean operand);

        void collect(List<Var> found);
    }

    private record Num(BigDecimal value, String written) implements Node {
        public BigDecimal eval(MeasureTotals totals) {
            return value;
        }

        public String render(MeasureTotals totals, boolean operand) {
            return written;
        }

        public void collect(List<Var> found) {
        }
    }

    /** A measure the formula names: an event measure ({@code event} set), {@code days}, or a statistic measure. */
    private record Var(String key, Measure event) implements Node {
        public BigDecimal eval(MeasureTotals totals) {
            if (event != null) {
                return totals.event(event);
            }
            return MeasureTotals.DAYS.equals(key) ? totals.days() : totals.statistic(key);
        }

        public String render(MeasureTotals totals, boolean operand) {
            BigDecimal v = eval(totals);
            if (v == null) {
                return "—";
            }
            String s = plain(v);
            return operand && v.signum() < 0 ? "(" + s + ")" : s;
        }

        public void collect(List<Var> found) {
            if (!found.contains(this)) {
                found.add(this);
            }
        }
    }

    private record Neg(Node operand) implements Node {
        public BigDecimal eval(MeasureTotals totals) {
            BigDecimal v = operand.eval(totals);
            return v == null ? null : v.negate();
        }

        public String render(MeasureTotals totals, boolean asOperand) {
            String s = "−" + operand.render(totals, true);
            return asOperand ? "(" + s + ")" : s;
        }

        public void collect(List<Var> found) {
            operand.collect(found);
        }
    }

    private record Bin(char op, Node left, Node right) implements Node {
        public BigDecimal eval(MeasureTotals totals) {
            BigDecimal a = left.eval(totals);
            BigDecimal b = right.eval(totals);
            if (a == null || b == null) {
                return null;
            }
            return switch (op) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                case '*' -> a.multiply(b);
                default -> b.signum() == 0 ? null : a.divide(b, PRECISION);
            };
        }

        public String render(MeasureTotals totals, boolean operand) {
            String symbol = switch (op) {
                case '+' -> " + ";
                case '-' -> " − ";
                case '*' -> " × ";
                default -> " / ";
            };
            return left.render(totals, true) + symbol + right.render(totals, true);
        }

        public void collect(List<Var> found) {
            left.collect(found);
            right.collect(found);
        }
    }

    /** Parentheses as written, kept so that explanations look like the formula. */
    private record Group(Node inner) implements Node {
        public BigDecimal eval(MeasureTotals totals) {
            return inner.eval(totals);
        }

        public String render(MeasureTotals totals, boolean operand) {
            return "(" + inner.render(totals, false) + ")";
        }

        public void collect(List<Var> found) {
            inner.collect(found);
        }
    }

    private static String plain(BigDecimal v) {
        String s = (v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros()).toPlainString();
        return s.startsWith("-") ? "−" + s.substring(1) : s;
    }

    // ---- tokens and parser -------------------------------------------------------------------------

    private enum Type { NUMBER, NAME, OP, LPAREN, RPAREN, END }

    private record Token(Type type, String text, int position) {
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int pos = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c >= '0' && c <= '9' || c == '.') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                        || s.charAt(i) == '_')) {
                    i++;
                }
                String n = s.substring(start, i);
                if (!n.matches("[0-9]+(\\.[0-9]+)?")) {
                    throw new FormulaException(Kind.MALFORMED_NUMBER, pos, n,
                            "malformed number '" + n + "' at position " + pos);
                }
                tokens.add(new Token(Type.NUMBER, n, pos));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Type.NAME, s.substring(start, i), pos));
            } else if (c == '+' || c == '-' || c == '*' || c == '/') {
                tokens.add(new Token(Type.OP, String.valueOf(c), pos));
                i++;
            } else if (c == '(') {
                tokens.add(new Token(Type.LPAREN, "(", pos));
                i++;
            } else if (c == ')') {
                tokens.add(new Token(Type.RPAREN, ")", pos));
                i++;
            } else {
                String ch = new String(Character.toChars(s.codePointAt(i)));
                throw new FormulaException(Kind.UNEXPECTED_CHARACTER, pos, ch,
                        "unexpected character '" + ch + "' at position " + pos
                                + "; allowed are measure names, numbers, + - * / and parentheses");
            }
        }
        tokens.add(new Token(Type.END, "", s.length() + 1));
        return tokens;
    }

    private static final class Parser {
        private final List<Token> tokens;
        private final java.util.function.Predicate<String> statistic;
        private int next;

        Parser(String text, List<Token> tokens, java.util.function.Predicate<String> statistic) {
            this.tokens = tokens;
            this.statistic = statistic;
        }

        Node expression() {
            Node left = term();
            while (peek().type() == Type.OP && (peek().text().equals("+") || peek().text().equals("-"))) {
                char op = take().text().charAt(0);
                left = new Bin(op, left, term());
            }
            return left;
        }

        private Node term() {
            Node left = factor();
            while (peek().type() == Type.OP && (peek().text().equals("*") || peek().text().equals("/"))) {
                char op = take().text().charAt(0);
                left = new Bin(op, left, factor());
            }
            return left;
        }

        private Node factor() {
            if (peek().type() == Type.OP && peek().text().equals("-")) {
                take();
                return new Neg(factor());
            }
            return primary();
        }

        private Node primary() {
            Token t = take();
            switch (t.type()) {
                case NUMBER:
                    return new Num(new BigDecimal(t.text()), t.text());
                case NAME:
                    Optional<Measure> m = Measure.byKey(t.text());
                    if (m.isPresent()) {
                        return new Var(t.text(), m.get());
                    }
                    if (MeasureTotals.DAYS.equals(t.text()) || statistic.test(t.text())) {
                        return new Var(t.text(), null);
                    }
                    throw new FormulaException(Kind.UNKNOWN_MEASURE, t.position(), t.text(),
                            "unknown measure '" + t.text() + "' at position " + t.position());
                case LPAREN:
                    Node inner = expression();
                    Token close = take();
                    if (close.type() != Type.RPAREN) {
                        throw unexpected(close, "')'");
                    }
                    return new Group(inner);
                default:
                    throw unexpected(t, "a number, a measure or '('");
            }
        }

        void expectEnd() {
            Token t = peek();
            if (t.type() != Type.END) {
                throw unexpected(t, "an operator or the end of the formula");
            }
        }

        private static FormulaException unexpected(Token t, String expected) {
            if (t.type() == Type.END) {
                return new FormulaException(Kind.UNEXPECTED_END, t.position(), "",
                        "the formula ends too early at position " + t.position() + ": expected " + expected);
            }
            return new FormulaException(Kind.UNEXPECTED_TOKEN, t.position(), t.text(),
                    "unexpected '" + t.text() + "' at position " + t.position() + ": expected " + expected);
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.type() != Type.END) {
                next++;
            }
            return t;
        }
    }
}
