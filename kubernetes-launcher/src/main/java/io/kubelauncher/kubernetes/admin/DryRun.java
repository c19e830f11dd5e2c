package io.kubelauncher.kubernetes.admin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code --dry-run JOB.json [--user NAME] [--server]}: runs a launcher job description through
 * everything the plugin does before calling Kubernetes (the user's profile, then the templates or
 * the built-in spec with its JSON overrides) and prints the objects it would create. With
 * {@code --server} the API server also validates them, creating nothing.
 */
public final class DryRun {

    /** The plugin's submit path up to, not including, the API call. */
    @FunctionalInterface
    public interface Planner {
        /**
         * @param jobJson the launcher job description (the Launcher API's job JSON)
         * @param user the submitting user, or empty to take the job's own {@code user}
         * @return the objects, each a JSON or YAML document: the Job, then the Service if any
         * @throws Exception with a message an administrator can act on (a limit exceeded, a template
         *     error, bad JSON)
         */
        List<String> plan(String jobJson, Optional<String> user) throws Exception;
    }

    private final Planner planner;
    private final Optional<ServerDryRun> server;

    /** @param server the API-server validation, when {@code --server} is given */
    public DryRun(Planner planner, Optional<ServerDryRun> server) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.server = Objects.requireNonNull(server, "server");
    }

    /** Exit status 0 when the objects were produced (and, with the server, accepted), 1 otherwise. */
    public int run(Path jobFile, Optional<String> user, PrintStream out, PrintStream err) {
        String json;
        try {
            json = Files.readString(jobFile);
        } catch (IOException e) {
            err.println("Cannot read the job description " + jobFile + ": " + e);
            return 1;
        }
        List<String> objects;
        try {
            objects = planner.plan(json, user);
        } catch (JobPlanner.InvalidJobException e) {
            String where = e.line() > 0 ? jobFile + ":" + e.line() + ":" + e.column() : jobFile.toString();
            err.println(where + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("The plugin would refuse this job: " + e.getMessage());
            return 1;
        }
        for (String object : objects) {
            out.println("---");
            out.print(object);
            if (!object.endsWith("\n")) {
                out.println();
            }
        }
        if (server.isEmpty()) {
            out.println("# Not sent to Kubernetes. Add --server to have the API server validate these objects.");
            return 0;
        }
        List<ServerDryRun.Verdict> verdicts = server.get().validate(objects);
        boolean allAccepted = true;
        for (ServerDryRun.Verdict verdict : verdicts) {
            (verdict.accepted() ? out : err).println("# " + verdict);
            allAccepted &= verdict.accepted();
        }
        out.println(allAccepted ? "# The API server accepts every object (dry run: nothing was created)."
                : "# The API server rejects the job's objects (dry run: nothing was created).");
        return allAccepted ? 0 : 1;
    }
}
