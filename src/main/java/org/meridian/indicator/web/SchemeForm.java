package org.meridian.indicator.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meridian.indicator.CatalogueEntry;
import org.meridian.indicator.WeightingInputs;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.indicator.scoring.SchemeSnapshot;
import org.meridian.shared.problem.Problem;

/**
 * The scheme editor's form: one row per catalogue indicator (included or not) and a few tier rows. Converts to a
 * {@link SchemeDraft} and maps the draft's problems (API field paths) back to the form's fields.
 */
public class SchemeForm {

    static final int TIER_ROWS = 5;

    private List<Row> rows = new ArrayList<>();
    private List<TierRow> tiers = new ArrayList<>();
    private String whatIfPeriod;
    private String weightingMethod;
    private String weightingCodes;
    private String weightingMatrix;
    private String weightingAlpha;
    private String weightingPeriod;

    public List<Row> getRows() {
        return rows;
    }

    public void setRows(List<Row> rows) {
        this.rows = rows;
    }

    /** The past period the what-if re-scores (not part of the scheme). */
    public String getWhatIfPeriod() {
        return whatIfPeriod;
    }

    public void setWhatIfPeriod(String whatIfPeriod) {
        this.whatIfPeriod = whatIfPeriod;
    }

    /** The weighting assistant's inputs the weights came from (hidden fields; empty when set by hand). */
    public String getWeightingMethod() {
        return weightingMethod;
    }

    public void setWeightingMethod(String weightingMethod) {
        this.weightingMethod = weightingMethod;
    }

    public String getWeightingCodes() {
        return weightingCodes;
    }

    public void setWeightingCodes(String weightingCodes) {
        this.weightingCodes = weightingCodes;
    }

    public String getWeightingMatrix() {
        return weightingMatrix;
    }

    public void setWeightingMatrix(String weightingMatrix) {
        this.weightingMatrix = weightingMatrix;
    }

    public String getWeightingAlpha() {
        return weightingAlpha;
    }

    public void setWeightingAlpha(String weightingAlpha) {
        this.weightingAlpha = weightingAlpha;
    }

    public String getWeightingPeriod() {
        return weightingPeriod;
    }

    public void setWeightingPeriod(String weightingPeriod) {
        this.weightingPeriod = weightingPeriod;
    }

    /** Whether the form carries the weighting assistant's inputs. */
    public boolean isWeighted() {
        return weightingMethod != null && !weightingMethod.isBlank();
    }

    /** The weighting assistant's inputs read from the hidden fields (problems under {@code weighting.*}). */
    WeightingInputs.Parsed weighting() {
        return WeightingInputs.parse(weightingMethod, weightingCodes, weightingMatrix, weightingAlpha, weightingPeriod);
    }

    /**
     * Puts the assistant's weights into the form: exactly the weighed indicators included, each with its weight in
     * points; every other setting of a row (its scoring rule) stays as it was.
     */
    void weigh(WeightingInputs inputs, List<BigDecimal> points) {
        for (Row row : rows) {
            int i = inputs.codes().indexOf(row.getCode());
            row.setIncluded(i >= 0);
            if (i >= 0) {
                row.setWeight(plain(points.get(i)));
            }
        }
        weightingMethod = inputs.method().name();
        weightingCodes = inputs.codesText();
        weightingMatrix = inputs.method().usesMatrix() ? inputs.matrixText() : "";
        weightingAlpha = inputs.method() == org.meridian.indicator.WeightMethod.COMBINED && inputs.alpha() != null
                ? inputs.alpha().toString() : "";
        weightingPeriod = inputs.method().usesPeriod() && inputs.period() != null ? inputs.period().toString() : "";
    }

    public List<TierRow> getTiers() {
        return tiers;
    }

    public void setTiers(List<TierRow> tiers) {
        this.tiers = tiers;
    }

    /** One indicator line of the editor. Bands are written as {@code threshold:score} pairs, e.g. {@code 4:100, 24:80}. */
    public static class Row {
        private String code;
        private boolean included;
        private String weight;
        private String method = "LINEAR";
        private String zero;
        private String full;
        private String bands;

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public boolean isIncluded() {
            return included;
        }

        public void setIncluded(boolean included) {
            this.included = included;
        }

        public String getWeight() {
            return weight;
        }

        public void setWeight(String weight) {
            this.weight = weight;
        }

        public String getMethod() {
            return method;
        }

        public void setMethod(String method) {
            this.method = method;
        }

        public String getZero() {
            return zero;
        }

        public void setZero(String zero) {
            this.zero = zero;
        }

        public String getFull() {
            return full;
        }

        public void setFull(String full) {
            this.full = full;
        }

        public String getBands() {
            return bands;
        }

        public void setBands(String bands) {
            this.bands = bands;
        }
    }

    public static class TierRow {
        private String tier;
        private String minTotal;

        public TierRow() {
        }

        TierRow(String tier, String minTotal) {
            this.tier = tier;
            this.minTotal = minTotal;
        }

        public String getTier() {
            return tier;
        }

        public void setTier(String tier) {
            this.tier = tier;
        }

        public String getMinTotal() {
            return minTotal;
        }

        public void setMinTotal(String minTotal) {
            this.minTotal = minTotal;
        }
    }

    /** The form for a scheme (or, without one, every indicator left out and the default tiers A 85, B 70, C 55). */
    static SchemeForm of(List<CatalogueEntry> catalogue, SchemeSnapshot scheme) {
        SchemeForm form = new SchemeForm();
        SchemeDraft draft = scheme == null ? null : SchemeDraft.of(scheme);
        for (CatalogueEntry e : catalogue) {
            Row row = new Row();
            row.setCode(e.code());
            if (draft != null) {
                draft.indicators().stream().filter(i -> i.code().equals(e.code())).findFirst().ifPresent(i -> {
                    row.setIncluded(true);
                    row.setWeight(plain(i.weight()));
                    row.setMethod(i.scoring().method());
                    row.setZero(plain(i.scoring().zero()));
                    row.setFull(plain(i.scoring().full()));
                    if (i.scoring().bands() != null) {
                        row.setBands(String.join(", ", i.scoring().bands().stream()
                                .map(b -> plain(b.get(0)) + ":" + plain(b.get(1))).toList()));
                    }
                });
            }
            form.rows.add(row);
        }
        if (draft != null) {
            draft.tiers().forEach(t -> form.tiers.add(new TierRow(t.tier(), plain(t.minTotal()))));
        } else {
            form.tiers.add(new TierRow("A", "85"));
            form.tiers.add(new TierRow("B", "70"));
            form.tiers.add(new TierRow("C", "55"));
        }
        form.padTiers();
        return form;
    }

    void padTiers() {
        while (tiers.size() < TIER_ROWS) {
            tiers.add(new TierRow());
        }
    }

    /** A draft made of the form, with the form problems found while reading numbers and bands. */
    record Conversion(SchemeDraft draft, List<Integer> rowOfItem, List<Integer> rowOfTier,
                      Map<String, Problem> problems) {

        /** Adds the draft's problems under the form's field names (the first problem of a field wins). */
        void addDraftProblems(List<Problem> draftProblems) {
            for (Problem p : draftProblems) {
                problems.putIfAbsent(formField(p.path()), p);
            }
        }

        private String formField(String path) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("indicators\\[(\\d+)](?:\\.(.*))?").matcher(path);
            if (m.matches()) {
                String row = "rows[" + rowOfItem.get(Integer.parseInt(m.group(1))) + "].";
                String rest = m.group(2) == null ? "code" : m.group(2);
                if (rest.equals("weight")) {
                    return row + "weight";
                }
                if (rest.equals("scoring.zero")) {
                    return row + "zero";
                }
                if (rest.equals("scoring.full")) {
                    return row + "full";
                }
                if (rest.startsWith("scoring.bands")) {
                    return row + "bands";
                }
                if (rest.startsWith("scoring")) {
                    return row + "method";
                }
                return row + "code";
            }
            m = java.util.regex.Pattern.compile("tiers\\[(\\d+)]\\.(.*)").matcher(path);
            if (m.matches()) {
                return "tiers[" + rowOfTier.get(Integer.parseInt(m.group(1))) + "]." + m.group(2);
            }
            return path;
        }
    }

    Conversion convert() {
        Map<String, Problem> problems = new LinkedHashMap<>();
        List<SchemeDraft.Item> items = new ArrayList<>();
        List<Integer> rowOfItem = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (!row.isIncluded()) {
                continue;
            }
            String f = "rows[" + r + "].";
            BigDecimal weight = number(row.getWeight(), f + "weight", problems);
            String method = row.getMethod() == null ? "" : row.getMethod();
            SchemeDraft.Scoring scoring = switch (method) {
                case "LINEAR" -> new SchemeDraft.Scoring(method, number(row.getZero(), f + "zero", problems),
                        number(row.getFull(), f + "full", problems), null);
                case "BANDS" -> new SchemeDraft.Scoring(method, null, null, bands(row.getBands(), f + "bands", problems));
                default -> new SchemeDraft.Scoring(method, null, null, null);
            };
            items.add(new SchemeDraft.Item(row.getCode(), weight, scoring));
            rowOfItem.add(r);
        }
        List<SchemeDraft.Tier> tierList = new ArrayList<>();
        List<Integer> rowOfTier = new ArrayList<>();
        for (int t = 0; t < tiers.size(); t++) {
            TierRow row = tiers.get(t);
            if (blank(row.getTier()) && blank(row.getMinTotal())) {
                continue;
            }
            tierList.add(new SchemeDraft.Tier(blank(row.getTier()) ? null : row.getTier().strip(),
                    number(row.getMinTotal(), "tiers[" + t + "].minTotal", problems)));
            rowOfTier.add(t);
        }
        return new Conversion(new SchemeDraft(items, tierList), rowOfItem, rowOfTier, problems);
    }

    /** Each included row's share of the included rows' total weight, in percent with one decimal, by row index. */
    Map<Integer, String> shares() {
        Map<Integer, BigDecimal> weights = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            if (row.isIncluded()) {
                try {
                    BigDecimal w = new BigDecimal(row.getWeight().strip());
                    if (w.signum() > 0) {
                        weights.put(r, w);
                    }
                } catch (RuntimeException e) {
                    // not a number: no share; the problem is shown beside the field
                }
            }
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<Integer, String> shares = new LinkedHashMap<>();
        weights.forEach((r, w) -> shares.put(r, w.multiply(BigDecimal.valueOf(100))
                .divide(sum, 1, RoundingMode.HALF_UP).toPlainString() + " %"));
        return shares;
    }

    private static BigDecimal number(String text, String field, Map<String, Problem> problems) {
        if (blank(text)) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            problems.putIfAbsent(field, Problem.of(field, "indicator.form.notNumber", text.strip()));
            return null;
        }
    }

    private static List<List<BigDecimal>> bands(String text, String field, Map<String, Problem> problems) {
        List<List<BigDecimal>> bands = new ArrayList<>();
        if (blank(text)) {
            return bands;
        }
        for (String part : text.split("[,;，；\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] pair = part.split("[:：]");
            try {
                if (pair.length != 2) {
                    throw new NumberFormatException(part);
                }
                bands.add(List.of(new BigDecimal(pair[0].strip()), new BigDecimal(pair[1].strip())));
            } catch (NumberFormatException e) {
                problems.putIfAbsent(field, Problem.of(field, "indicator.form.bandsFormat", part));
                return null;
            }
        }
        return bands;
    }

    private static String plain(BigDecimal v) {
        return v == null ? null : v.stripTrailingZeros().toPlainString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
