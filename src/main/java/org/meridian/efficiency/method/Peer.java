package org.meridian.efficiency.method;

/** A unit on the frontier that an evaluated unit is projected onto, with its weight λ (参照单元). */
public record Peer(int unit, double lambda) {
}
