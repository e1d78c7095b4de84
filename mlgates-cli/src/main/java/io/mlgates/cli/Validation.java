package io.mlgates.cli;

import io.mlgates.core.BadInputException;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.report.ConsoleTable;
import io.mlgates.core.report.GateResultJson;
import io.mlgates.core.report.ResultFiles;
import io.mlgates.core.workspace.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** One validation run as both commands need it: load, judge, write, show, and the exit code. */
final class Validation {
    static final int PASSED = 0;
    static final int NOT_PASSED = 1;

    private Validation() {
    }

    static int run(Path repository, Optional<Path> policyFile, Optional<Path> predictions, Optional<Path> baseline,
                   Optional<Path> out, OutputFormat format, PrintWriter stdout, PrintWriter stderr)
            throws BadInputException, IOException {
        Workspace ws = Workspace.at(repository);
        PolicyLoader loader = new PolicyLoader();
        LoadedPolicy policy;
        if (policyFile.isPresent()) {
            Path file = policyFile.get();
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file.toString(), 0, 0, "policy file not found");
            }
            policy = loader.load(file, ws.display(file), ws.name());
        } else {
            policy = loader.loadFromRepository(ws.root());
        }
        ValidationRequest request = new ValidationRequest(ws, policy,
                relativeTo(ws, predictions, "--predictions"), relativeTo(ws, baseline, "--baseline"),
                new Progress(stderr), Clock.systemUTC());
        GateResult result = new ValidationGate().evaluate(request);
        List<Path> written = out.isPresent() ? ResultFiles.write(result, out.get()) : List.of();
        if (format == OutputFormat.json) {
            stdout.println(new GateResultJson().toJson(result));
        } else {
            stdout.print(new ConsoleTable().render(result));
        }
        stdout.flush();
        for (Path p : written) {
            stderr.println("mlgates: wrote " + p);
        }
        stderr.flush();
        return result.status().isSuccessful() ? PASSED : NOT_PASSED;
    }

    /** A path typed on the command line, as the repository-relative path the engine resolves (and confines). */
    private static Optional<String> relativeTo(Workspace ws, Optional<Path> path, String option)
            throws BadInputException {
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Path absolute = path.get().toAbsolutePath().normalize();
        if (!absolute.startsWith(ws.root())) {
            throw new BadInputException(option, 0, 0, "'" + path.get()
                    + "' is outside the model repository " + ws.root().getFileName() + "; expected a file inside it");
        }
        return Optional.of(ws.root().relativize(absolute).toString().replace('\\', '/'));
    }
}
