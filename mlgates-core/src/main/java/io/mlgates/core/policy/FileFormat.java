package io.mlgates.core.policy;

/** Format of a prediction file; AUTO decides by the file name ({@code .jsonl}/{@code .ndjson} or CSV). */
public enum FileFormat {
    AUTO,
    CSV,
    JSONL
}
