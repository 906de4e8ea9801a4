package org.meridian.allocation.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The form that drafts an allocation plan, as the browser sent it: weights as decimals (the defaults filled in),
 * parts per tier as "A=3，B=2，C=1", the maximum change in per cent.
 */
public class PlanForm {

    private String name;
    private String resource;
    private String unit = "CNY";
    private String amount;
    private String period;
    private List<String> unitTypes = new ArrayList<>(List.of("CLINICAL"));
    private String rule = "DRIVER";
    private String performance = "0.5";
    private String brand = "0.25";
    private String efficiency = "0.25";
    private String demand = "0";
    private String demandMeasure;
    private String equityPer;
    private String tiers = "A=3，B=2，C=1";
    private String floor;
    private String cap;
    private String maxChange;
    private boolean payPool;

    public boolean isPayPool() {
        return payPool;
    }

    public void setPayPool(boolean payPool) {
        this.payPool = payPool;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getResource() {
        return resource;
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public List<String> getUnitTypes() {
        return unitTypes;
    }

    public void setUnitTypes(List<String> unitTypes) {
        this.unitTypes = unitTypes == null ? new ArrayList<>() : unitTypes;
    }

    public String getRule() {
        return rule;
    }

    public void setRule(String rule) {
        this.rule = rule;
    }

    public String getPerformance() {
        return performance;
    }

    public void setPerformance(String performance) {
        this.performance = performance;
    }

    public String getBrand() {
        return brand;
    }

    public void setBrand(String brand) {
        this.brand = brand;
    }

    public String getEfficiency() {
        return efficiency;
    }

    public void setEfficiency(String efficiency) {
        this.efficiency = efficiency;
    }

    public String getDemand() {
        return demand;
    }

    public void setDemand(String demand) {
        this.demand = demand;
    }

    public String getDemandMeasure() {
        return demandMeasure;
    }

    public void setDemandMeasure(String demandMeasure) {
        this.demandMeasure = demandMeasure;
    }

    public String getEquityPer() {
        return equityPer;
    }

    public void setEquityPer(String equityPer) {
        this.equityPer = equityPer;
    }

    public String getTiers() {
        return tiers;
    }

    public void setTiers(String tiers) {
        this.tiers = tiers;
    }

    public String getFloor() {
        return floor;
    }

    public void setFloor(String floor) {
        this.floor = floor;
    }

    public String getCap() {
        return cap;
    }

    public void setCap(String cap) {
        this.cap = cap;
    }

    public String getMaxChange() {
        return maxChange;
    }

    public void setMaxChange(String maxChange) {
        this.maxChange = maxChange;
    }
}
