package org.meridian.feedback;

import java.util.Map;

import org.meridian.indicator.scoring.Quadrant;

/**
 * The quadrant rules every hospital starts with (默认象限建议), one per quadrant of the performance–brand matrix
 * (network.md §2): what a department or institution placed there should do next. Seeded the first time a hospital's
 * quadrant rules are read; a hospital edits or disables them on the rules page.
 */
final class DefaultQuadrantRules {

    private DefaultQuadrantRules() {
    }

    /** Chinese and English text per quadrant. */
    static Map<Quadrant, String[]> all() {
        return Map.of(
                Quadrant.STAR, new String[] {
                        "绩效与品牌双高：保持优势，总结可推广的做法，带动相关科室或成员单位共同提升。",
                        "High performance and brand: keep the lead, write down what works and help related units "
                                + "improve with it."},
                Quadrant.UNDER_RECOGNISED, new String[] {
                        "绩效高、品牌低：成绩尚未被知晓。建议加强健康科普、媒体宣传和学术交流，让患者和同行了解本单位的优势。",
                        "High performance, low brand: the results are not known yet. Do more health education, "
                                + "media work and professional talks so that patients and peers learn of them."},
                Quadrant.BRAND_AT_RISK, new String[] {
                        "品牌高、绩效低：声誉高于当前表现，存在口碑风险。建议优先改进质量与效率的薄弱指标，避免品牌透支。",
                        "High brand, low performance: the reputation is ahead of today's results. Fix the weak "
                                + "quality and efficiency indicators first, before the reputation wears off."},
                Quadrant.WEAK, new String[] {
                        "绩效与品牌双低：建议制定整改计划，明确责任人和时限，先补齐质量与效率短板，再逐步建设品牌。",
                        "Low performance and brand: draw up a rectification plan with owners and deadlines, close "
                                + "the quality and efficiency gaps first, then build the brand step by step."});
    }
}
