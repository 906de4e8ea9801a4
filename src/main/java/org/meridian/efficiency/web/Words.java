package org.meridian.efficiency.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.meridian.efficiency.EfficiencyRun;
import org.meridian.efficiency.RunMeasure;
import org.meridian.efficiency.UnitEfficiency;
import org.meridian.efficiency.method.Orientation;
import org.springframework.context.MessageSource;

/**
 * A run's results in words for the page and the workbook: what a unit could change to reach the frontier ("以现有产出，
 * 可减少开放床位 6 张"), its peers by name, efficiencies with three decimals and amounts with the precision a person
 * reads (one decimal below 100, whole numbers from 100; an amount that rounds to 0 is not mentioned).
 */
final class Words {

    private final MessageSource messages;
    private final Locale locale;

    Words(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /**
     * What the unit could save of its inputs and add to its outputs, at the run's orientation: e.g. "以现有产出，可减少
     * 医生 1 人、开放床位 30 张；可增加出院人次 12 人次".
     */
    String targets(EfficiencyRun run, UnitEfficiency u) {
        List<String> fewer = new ArrayList<>();
        for (int i = 0; i < run.inputs().size(); i++) {
            String a = amount(u.inputs()[i] - u.inputTargets()[i]);
            if (a != null) {
                RunMeasure m = run.inputs().get(i);
                fewer.add(text("efficiency.words.item", m.name(locale), a, m.unit()));
            }
        }
        List<String> more = new ArrayList<>();
        for (int r = 0; r < run.outputs().size(); r++) {
            String a = amount(u.outputTargets()[r] - u.outputs()[r]);
            if (a != null) {
                RunMeasure m = run.outputs().get(r);
                more.add(text("efficiency.words.item", m.name(locale), a, m.unit()));
            }
        }
        if (fewer.isEmpty() && more.isEmpty()) {
            return text("efficiency.words.none");
        }
        String and = text("efficiency.words.and");
        List<String> groups = new ArrayList<>();
        if (!fewer.isEmpty()) {
            groups.add(text("efficiency.words.reduce", String.join(and, fewer)));
        }
        if (!more.isEmpty()) {
            groups.add(text("efficiency.words.increase", String.join(and, more)));
        }
        String lead = run.orientation() == Orientation.INPUT ? "efficiency.words.inputLead"
                : "efficiency.words.outputLead";
        return text(lead) + String.join(text("efficiency.words.then"), groups);
    }

    /**
     * The peers by name with their weights λ, e.g. "呼吸科（0.50）、儿科（0.50）"; an efficient unit, its own peer,
     * shows "—".
     */
    String peers(UnitEfficiency u, List<UnitEfficiency> all) {
        List<String> names = new ArrayList<>();
        for (UnitEfficiency.RunPeer p : u.peers()) {
            if (p.position() != u.position()) {
                names.add(text("efficiency.words.peer", all.get(p.position()).unitName(), decimals(p.lambda(), 2)));
            }
        }
        return names.isEmpty() ? "—" : String.join(text("efficiency.words.and"), names);
    }

    /** A positive amount with a person's precision, or null when it rounds to 0. */
    static String amount(double v) {
        if (!(v > 0)) {
            return null;
        }
        BigDecimal d = BigDecimal.valueOf(v).setScale(v >= 100 ? 0 : 1, RoundingMode.HALF_UP).stripTrailingZeros();
        if (d.signum() == 0) {
            return null;
        }
        return d.toPlainString();
    }

    /** A value with a fixed number of decimals; "—" for null. */
    static String decimals(Double v, int scale) {
        return v == null ? "—" : BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** A data value as reported: whole numbers without decimals, others with up to two. */
    static String value(double v) {
        BigDecimal d = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}
