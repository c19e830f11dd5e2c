package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A session-like job, as Workbench starts an RStudio session: a container image, a port to expose
 * (the plugin adds a NodePort Service) and data on stdin. The scene shows where the session can be
 * reached (Job Network: host, addresses, NodePort) and that stdin reached the process. The session
 * keeps running for {@link KillScene}.
 */
final class SessionJobScene implements Scene {

    static final String ROLE = "session";
    static final int SESSION_PORT = 8787;
    static final String STDIN = "launch-token-7f3a";

    @Override
    public String title() {
        return "A session with an exposed port and stdin";
    }

    @Override
    public String story() {
        return "bob starts a session on his image; it listens on port 8787 and reads its launch token from stdin.";
    }

    @Override
    public void play(Stage stage) {
        String user = DemoConfiguration.BOB;
        ObjectNode job = stage.client().objectNode();
        job.put("name", "RStudio session");
        job.put("command", "read -r token; echo \"session started, token from stdin: $token\"; "
                + "echo 'listening on port " + SESSION_PORT + "'; exec sleep 300");
        job.put("stdin", STDIN + "\n");
        job.putObject("container").put("image", DemoConfiguration.BOB_IMAGE);
        job.putArray("exposedPorts").addObject().put("targetPort", SESSION_PORT).put("protocol", "TCP");
        Message submitted = stage.ask(user, "Submit Job \"RStudio session\" (image " + DemoConfiguration.BOB_IMAGE
                + ", port " + SESSION_PORT + ", stdin)", c -> c.submitJob(user, job));
        String id = Stage.jobId(submitted, "Submit Job \"RStudio session\"");
        stage.remember(ROLE, id);

        JsonNode port = submitted.json().path("jobs").path(0).path("exposedPorts").path(0);
        int nodePort = port.path("publishedPort").asInt(-1);
        stage.verify("session: port published as a NodePort", port.path("targetPort").asInt() == SESSION_PORT
                && nodePort >= 30000 && nodePort <= 32767, "port " + port.path("targetPort").asInt(-1) + " -> " + nodePort);

        stage.statuses().awaitStatus(id, "Running", stage.patience());
        Message network = stage.ask(user, "Get Job Network " + id, c -> c.jobNetwork(user, id));
        String host = network.json().path("host").asString("");
        JsonNode addresses = network.json().path("ipAddresses");
        boolean reachable = !network.isError() && !host.isEmpty() && !addresses.isEmpty();
        if (reachable) {
            stage.transcript().note("the session is reachable at http://" + addresses.get(0).asString() + ":" + nodePort
                    + " (node " + host + ")");
        }
        stage.verify("session: network info", reachable, AnswerText.describe(network));

        String expected = "token from stdin: " + STDIN;
        OutputTail.Output output = new OutputTail(stage).follow(user, id, text -> text.contains(expected));
        stage.verify("session: stdin reached the process", output.text().contains(expected), OutputTail.quoted(output.text()));
    }
}
