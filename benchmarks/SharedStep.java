import io.mlgates.core.gate.EthicsGate;
import io.mlgates.core.gate.EthicsRequest;
import io.mlgates.core.gate.GateResult;
import io.mlgates.core.gate.SharedStatistics;
import io.mlgates.core.gate.ValidationGate;
import io.mlgates.core.gate.ValidationRequest;
import io.mlgates.core.policy.LoadedPolicy;
import io.mlgates.core.policy.PolicyLoader;
import io.mlgates.core.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * One gate step of a build as the plugin runs it on the agent, as a whole process: with the build's folder, it judges
 * from the statistics the other step kept there (or reads the rows and keeps them); with {@code none}, it reads the
 * rows as a gate alone does. Benchmark only: the key is fixed, as one build's would be.
 *
 * <p>Usage: {@code java -cp 'mlgates-cli/target/mlgates/lib/*:CLASSES' SharedStep validate|ethics REPO FOLDER|none}
 */
public final class SharedStep {
    public static void main(String[] args) throws Exception {
        Workspace ws = Workspace.at(Path.of(args[1]));
        LoadedPolicy policy = new PolicyLoader().loadFromRepository(ws.root());
        Clock clock = Clock.systemUTC();
        boolean validate = args[0].equals("validate");
        GateResult result;
        if (args[2].equals("none")) {
            result = validate ? new ValidationGate().evaluate(ValidationRequest.of(ws, policy, clock))
                    : new EthicsGate().evaluate(EthicsRequest.of(ws, policy, clock));
            System.out.println("read the rows alone");
        } else {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) 7);
            SharedStatistics.Place place = new SharedStatistics.Place(Path.of(args[2]).toAbsolutePath(), key);
            SharedStatistics.Judged judged = validate ? SharedStatistics.validate(ValidationRequest.of(ws, policy,
                    clock), place) : SharedStatistics.ethics(EthicsRequest.of(ws, policy, clock), place);
            result = judged.result();
            System.out.println(judged.note());
        }
        System.out.println(result.gate() + " " + result.status() + " rows=" + result.data().rows());
    }
}
