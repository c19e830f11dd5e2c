package io.kubelauncher.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One sample of a running job's resource use (spec 6.7); a null member is unknown and left out.
 *
 * @param cpuPercent CPU utilisation in percent
 * @param cpuTime CPU seconds used so far
 * @param virtualMemory MB
 * @param residentMemory MB
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceUtilisation(Double cpuPercent, Double cpuTime, Double virtualMemory, Double residentMemory) {
}
