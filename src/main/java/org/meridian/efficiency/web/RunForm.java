package org.meridian.efficiency.web;

import java.util.ArrayList;
import java.util.List;

/** The form that starts an efficiency run, as the browser sent it (measures by code, chosen by their names). */
public class RunForm {

    private String period;
    private String unitType;
    private List<String> inputs = new ArrayList<>();
    private List<String> outputs = new ArrayList<>();
    private String model = "BCC";
    private String orientation = "INPUT";
    private boolean superEfficiency;

    public String getPeriod() {
        return period;
    }

    public void setPeriod(String period) {
        this.period = period;
    }

    public String getUnitType() {
        return unitType;
    }

    public void setUnitType(String unitType) {
        this.unitType = unitType;
    }

    public List<String> getInputs() {
        return inputs;
    }

    public void setInputs(List<String> inputs) {
        this.inputs = inputs == null ? new ArrayList<>() : inputs;
    }

    public List<String> getOutputs() {
        return outputs;
    }

    public void setOutputs(List<String> outputs) {
        this.outputs = outputs == null ? new ArrayList<>() : outputs;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getOrientation() {
        return orientation;
    }

    public void setOrientation(String orientation) {
        this.orientation = orientation;
    }

    public boolean isSuperEfficiency() {
        return superEfficiency;
    }

    public void setSuperEfficiency(boolean superEfficiency) {
        this.superEfficiency = superEfficiency;
    }
}
