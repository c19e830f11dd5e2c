package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.ClientStream;
import io.kubelauncher.testkit.client.Message;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Follows one job's output stream (stdout and stderr) the way the Launcher shows it to a user: each
 * chunk is printed as it arrives, until the plugin says the output is complete or the text seen so
 * far is what the scene was waiting for (then the stream is cancelled, as a closed browser tab would).
 */
final class OutputTail {

    /** outputType 2: stdout and stderr together (spec 6.6). */
    private static final int BOTH = 2;

    private final Stage stage;

    OutputTail(Stage stage) {
        this.stage = stage;
    }

    /** The text read, with whether the plugin marked it complete. */
    record Output(String text, boolean complete) {
    }

    Output follow(String user, String jobId, Predicate<String> enough) {
        ClientStream stream = stage.client().outputStream(user, jobId, BOTH);
        stage.transcript().ask(user, "Job Output stream for job " + jobId + " (request " + stream.requestId() + ")");
        StringBuilder text = new StringBuilder();
        Duration patience = stage.patience();
        while (true) {
            Message message = stream.next(patience).orElseThrow(() -> new DemoFailure("the output stream of job " + jobId
                    + " sent nothing for " + patience.toSeconds() + " s; output so far: " + quoted(text)));
            if (message.isError()) {
                stage.transcript().answer(user, AnswerText.describe(message));
                throw new DemoFailure("the output stream of job " + jobId + " failed: " + AnswerText.describe(message));
            }
            String chunk = message.json().path("output").asString("");
            if (!chunk.isEmpty()) {
                text.append(chunk);
                stage.transcript().stream("output", chunk.endsWith("\n") ? chunk.substring(0, chunk.length() - 1) : chunk);
            }
            if (message.json().path("complete").asBoolean(false)) {
                stage.transcript().stream("output", "(complete)");
                return new Output(text.toString(), true);
            }
            if (enough.test(text.toString())) {
                stream.cancel();
                return new Output(text.toString(), false);
            }
        }
    }

    static String quoted(CharSequence text) {
        return "\"" + text.toString().replace("\n", "\\n") + "\"";
    }
}
