package io.mlgates.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mlgates promote --to STAGE}: the candidate in DIR to a stage, if the policy's rules hold. */
@Command(name = "promote", mixinStandardHelpOptions = true,
        footer = "  mlgates promote examples/credit-risk --to production",
        description = {"Promotes the candidate (the digest of DIR's model artefacts) to a stage, if the policy's"
                + " rules hold: stage order, passed gates for this digest, approvals, the release train.",
                "Exit 0: promoted (or already there); 1: refused, the message says which rule and what is missing;"
                        + " 4: refused only because the release train has not departed (no departure open, a freeze,"
                        + " a cut-off): it waits for the next departure."})
final class PromoteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    RegistryOptions registry;

    @Option(names = "--to", paramLabel = "STAGE", required = true, description = "the stage to promote to")
    String stage;

    @Option(names = "--as", paramLabel = "NAME", description = "who promotes (default: the environment's user)")
    String as;

    @Option(names = "--author", paramLabel = "NAME",
            description = "who authored the candidate, recorded when it is first registered (default: who promotes);"
                    + " the four-eyes rule bars this user from approving it")
    String author;

    @Option(names = "--results", paramLabel = "DIR",
            description = "a results folder of the gates, read with its subfolders (the Jenkins steps' <id>/);"
                    + " repeat it for several (default: the policy's promotion.results, .mlgates/results)")
    List<Path> results = new ArrayList<>();

    @Option(names = "--source", paramLabel = "URI", description = "where the artefacts are, for the registry")
    String source;

    @Option(names = "--build-link", paramLabel = "URL", description = "the build that produced the candidate")
    String buildLink;

    @Option(names = "--emergency", paramLabel = "REASON",
            description = "take the emergency path around the release train, with this written reason")
    String emergency;

    @Option(names = "--signing-key", paramLabel = "KEY",
            description = "sign the decision as a SLSA Verification Summary (promotion-STAGE.intoto.jsonl in the"
                    + " results folder) with this Ed25519 private key, OpenSSH or PKCS#8 PEM (default: the file named"
                    + " by " + Promotions.SIGNING_KEY_VARIABLE + "; none: nothing is signed)")
    Path signingKey;

    @Override
    public Integer call() throws Exception {
        Environment env = main.environment();
        String actor = env.identity(as);
        try (RegistryContext context = RegistryContext.open(Path.of(registry.repository), registry.registry,
                Optional.ofNullable(registry.orgPolicy), env, RegistryContext.Access.WRITE)) {
            return Promotions.promote(context, stage, new Promotions.Options(actor, author == null ? actor : author,
                    List.copyOf(results), Optional.ofNullable(source), Optional.ofNullable(buildLink),
                    Optional.ofNullable(emergency), Optional.ofNullable(registry.orgPolicy),
                    Optional.ofNullable(signingKey)), env, registry.format,
                    spec.commandLine().getOut());
        }
    }
}
