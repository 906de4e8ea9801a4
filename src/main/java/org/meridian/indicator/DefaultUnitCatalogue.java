package org.meridian.indicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.meridian.indicator.scoring.Dimension;
import org.meridian.indicator.scoring.Direction;
import org.meridian.indicator.scoring.Formula;
import org.meridian.indicator.scoring.IndicatorDefinition;
import org.meridian.indicator.scoring.SchemeDraft;
import org.meridian.shared.UnitType;

/**
 * The default catalogue for departments (科室) and institutions (机构), network.md §1: the statistic measures a
 * hospital's HIS, finance and survey systems report monthly, the indicators over them in the dimensions of
 * network.md (医疗质量, 运营效率, 持续发展, 满意度, 社会责任, 品牌) and a scheme for each department and institution type.
 * The indicators are modelled on the national tertiary public hospital performance assessment (三级公立医院绩效考核,
 * the list annexed to 国办发〔2019〕4号); each one's description names its source and, where the national list has
 * it, its number there. Indicators the national list does not number name the standard they come from (医院评审,
 * 基层医疗卫生机构绩效考核, 成本核算) or say that they are Meridian's own (the brand indicators of network.md §2).
 *
 * <p>Unlike the channel catalogue ({@link DefaultIndicators}) these are not built in: a hospital takes them over with
 * {@link DefaultCatalogue#install}, after which they are its own measures, indicators and schemes, to be kept or
 * changed like any other.
 */
public final class DefaultUnitCatalogue {

    private DefaultUnitCatalogue() {
    }

    private static final Direction UP = Direction.HIGHER_IS_BETTER;
    private static final Direction DOWN = Direction.LOWER_IS_BETTER;
    private static final String NATIONAL = "三级公立医院绩效考核指标（国办发〔2019〕4号）";
    private static final String NATIONAL_EN = "national tertiary public hospital performance assessment "
            + "(国办发〔2019〕4号)";

    /** The default statistic measures (统计指标项), reported per unit and month. */
    public static final List<StatisticMeasure> MEASURES = List.of(
            // workload and beds (工作量与床位)
            sum("outpatient_visits", "门急诊人次", "Outpatient and emergency visits", "人次"),
            sum("discharges", "出院人次", "Discharges", "人次"),
            sum("inpatient_days", "出院者占用总床日数", "Bed days of discharged patients", "床日"),
            sum("occupied_bed_days", "实际占用总床日数", "Occupied bed days", "床日"),
            sum("open_bed_days", "实际开放总床日数", "Open bed days", "床日"),
            last("open_beds", "实际开放床位数", "Open beds", "张"),
            sum("surgeries", "出院患者手术台次", "Operations on discharged patients", "台次"),
            sum("level4_surgeries", "出院患者四级手术台次", "Level-4 operations", "台次"),
            sum("minimally_invasive_surgeries", "出院患者微创手术台次", "Minimally invasive operations", "台次"),
            sum("elective_surgeries", "择期手术台次", "Elective operations", "台次"),
            sum("day_surgeries", "日间手术台次", "Day-case operations", "台次"),
            sum("cmi_weight", "DRG 总权重", "Total DRG weight (CMI-weighted cases)", "权重"),
            // quality and safety (质量安全)
            sum("inpatient_deaths", "住院死亡人数", "Inpatient deaths", "人"),
            sum("low_risk_cases", "低风险组病例数", "Cases in low-risk DRG groups", "例"),
            sum("low_risk_deaths", "低风险组死亡例数", "Deaths in low-risk DRG groups", "例"),
            sum("readmissions_31d", "出院 31 天内非预期再住院人次", "Unplanned readmissions within 31 days", "人次"),
            sum("surgical_complications", "手术患者并发症例数", "Surgical complications", "例"),
            // medical technology (医技)
            sum("exams", "检查检验人次", "Examinations and tests", "人次"),
            avg("report_hours", "平均报告时间", "Average report turnaround", "小时"),
            sum("large_equipment_exams", "大型医用设备检查人次", "Large-equipment examinations", "人次"),
            sum("large_equipment_positive", "大型医用设备检查阳性人次", "Positive large-equipment examinations",
                    "人次"),
            sum("critical_values", "危急值例数", "Critical values", "例"),
            sum("critical_values_timely", "危急值及时通报例数", "Critical values reported in time", "例"),
            last("eqa_items_passed", "通过国家室间质评项目数", "Items passing national external quality assessment",
                    "项"),
            // money (收支与成本)
            sum("medical_revenue", "医疗收入", "Medical revenue", "元"),
            sum("drug_revenue", "药品收入", "Drug revenue", "元"),
            sum("service_revenue", "医疗服务收入（不含药品、耗材、检查检验）",
                    "Medical-service revenue (without drugs, consumables, tests)", "元"),
            sum("total_cost", "医疗业务成本", "Total cost of care", "元"),
            // staff, research (人员与科研)
            last("physicians", "执业医师人数", "Licensed physicians", "人"),
            last("nurses", "注册护士人数", "Registered nurses", "人"),
            last("health_technicians", "卫生技术人员数", "Health technicians", "人"),
            last("senior_staff", "高级职称卫生技术人员数", "Health technicians with a senior title", "人"),
            sum("research_funding", "科研项目经费", "Research funding", "元"),
            sum("papers", "发表论文数", "Papers published", "篇"),
            // satisfaction (满意度)
            avg("outpatient_satisfaction", "门诊患者满意度得分", "Outpatient satisfaction score", "分"),
            avg("inpatient_satisfaction", "住院患者满意度得分", "Inpatient satisfaction score", "分"),
            avg("staff_satisfaction", "医务人员满意度得分", "Staff satisfaction score", "分"),
            // social responsibility (社会责任)
            sum("downward_referrals", "下转患者人次", "Patients referred down to primary care", "人次"),
            sum("upward_referrals", "上转患者人次", "Patients referred up", "人次"),
            sum("support_days", "对口支援与下基层帮扶人日", "Days of support to primary care", "人日"),
            sum("public_health_tasks", "公共卫生任务数", "Public-health duties assigned", "项"),
            sum("public_health_tasks_done", "公共卫生任务完成数", "Public-health duties done", "项"),
            // brand (品牌)
            avg("awareness_rate", "品牌知晓率（调查）", "Brand awareness (survey)", "%"),
            avg("recommend_rate", "患者推荐率（调查）", "Patients who would recommend (survey)", "%"),
            avg("online_rating", "网络口碑评分", "Online rating", "分 (1–5)"),
            sum("positive_media_reports", "正面媒体报道数", "Positive media reports", "篇"),
            sum("conference_talks", "学术会议发言次数", "Talks at professional meetings", "次"),
            sum("health_education_sessions", "健康科普与义诊场次", "Health education and free clinics", "场"),
            sum("patient_complaints", "患者投诉件数", "Patient complaints", "件"),
            sum("outside_area_patients", "异地患者人次", "Patients from outside the area", "人次"),
            // institutions (机构)
            sum("appointment_visits", "预约诊疗人次", "Visits booked in advance", "人次"),
            last("emr_level", "电子病历应用功能水平分级", "Electronic medical record level", "级"),
            sum("staff_expense", "人员支出", "Staff expenditure", "元"),
            sum("business_expense", "业务支出", "Operating expenditure", "元"),
            sum("energy_cost", "能耗支出", "Energy expenditure", "元"),
            last("hypertension_patients", "在管高血压患者数", "Hypertension patients under care", "人"),
            last("hypertension_managed", "规范管理高血压患者数", "Hypertension patients managed to standard", "人"),
            last("diabetes_patients", "在管糖尿病患者数", "Diabetes patients under care", "人"),
            last("diabetes_managed", "规范管理糖尿病患者数", "Diabetes patients managed to standard", "人"),
            last("key_population", "重点人群数", "Key population (elderly, chronic, maternal, children)", "人"),
            last("family_doctor_contracts", "重点人群家庭医生签约人数", "Key population with a family doctor", "人"));

    /** The codes of {@link #MEASURES}. */
    public static final Set<String> MEASURE_CODES =
            MEASURES.stream().map(StatisticMeasure::code).collect(Collectors.toUnmodifiableSet());

    /** The default department catalogue (科室指标库): clinical and medical-technology indicators, in dimension order. */
    public static final List<IndicatorDefinition> DEPARTMENT = List.of(
            // QUALITY 医疗质量
            of("SURGERY_SHARE", Dimension.QUALITY, "出院患者手术占比", "Share of discharges operated on", "%", "%",
                    UP, "100 * surgeries / discharges",
                    national(4, "出院患者手术占比", "出院患者手术台次 / 同期出院人次 × 100"),
                    nationalEn(4, "share of discharged patients operated on", "operations / discharges × 100")),
            of("MINIMALLY_INVASIVE_SHARE", Dimension.QUALITY, "出院患者微创手术占比",
                    "Share of minimally invasive operations", "%", "%", UP,
                    "100 * minimally_invasive_surgeries / surgeries",
                    national(5, "出院患者微创手术占比", "微创手术台次 / 同期出院患者手术台次 × 100"),
                    nationalEn(5, "share of minimally invasive operations",
                            "minimally invasive operations / operations × 100")),
            of("LEVEL4_SURGERY_SHARE", Dimension.QUALITY, "出院患者四级手术比例", "Share of level-4 operations", "%",
                    "%", UP, "100 * level4_surgeries / surgeries",
                    national(6, "出院患者四级手术比例", "四级手术台次 / 同期出院患者手术台次 × 100"),
                    nationalEn(6, "share of level-4 operations", "level-4 operations / operations × 100")),
            of("DAY_SURGERY_SHARE", Dimension.QUALITY, "日间手术占择期手术比例", "Day-case share of elective operations",
                    "%", "%", UP, "100 * day_surgeries / elective_surgeries",
                    national(3, "日间手术占择期手术比例", "日间手术台次 / 同期择期手术台次 × 100"),
                    nationalEn(3, "day-case share of elective operations",
                            "day-case operations / elective operations × 100")),
            of("SURGICAL_COMPLICATION_RATE", Dimension.QUALITY, "手术患者并发症发生率", "Surgical complication rate",
                    "%", "%", DOWN, "100 * surgical_complications / surgeries",
                    national(8, "手术患者并发症发生率", "手术患者并发症例数 / 同期出院患者手术台次 × 100；越低越好"),
                    nationalEn(8, "surgical complication rate", "complications / operations × 100; lower is better")),
            of("LOW_RISK_MORTALITY", Dimension.QUALITY, "低风险组病例死亡率", "Mortality in low-risk DRG groups", "%",
                    "%", DOWN, "100 * low_risk_deaths / low_risk_cases",
                    national(14, "低风险组病例死亡率", "低风险组死亡例数 / 同期低风险组病例数 × 100；越低越好"),
                    nationalEn(14, "mortality in low-risk DRG groups",
                            "deaths / cases in low-risk groups × 100; lower is better")),
            of("INPATIENT_MORTALITY", Dimension.QUALITY, "住院患者死亡率", "Inpatient mortality", "%", "%", DOWN,
                    "100 * inpatient_deaths / discharges",
                    "来源：医院等级评审（《三级医院评审标准》）的医疗质量监测指标，国家三级公立医院绩效考核未单列编号。"
                            + "计算：住院死亡人数 / 同期出院人次 × 100；越低越好。",
                    "Source: the quality monitoring data of hospital accreditation (三级医院评审标准); not a "
                            + "numbered indicator of the national list. Deaths / discharges × 100; lower is better."),
            of("READMISSION_31D", Dimension.QUALITY, "出院患者 31 天内非预期再住院率",
                    "Unplanned readmission within 31 days", "%", "%", DOWN, "100 * readmissions_31d / discharges",
                    "来源：《三级医院评审标准》医疗质量监测指标「住院患者出院后 0–31 天非预期再住院率」，国家三级公立医院"
                            + "绩效考核未单列编号。计算：31 天内非预期再住院人次 / 同期出院人次 × 100；越低越好。",
                    "Source: the accreditation standard's 0–31-day unplanned readmission rate (三级医院评审标准); not "
                            + "numbered in the national list. Readmissions / discharges × 100; lower is better."),
            of("LARGE_EQUIPMENT_POSITIVE_RATE", Dimension.QUALITY, "大型医用设备检查阳性率",
                    "Positive rate of large-equipment examinations", "%", "%", UP,
                    "100 * large_equipment_positive / large_equipment_exams",
                    national(11, "大型医用设备检查阳性率", "阳性人次 / 同期大型医用设备检查人次 × 100"),
                    nationalEn(11, "positive rate of large-equipment examinations",
                            "positive examinations / examinations × 100")),
            of("EQA_ITEMS_PASSED", Dimension.QUALITY, "通过国家室间质评的项目数",
                    "Items passing national external quality assessment", "项", "items", UP, "eqa_items_passed",
                    national(13, "通过国家室间质量评价的临床检验项目数", "期末通过的项目数"),
                    nationalEn(13, "clinical laboratory items passing national external quality assessment",
                            "items passing at the end of the period")),
            of("CRITICAL_VALUE_TIMELY_RATE", Dimension.QUALITY, "危急值及时通报率", "Critical values reported in time",
                    "%", "%", UP, "100 * critical_values_timely / critical_values",
                    "来源：《医疗质量安全核心制度要点》危急值报告制度与医技科室质控指标，国家三级公立医院绩效考核未单列编号。"
                            + "计算：及时通报的危急值例数 / 同期危急值例数 × 100。",
                    "Source: the critical-value reporting rule of the core rules of medical quality and safety "
                            + "(医疗质量安全核心制度); not numbered in the national list. Timely / all critical values × 100."),
            // EFFICIENCY 运营效率
            of("OUTPATIENT_INPATIENT_RATIO", Dimension.EFFICIENCY, "门诊人次数与出院人次数比",
                    "Outpatient visits per discharge", "倍", "×", DOWN, "outpatient_visits / discharges",
                    national(1, "门诊人次数与出院人次数比", "门急诊人次 / 同期出院人次；三级医院以收治疑难重症为本，越低越好"),
                    nationalEn(1, "outpatient visits per discharge",
                            "visits / discharges; a tertiary hospital should treat inpatients, so lower is better")),
            of("BED_OCCUPANCY", Dimension.EFFICIENCY, "床位使用率", "Bed occupancy", "%", "%", UP,
                    "100 * occupied_bed_days / open_bed_days",
                    "来源：卫生统计与医院评审的床位使用率，国家三级公立医院绩效考核未单列编号。计算：实际占用总床日数 / "
                            + "实际开放总床日数 × 100。",
                    "Source: bed occupancy of health statistics and accreditation; not numbered in the national "
                            + "list. Occupied / open bed days × 100."),
            of("AVERAGE_LENGTH_OF_STAY", Dimension.EFFICIENCY, "平均住院日", "Average length of stay", "天", "days",
                    DOWN, "inpatient_days / discharges",
                    "来源：卫生统计与医院评审的出院者平均住院日，国家三级公立医院绩效考核未单列编号。计算：出院者占用总床日数 / "
                            + "同期出院人次；越短越好。",
                    "Source: average length of stay of health statistics and accreditation; not numbered in the "
                            + "national list. Bed days of discharged patients / discharges; shorter is better."),
            of("CMI", Dimension.EFFICIENCY, "病例组合指数（CMI）", "Case mix index (CMI)", "", "", UP,
                    "cmi_weight / discharges",
                    "来源：DRG 绩效评价的病例组合指数，国家三级公立医院绩效考核以 DRG 评价手术与疑难程度，未单列编号。"
                            + "计算：DRG 总权重 / 同期出院人次。",
                    "Source: the case mix index of DRG-based assessment; not numbered in the national list. "
                            + "Total DRG weight / discharges."),
            of("COST_PER_WEIGHT", Dimension.EFFICIENCY, "每 DRG 权重成本", "Cost per DRG weight", "元", "CNY", DOWN,
                    "total_cost / cmi_weight",
                    "来源：《公立医院成本核算规范》（国卫财务发〔2021〕4号）的 DRG 成本核算；国家三级公立医院绩效考核第 "
                            + "40 项（住院次均费用增幅）按难度校正后的科室口径。计算：医疗业务成本 / DRG 总权重；越低越好。",
                    "Source: DRG costing of the public hospital costing rules (国卫财务发〔2021〕4号); the "
                            + "case-mix-adjusted department form of national indicator 40 (growth of cost per "
                            + "inpatient). Total cost / total DRG weight; lower is better."),
            of("DRUG_SHARE", Dimension.EFFICIENCY, "药品收入占比（药占比）", "Drug share of medical revenue", "%", "%",
                    DOWN, "100 * drug_revenue / medical_revenue",
                    "来源：公立医院药占比控制要求，对应国家三级公立医院绩效考核第 39、41 项（门诊、住院次均药品费用增幅）。"
                            + "计算：药品收入 / 医疗收入 × 100；越低越好。",
                    "Source: the public hospitals' drug-share control; related to national indicators 39 and 41 "
                            + "(growth of drug cost per visit and per inpatient). Drug / medical revenue × 100; "
                            + "lower is better."),
            of("SERVICE_REVENUE_SHARE", Dimension.EFFICIENCY, "医疗服务收入占医疗收入比例",
                    "Medical-service share of medical revenue", "%", "%", UP, "100 * service_revenue / medical_revenue",
                    national(31, "医疗服务收入（不含药品、耗材、检查检验收入）占医疗收入比例",
                            "医疗服务收入 / 医疗收入 × 100"),
                    nationalEn(31, "medical-service revenue (without drugs, consumables, tests) as a share of "
                            + "medical revenue", "service / medical revenue × 100")),
            of("DAILY_INPATIENT_LOAD", Dimension.EFFICIENCY, "每名执业医师日均住院工作负担",
                    "Inpatient bed days per physician per day", "床日", "bed days", UP,
                    "occupied_bed_days / physicians / days",
                    national(25, "每名执业医师日均住院工作负担", "实际占用总床日数 / 执业医师人数 / 统计期天数"),
                    nationalEn(25, "daily inpatient workload per physician",
                            "occupied bed days / physicians / days of the period")),
            of("REPORT_TURNAROUND", Dimension.EFFICIENCY, "平均报告时间", "Report turnaround", "小时", "hours", DOWN,
                    "report_hours",
                    "来源：医技科室质控的检查检验报告时限，国家三级公立医院绩效考核未单列编号。计算：各月平均报告时间的平均；"
                            + "越短越好。",
                    "Source: report turnaround of the medical-technology quality controls; not numbered in the "
                            + "national list. Mean of the monthly averages; shorter is better."),
            of("EXAMS_PER_TECHNICIAN", Dimension.EFFICIENCY, "人均检查检验人次", "Examinations per health technician",
                    "人次", "exams", UP, "exams / health_technicians",
                    "来源：医技科室工作量评价，国家三级公立医院绩效考核未单列编号。计算：检查检验人次 / 卫生技术人员数。",
                    "Source: workload assessment of medical-technology departments; not numbered in the national "
                            + "list. Examinations / health technicians."),
            of("COST_PER_EXAM", Dimension.EFFICIENCY, "每人次检查检验成本", "Cost per examination", "元", "CNY", DOWN,
                    "total_cost / exams",
                    "来源：《公立医院成本核算规范》（国卫财务发〔2021〕4号）的医技科室成本核算，国家三级公立医院绩效考核"
                            + "未单列编号。计算：医疗业务成本 / 检查检验人次；越低越好。",
                    "Source: costing of medical-technology departments in the public hospital costing rules "
                            + "(国卫财务发〔2021〕4号); not numbered in the national list. Total cost / examinations; "
                            + "lower is better."),
            // SUSTAINABILITY 持续发展
            of("SENIOR_TITLE_SHARE", Dimension.SUSTAINABILITY, "高级职称卫生技术人员占比",
                    "Share of health technicians with a senior title", "%", "%", UP,
                    "100 * senior_staff / health_technicians",
                    national(44, "卫生技术人员职称结构", "高级职称卫生技术人员数 / 卫生技术人员数 × 100"),
                    nationalEn(44, "titles of health technicians", "senior titles / health technicians × 100")),
            of("NURSE_PHYSICIAN_RATIO", Dimension.SUSTAINABILITY, "医护比", "Nurses per physician", "", "", UP,
                    "nurses / physicians",
                    national(46, "医护比", "注册护士人数 / 执业医师人数（医护比 1 : x 的 x）"),
                    nationalEn(46, "physician–nurse ratio", "nurses / physicians (the x of 1 : x)")),
            of("RESEARCH_FUNDING", Dimension.SUSTAINABILITY, "每百名卫生技术人员科研项目经费",
                    "Research funding per 100 health technicians", "万元", "10k CNY", UP,
                    "research_funding / health_technicians / 100",
                    national(50, "每百名卫生技术人员科研项目经费", "科研项目经费（元）/ 卫生技术人员数 × 100 / 10000"),
                    nationalEn(50, "research funding per 100 health technicians",
                            "funding (CNY) / health technicians × 100 / 10,000")),
            of("PAPERS", Dimension.SUSTAINABILITY, "发表论文数", "Papers published", "篇", "papers", UP, "papers",
                    "来源：学科建设评价的科研产出，对应国家三级公立医院绩效考核（十一）学科建设，未单列编号。",
                    "Source: research output of discipline assessment, under the national list's heading (11) "
                            + "discipline building; not numbered."),
            // SATISFACTION 满意度
            of("OUTPATIENT_SATISFACTION", Dimension.SATISFACTION, "门诊患者满意度", "Outpatient satisfaction", "分",
                    "points", UP, "outpatient_satisfaction",
                    national(53, "门诊患者满意度", "国家满意度调查平台或同口径调查的得分（0–100）"),
                    nationalEn(53, "outpatient satisfaction", "score of the national survey or one like it (0–100)")),
            of("INPATIENT_SATISFACTION", Dimension.SATISFACTION, "住院患者满意度", "Inpatient satisfaction", "分",
                    "points", UP, "inpatient_satisfaction",
                    national(54, "住院患者满意度", "国家满意度调查平台或同口径调查的得分（0–100）"),
                    nationalEn(54, "inpatient satisfaction", "score of the national survey or one like it (0–100)")),
            of("STAFF_SATISFACTION", Dimension.SATISFACTION, "医务人员满意度", "Staff satisfaction", "分", "points",
                    UP, "staff_satisfaction",
                    national(55, "医务人员满意度", "国家满意度调查平台或同口径调查的得分（0–100）"),
                    nationalEn(55, "staff satisfaction", "score of the national survey or one like it (0–100)")),
            // SOCIAL 社会责任
            of("DOWNWARD_REFERRAL_RATE", Dimension.SOCIAL, "下转患者人次（每千诊疗人次）",
                    "Patients referred down per 1,000 visits and discharges", "‰", "‰", UP,
                    "1000 * downward_referrals / (outpatient_visits + discharges)",
                    national(2, "下转患者人次数（门急诊、住院）", "下转患者人次 / (门急诊人次 + 出院人次) × 1000，按科室规模校正"),
                    nationalEn(2, "patients referred down (outpatient and inpatient)",
                            "referrals down / (visits + discharges) × 1,000, adjusted for size")),
            of("PRIMARY_CARE_SUPPORT", Dimension.SOCIAL, "对口支援与下基层帮扶人日", "Days of support to primary care",
                    "人日", "days", UP, "support_days",
                    "来源：城乡医院对口支援与医联体帮扶要求，对应国家三级公立医院绩效考核第 47 项（接收进修返岗）所属的人才"
                            + "培养方向；未单列为本指标。计算：统计期内派出帮扶的人日数。",
                    "Source: the urban–rural hospital support and medical-alliance duties, in the direction of "
                            + "national indicator 47 (training staff of other hospitals); not itself numbered. Staff "
                            + "days sent to support primary care."),
            of("PUBLIC_HEALTH_COMPLETION", Dimension.SOCIAL, "公共卫生任务完成率", "Public-health duties done", "%", "%",
                    UP, "100 * public_health_tasks_done / public_health_tasks",
                    "来源：医院公共卫生职责（传染病报告、突发事件应急、指令性任务），国家三级公立医院绩效考核未单列编号。"
                            + "计算：完成数 / 任务数 × 100。",
                    "Source: the hospital's public-health duties (notifiable diseases, emergencies, assigned "
                            + "tasks); not numbered in the national list. Done / assigned × 100."),
            // BRAND 品牌 (network.md §2)
            of("BRAND_AWARENESS", Dimension.BRAND, "品牌知晓率", "Brand awareness", "%", "%", UP, "awareness_rate",
                    brand("知晓率：调查中知道本科室（机构）的受访者百分比"),
                    brandEn("awareness: respondents of the survey who know the unit, in per cent")),
            of("RECOMMEND_RATE", Dimension.BRAND, "患者推荐率", "Recommendation rate", "%", "%", UP,
                    "recommend_rate",
                    brand("患者忠诚度：就诊患者调查中愿意向亲友推荐的百分比"),
                    brandEn("loyalty: patients of the survey who would recommend the unit, in per cent")),
            of("ONLINE_RATING", Dimension.BRAND, "网络口碑评分", "Online rating", "分 (1–5)", "points (1–5)", UP,
                    "online_rating",
                    brand("网络口碑：主要点评与挂号平台的平均评分"),
                    brandEn("online reputation: the average rating on the main review and booking platforms")),
            of("MEDIA_REPORTS", Dimension.BRAND, "正面媒体报道", "Positive media reports", "篇", "reports", UP,
                    "positive_media_reports",
                    brand("社会影响力：统计期内的正面媒体报道篇数"),
                    brandEn("social influence: positive media reports in the period")),
            of("CONFERENCE_TALKS", Dimension.BRAND, "学术会议发言", "Talks at professional meetings", "次", "talks", UP,
                    "conference_talks",
                    brand("学术影响力：在省级及以上学术会议的发言次数"),
                    brandEn("professional influence: talks at provincial or national meetings")),
            of("HEALTH_EDUCATION", Dimension.BRAND, "健康科普与义诊", "Health education and free clinics", "场",
                    "sessions", UP, "health_education_sessions",
                    brand("公益品牌：健康科普讲座与义诊场次"),
                    brandEn("public-welfare brand: health talks and free clinics held")),
            of("OUTSIDE_AREA_SHARE", Dimension.BRAND, "异地患者占比", "Patients from outside the area", "%", "%", UP,
                    "100 * outside_area_patients / (outpatient_visits + discharges)",
                    brand("辐射能力：异地患者人次 / (门急诊人次 + 出院人次) × 100"),
                    brandEn("reach: patients from outside the area / (visits + discharges) × 100")),
            of("COMPLAINT_RATE_10K", Dimension.BRAND, "投诉率（每万诊疗人次）", "Complaints per 10,000 visits", "‱", "‱",
                    DOWN, "10000 * patient_complaints / (outpatient_visits + discharges)",
                    brand("口碑风险：患者投诉件数 / (门急诊人次 + 出院人次) × 10000；越低越好"),
                    brandEn("reputation risk: complaints / (visits + discharges) × 10,000; lower is better")),
            of("EXAM_COMPLAINT_RATE_10K", Dimension.BRAND, "投诉率（每万检查检验人次）",
                    "Complaints per 10,000 examinations", "‱", "‱", DOWN, "10000 * patient_complaints / exams",
                    brand("医技科室的口碑风险：患者投诉件数 / 检查检验人次 × 10000；越低越好"),
                    brandEn("reputation risk of a medical-technology department: complaints / examinations × "
                            + "10,000; lower is better")));

    /**
     * The indicators only institutions use (机构指标); an institution scheme also uses department indicators that make
     * sense for a whole hospital (mortality, length of stay, satisfaction…).
     */
    public static final List<IndicatorDefinition> INSTITUTION_ONLY = List.of(
            of("APPOINTMENT_RATE", Dimension.EFFICIENCY, "门诊患者预约诊疗率", "Outpatient visits booked in advance",
                    "%", "%", UP, "100 * appointment_visits / outpatient_visits",
                    national(22, "门诊患者平均预约诊疗率", "预约诊疗人次 / 同期门急诊人次 × 100"),
                    nationalEn(22, "outpatient visits booked in advance", "booked visits / visits × 100")),
            of("EMR_LEVEL", Dimension.SUSTAINABILITY, "电子病历应用功能水平分级", "Electronic medical record level", "级",
                    "level", UP, "emr_level",
                    national(24, "电子病历应用功能水平分级", "期末评定的级别（0–8 级）"),
                    nationalEn(24, "electronic medical record functional level", "level at the end of the period")),
            of("STAFF_COST_SHARE", Dimension.EFFICIENCY, "人员支出占业务支出比重", "Staff share of operating expenditure",
                    "%", "%", UP, "100 * staff_expense / business_expense",
                    national(33, "人员支出占业务支出比重", "人员支出 / 业务支出 × 100"),
                    nationalEn(33, "staff expenditure as a share of operating expenditure",
                            "staff / operating expenditure × 100")),
            of("ENERGY_PER_10K_REVENUE", Dimension.EFFICIENCY, "万元收入能耗支出", "Energy cost per 10,000 CNY revenue",
                    "元", "CNY", DOWN, "10000 * energy_cost / medical_revenue",
                    national(34, "万元收入能耗支出", "能耗支出 / 医疗收入 × 10000；越低越好"),
                    nationalEn(34, "energy cost per 10,000 CNY of revenue",
                            "energy cost / revenue × 10,000; lower is better")),
            of("UPWARD_REFERRALS", Dimension.SOCIAL, "上转患者人次", "Patients referred up", "人次", "patients", UP,
                    "upward_referrals",
                    "来源：《基层医疗卫生机构绩效考核指标体系（试行）》（国卫办基层发〔2020〕9号）的双向转诊（上转）；"
                            + "国家三级公立医院绩效考核无此项。计算：统计期内上转的患者人次。",
                    "Source: two-way referral (referring up) of the primary-care performance assessment "
                            + "(国卫办基层发〔2020〕9号); not in the tertiary list. Patients referred up in the period."),
            of("HYPERTENSION_MANAGED_RATE", Dimension.QUALITY, "高血压患者规范管理率",
                    "Hypertension patients managed to standard", "%", "%", UP,
                    "100 * hypertension_managed / hypertension_patients",
                    primary("高血压患者规范管理率", "规范管理人数 / 在管人数 × 100"),
                    primaryEn("hypertension patients managed to standard", "managed / under care × 100")),
            of("DIABETES_MANAGED_RATE", Dimension.QUALITY, "糖尿病患者规范管理率",
                    "Diabetes patients managed to standard", "%", "%", UP,
                    "100 * diabetes_managed / diabetes_patients",
                    primary("2 型糖尿病患者规范管理率", "规范管理人数 / 在管人数 × 100"),
                    primaryEn("type 2 diabetes patients managed to standard", "managed / under care × 100")),
            of("FAMILY_DOCTOR_COVERAGE", Dimension.SOCIAL, "重点人群家庭医生签约服务覆盖率",
                    "Key population with a family doctor", "%", "%", UP, "100 * family_doctor_contracts / key_population",
                    primary("重点人群家庭医生签约服务覆盖率", "签约人数 / 重点人群数 × 100"),
                    primaryEn("key population covered by family doctor contracts", "contracted / key population × 100")));

    /** The department indicators an institution scheme also uses. */
    private static final List<String> INSTITUTION_SHARED = List.of("SURGERY_SHARE", "LEVEL4_SURGERY_SHARE",
            "MINIMALLY_INVASIVE_SHARE", "DAY_SURGERY_SHARE", "SURGICAL_COMPLICATION_RATE", "LOW_RISK_MORTALITY",
            "INPATIENT_MORTALITY", "READMISSION_31D", "OUTPATIENT_INPATIENT_RATIO", "BED_OCCUPANCY",
            "AVERAGE_LENGTH_OF_STAY", "CMI", "DRUG_SHARE", "SERVICE_REVENUE_SHARE", "SENIOR_TITLE_SHARE",
            "NURSE_PHYSICIAN_RATIO", "RESEARCH_FUNDING", "OUTPATIENT_SATISFACTION", "INPATIENT_SATISFACTION",
            "STAFF_SATISFACTION", "DOWNWARD_REFERRAL_RATE", "PRIMARY_CARE_SUPPORT", "PUBLIC_HEALTH_COMPLETION",
            "BRAND_AWARENESS", "RECOMMEND_RATE", "ONLINE_RATING", "MEDIA_REPORTS", "HEALTH_EDUCATION",
            "OUTSIDE_AREA_SHARE", "COMPLAINT_RATE_10K");

    /** The default institution catalogue (机构指标库): the shared department indicators, then the institution ones. */
    public static final List<IndicatorDefinition> INSTITUTION = institution();

    /** Every default indicator once (department, then institution-only), what {@link DefaultCatalogue} installs. */
    public static final List<IndicatorDefinition> ALL_INDICATORS = concat(DEPARTMENT, INSTITUTION_ONLY);

    public static Optional<IndicatorDefinition> find(String code) {
        return ALL_INDICATORS.stream().filter(i -> i.code().equals(code)).findFirst();
    }

    /** The unit types that have a default scheme, in order. */
    public static final List<UnitType> SCHEME_TYPES = List.of(UnitType.CLINICAL, UnitType.MEDICAL_TECHNOLOGY,
            UnitType.TERTIARY_HOSPITAL, UnitType.SECONDARY_HOSPITAL, UnitType.PRIMARY_CARE);

    /**
     * The default scheme of a department or institution type, weights adding to 100 (not required by the engine,
     * but easy to read as per cent): for a clinical department 35 quality, 25 efficiency, 10 sustainability, 12
     * satisfaction, 6 social responsibility and 12 brand. Tiers A ≥ 85, B ≥ 70, C ≥ 55 as everywhere. Each scheme is
     * written as a table ({@link SchemeLines#table}): a dimension with its share, then each indicator with its weight
     * and its scoring, {@code zero→full} (LINEAR) or {@code peer} (PEER_RANK).
     *
     * @throws IllegalArgumentException for a type without a default scheme (channels, administrative departments)
     */
    public static SchemeDraft schemeFor(UnitType type) {
        String table = switch (type) {
            case CLINICAL -> """
                    QUALITY 35: LEVEL4_SURGERY_SHARE 8 5→40, MINIMALLY_INVASIVE_SHARE 5 10→50,
                        SURGICAL_COMPLICATION_RATE 7 3→0.5, LOW_RISK_MORTALITY 5 0.2→0, INPATIENT_MORTALITY 5 2→0.2,
                        READMISSION_31D 5 5→1
                    EFFICIENCY 25: BED_OCCUPANCY 5 75→93, AVERAGE_LENGTH_OF_STAY 6 11→6, CMI 6 peer,
                        COST_PER_WEIGHT 4 peer, DRUG_SHARE 4 40→20
                    SUSTAINABILITY 10: RESEARCH_FUNDING 4 peer, SENIOR_TITLE_SHARE 3 15→40, PAPERS 3 peer
                    SATISFACTION 12: INPATIENT_SATISFACTION 5 80→98, OUTPATIENT_SATISFACTION 4 80→96,
                        STAFF_SATISFACTION 3 70→92
                    SOCIAL 6: DOWNWARD_REFERRAL_RATE 3 peer, PRIMARY_CARE_SUPPORT 3 peer
                    BRAND 12: BRAND_AWARENESS 3 20→80, RECOMMEND_RATE 3 60→95, MEDIA_REPORTS 2 peer,
                        ONLINE_RATING 2 3.5→4.9, COMPLAINT_RATE_10K 2 6→1
                    """;
            case MEDICAL_TECHNOLOGY -> """
                    QUALITY 30: CRITICAL_VALUE_TIMELY_RATE 12 85→100, EQA_ITEMS_PASSED 8 peer,
                        LARGE_EQUIPMENT_POSITIVE_RATE 10 50→80
                    EFFICIENCY 30: REPORT_TURNAROUND 12 96→2, EXAMS_PER_TECHNICIAN 10 peer, COST_PER_EXAM 8 peer
                    SUSTAINABILITY 10: RESEARCH_FUNDING 4 peer, SENIOR_TITLE_SHARE 3 15→40, PAPERS 3 peer
                    SATISFACTION 18: OUTPATIENT_SATISFACTION 10 80→96, STAFF_SATISFACTION 8 70→92
                    BRAND 12: BRAND_AWARENESS 3 10→60, RECOMMEND_RATE 3 60→95, CONFERENCE_TALKS 2 peer,
                        ONLINE_RATING 2 3.5→4.9, EXAM_COMPLAINT_RATE_10K 2 3→0.2
                    """;
            case TERTIARY_HOSPITAL -> """
                    QUALITY 30: LEVEL4_SURGERY_SHARE 8 10→30, MINIMALLY_INVASIVE_SHARE 5 10→40,
                        SURGICAL_COMPLICATION_RATE 6 3→0.5, LOW_RISK_MORTALITY 6 0.1→0, READMISSION_31D 5 5→1
                    EFFICIENCY 25: OUTPATIENT_INPATIENT_RATIO 4 20→8, AVERAGE_LENGTH_OF_STAY 5 11→7, CMI 5 0.8→1.3,
                        SERVICE_REVENUE_SHARE 5 20→35, APPOINTMENT_RATE 3 40→80, ENERGY_PER_10K_REVENUE 3 150→60
                    SUSTAINABILITY 10: NURSE_PHYSICIAN_RATIO 3 1.2→2, RESEARCH_FUNDING 4 10→100, EMR_LEVEL 3 3→6
                    SATISFACTION 15: OUTPATIENT_SATISFACTION 5 80→92, INPATIENT_SATISFACTION 5 85→95,
                        STAFF_SATISFACTION 5 70→85
                    SOCIAL 8: DOWNWARD_REFERRAL_RATE 4 peer, PRIMARY_CARE_SUPPORT 4 peer
                    BRAND 12: BRAND_AWARENESS 3 30→85, RECOMMEND_RATE 3 60→95, MEDIA_REPORTS 2 peer,
                        OUTSIDE_AREA_SHARE 2 5→30, COMPLAINT_RATE_10K 2 5→1
                    """;
            case SECONDARY_HOSPITAL -> """
                    QUALITY 30: SURGERY_SHARE 8 10→30, SURGICAL_COMPLICATION_RATE 8 3→0.5,
                        INPATIENT_MORTALITY 7 1.5→0.2, READMISSION_31D 7 6→1
                    EFFICIENCY 25: BED_OCCUPANCY 7 70→92, AVERAGE_LENGTH_OF_STAY 6 10→6, DRUG_SHARE 6 40→25,
                        APPOINTMENT_RATE 6 30→70
                    SUSTAINABILITY 10: SENIOR_TITLE_SHARE 5 10→30, EMR_LEVEL 5 2→5
                    SATISFACTION 15: OUTPATIENT_SATISFACTION 5 80→92, INPATIENT_SATISFACTION 5 85→95,
                        STAFF_SATISFACTION 5 70→85
                    SOCIAL 10: DOWNWARD_REFERRAL_RATE 5 peer, PUBLIC_HEALTH_COMPLETION 5 80→100
                    BRAND 10: BRAND_AWARENESS 3 20→70, RECOMMEND_RATE 3 60→95, HEALTH_EDUCATION 2 peer,
                        COMPLAINT_RATE_10K 2 5→1
                    """;
            case PRIMARY_CARE -> """
                    QUALITY 30: HYPERTENSION_MANAGED_RATE 15 50→80, DIABETES_MANAGED_RATE 15 50→80
                    EFFICIENCY 15: DRUG_SHARE 8 60→40, APPOINTMENT_RATE 7 20→60
                    SATISFACTION 15: OUTPATIENT_SATISFACTION 10 80→95, STAFF_SATISFACTION 5 70→90
                    SOCIAL 30: FAMILY_DOCTOR_COVERAGE 12 50→80, UPWARD_REFERRALS 6 peer,
                        PUBLIC_HEALTH_COMPLETION 12 80→100
                    BRAND 10: RECOMMEND_RATE 4 60→95, HEALTH_EDUCATION 3 peer, COMPLAINT_RATE_10K 3 5→1
                    """;
            default -> throw new IllegalArgumentException("no default scheme for " + type);
        };
        return new SchemeDraft(SchemeLines.table(table), SchemeLines.defaultTiers());
    }

    private static List<IndicatorDefinition> institution() {
        Map<String, IndicatorDefinition> byCode = new LinkedHashMap<>();
        for (String code : INSTITUTION_SHARED) {
            byCode.put(code, DEPARTMENT.stream().filter(d -> d.code().equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no department indicator " + code)));
        }
        INSTITUTION_ONLY.forEach(d -> byCode.put(d.code(), d));
        return List.copyOf(byCode.values());
    }

    private static List<IndicatorDefinition> concat(List<IndicatorDefinition> a, List<IndicatorDefinition> b) {
        List<IndicatorDefinition> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static StatisticMeasure sum(String code, String zh, String en, String unit) {
        return new StatisticMeasure(code, zh, en, unit, Aggregation.SUM);
    }

    private static StatisticMeasure avg(String code, String zh, String en, String unit) {
        return new StatisticMeasure(code, zh, en, unit, Aggregation.AVERAGE);
    }

    private static StatisticMeasure last(String code, String zh, String en, String unit) {
        return new StatisticMeasure(code, zh, en, unit, Aggregation.LAST);
    }

    private static IndicatorDefinition of(String code, Dimension dimension, String zh, String en, String unitZh,
                                          String unitEn, Direction direction, String formula, String descZh,
                                          String descEn) {
        return new IndicatorDefinition(code, zh, en, unitZh, unitEn, direction, Formula.parse(formula, MEASURE_CODES),
                descZh, descEn, dimension);
    }

    private static String national(int number, String name, String how) {
        return "来源：" + NATIONAL + "第 " + number + " 项「" + name + "」。计算：" + how + "。";
    }

    private static String nationalEn(int number, String name, String how) {
        return "Source: " + NATIONAL_EN + ", indicator " + number + " (" + name + "). " + capitalise(how) + ".";
    }

    private static String primary(String name, String how) {
        return "来源：《基层医疗卫生机构绩效考核指标体系（试行）》（国卫办基层发〔2020〕9号）「" + name + "」，"
                + "国家三级公立医院绩效考核无此项。计算：" + how + "。";
    }

    private static String primaryEn(String name, String how) {
        return "Source: the primary-care performance assessment (国卫办基层发〔2020〕9号), " + name
                + "; not in the tertiary list. " + capitalise(how) + ".";
    }

    private static String brand(String what) {
        return "来源：Meridian 默认的品牌维度，国家三级公立医院绩效考核无此项。" + what + "。";
    }

    private static String brandEn(String what) {
        return "Source: Meridian's brand dimension (not in the national list); " + what + ".";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
