/**
 * The wire model of the Launcher Plugin API: the Job object with every field of the spec, its
 * nested types, Cluster Info and the other values, as immutable records whose JSON names are the
 * spec's keys ({@link io.kubelauncher.api.model.WireJson} configures the mapper).
 */
package io.kubelauncher.api.model;
