package io.kubelauncher.testkit.demo;

import io.kubelauncher.testkit.client.Message;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Renders the plugin's answers as the short lines of the transcript, by response type (spec 3.3). */
final class AnswerText {

    private static final String[] ERROR_NAMES = {"Unknown", "RequestNotSupported", "InvalidRequest", "JobNotFound",
        "PluginRestarted", "Timeout", "JobNotRunning", "JobOutputNotFound", "InvalidJobState", "JobControlFailure",
        "UnsupportedVersion"};

    private AnswerText() {
    }

    static String describe(Message message) {
        JsonNode json = message.json();
        return switch (message.messageType()) {
            case -1 -> "Error " + message.errorCode() + " (" + errorName(message.errorCode()) + "): " + message.errorMessage();
            case 1 -> "Bootstrap: plugin speaks API " + version(json.path("version"));
            case 2 -> jobs(json.path("jobs"));
            case 4 -> "Control Job: " + json.path("statusMessage").asString("") + " (operationComplete="
                    + json.path("operationComplete").asBoolean(false) + ")";
            case 7 -> "Job Network: host " + json.path("host").asString("") + ", addresses " + strings(json.path("ipAddresses"));
            case 8 -> clusterInfo(json);
            default -> json.toString();
        };
    }

    static String errorName(int code) {
        return code >= 0 && code < ERROR_NAMES.length ? ERROR_NAMES[code] : "code " + code;
    }

    static String version(JsonNode version) {
        return version.path("major").asInt() + "." + version.path("minor").asInt() + "." + version.path("patch").asInt();
    }

    private static String jobs(JsonNode jobs) {
        List<String> lines = new ArrayList<>();
        for (JsonNode job : jobs) {
            StringBuilder b = new StringBuilder("Job State: \"" + job.path("name").asString("") + "\" id "
                    + job.path("id").asString("") + ", " + job.path("status").asString(""));
            if (!job.path("statusMessage").asString("").isEmpty()) {
                b.append(" (").append(job.path("statusMessage").asString("")).append(')');
            }
            if (job.has("exitCode")) {
                b.append(", exit code ").append(job.path("exitCode").asInt());
            }
            for (JsonNode port : job.path("exposedPorts")) {
                b.append(", port ").append(port.path("targetPort").asInt()).append(" published as ")
                        .append(port.path("publishedPort").asString("?"));
            }
            lines.add(b.toString());
        }
        return lines.isEmpty() ? "Job State: no jobs" : String.join("\n", lines);
    }

    private static String clusterInfo(JsonNode json) {
        List<String> limits = new ArrayList<>();
        for (JsonNode limit : json.path("resourceLimits")) {
            limits.add(limit.path("type").asString("") + " default " + limit.path("defaultValue").asString("-")
                    + " max " + limit.path("maxValue").asString("-"));
        }
        List<String> profiles = new ArrayList<>();
        for (JsonNode profile : json.path("resourceProfiles")) {
            profiles.add(profile.path("displayName").asString(profile.path("name").asString("")));
        }
        return "Cluster Info: containers " + json.path("supportsContainers").asBoolean(false)
                + ", images " + strings(json.path("images")) + ", default image " + json.path("defaultImage").asString("(none)")
                + "\nresource limits: " + String.join("; ", limits)
                + "\nresource profiles: " + (profiles.isEmpty() ? "(none)" : String.join(", ", profiles));
    }

    private static String strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString("")));
        return values.toString();
    }
}
