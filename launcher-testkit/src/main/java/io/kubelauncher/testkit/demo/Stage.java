package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.LauncherClient;
import io.kubelauncher.testkit.client.Message;
import io.kubelauncher.testkit.cluster.Scenarios;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the scenes play with: the Launcher's side of the conversation (every request and answer is
 * printed), the shared status stream, the checklist, the simulated cluster's scenario switches, and
 * the jobs earlier scenes left for later ones (the session that the kill scene ends).
 */
final class Stage {

    private final LauncherClient client;
    private final Transcript transcript;
    private final Checklist checks;
    private final StatusFeed statuses;
    private final Scenarios scenarios;
    private final Duration patience;
    private final Map<String, String> jobs = new ConcurrentHashMap<>();

    /**
     * @param patience how long any one wait (a status, an output line) may take before the scene fails
     */
    Stage(LauncherClient client, Transcript transcript, Checklist checks, StatusFeed statuses, Scenarios scenarios,
          Duration patience) {
        this.client = client;
        this.transcript = transcript;
        this.checks = checks;
        this.statuses = statuses;
        this.scenarios = scenarios;
        this.patience = patience;
    }

    /** Sends a request on behalf of {@code user}, printing what is asked and what comes back. */
    Message ask(String user, String request, Function<LauncherClient, Message> call) {
        transcript.ask(user, request);
        Message answer = call.apply(client);
        transcript.answer(user, AnswerText.describe(answer));
        return answer;
    }

    LauncherClient client() {
        return client;
    }

    Transcript transcript() {
        return transcript;
    }

    StatusFeed statuses() {
        return statuses;
    }

    Scenarios scenarios() {
        return scenarios;
    }

    Duration patience() {
        return patience;
    }

    boolean verify(String name, boolean passed, String observed) {
        return checks.verify(name, passed, observed);
    }

    void remember(String role, String jobId) {
        jobs.put(role, jobId);
    }

    Optional<String> job(String role) {
        return Optional.ofNullable(jobs.get(role));
    }

    /** The id of the first job in a Job State answer, or a failure naming the request. */
    static String jobId(Message answer, String request) {
        if (answer.isError()) {
            throw new DemoFailure(request + " was refused: " + AnswerText.describe(answer));
        }
        String id = answer.json().path("jobs").path(0).path("id").asString("");
        if (id.isEmpty()) {
            throw new DemoFailure(request + " answered without a job id: " + answer);
        }
        return id;
    }
}
