package org.meridian.efficiency;

import java.time.Instant;
import java.util.List;

import org.meridian.efficiency.method.DeaModel;
import org.meridian.efficiency.method.Orientation;
import org.meridian.shared.Period;
import org.meridian.shared.UnitType;

/**
 * An efficiency run (效率评价): a DEA model computed over the statistics of the units of one type for one period,
 * stored with the model and the data it was computed from. A draft can be published; a published run is frozen.
 *
 * @param units   how many units were compared
 * @param leftOut units of the type without data for some measure in the period, not compared
 */
public record EfficiencyRun(long id, Period period, UnitType unitType, DeaModel model, Orientation orientation,
        boolean superEfficiency, List<RunMeasure> inputs, List<RunMeasure> outputs, List<LeftOut> leftOut, int units,
        RunStatus status, Instant ranAt, String ranBy, Instant publishedAt, String publishedBy) {

    public EfficiencyRun {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        leftOut = List.copyOf(leftOut);
    }

    public boolean published() {
        return status == RunStatus.PUBLISHED;
    }

    /**
     * Fewer units than inputs plus outputs: DEA then discriminates poorly and most units come out efficient
     * (a warning shown with the run, never a refusal).
     */
    public boolean fewUnits() {
        return units < inputs.size() + outputs.size();
    }

    /** The measures in run order: the inputs, then the outputs. */
    public List<RunMeasure> measures() {
        return java.util.stream.Stream.concat(inputs.stream(), outputs.stream()).toList();
    }
}
