package io.mlgates.core.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * A data set the model was trained or evaluated on.
 *
 * @param name how the data set is called in results
 * @param licence its licence as an SPDX identifier ({@code CC-BY-4.0}), or a {@code LicenseRef-} of the organisation
 * @param datasheet its datasheet (Gebru et al., "Datasheets for Datasets"), relative to the repository
 */
public record Dataset(String name, String licence, Optional<String> datasheet) {
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(licence, "licence");
        Objects.requireNonNull(datasheet, "datasheet");
    }
}
