package io.mlgates.cli;

import io.mlgates.core.EngineVersion;
import picocli.CommandLine.IVersionProvider;

/** Prints the engine's version, the one every result records. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"mlgates " + EngineVersion.current()};
    }
}
