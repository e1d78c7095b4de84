/**
 * Drift of each input column between reference and current data, with Evidently's definitions, automatic choice
 * and default thresholds ({@link io.mlgates.core.drift.DriftTests}), judged from per-column summaries that one
 * streaming pass produces and that merge ({@link io.mlgates.core.drift.NumericTally},
 * {@link io.mlgates.core.drift.CategoryTally}). Pure: no file, no clock, no Jenkins. The formulas and where each
 * one comes from are in docs/drift.md.
 */
package io.mlgates.core.drift;
