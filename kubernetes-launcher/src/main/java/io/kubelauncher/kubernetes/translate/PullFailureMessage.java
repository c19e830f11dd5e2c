package io.kubelauncher.kubernetes.translate;

import java.util.Locale;

/** "Image 'r-session:4.9' could not be pulled: not found" from the kubelet's runtime error text. */
final class PullFailureMessage {

    private PullFailureMessage() {
    }

    static String describe(String image, String kubeletMessage) {
        return "Image '" + image + "' could not be pulled: " + cause(kubeletMessage);
    }

    static String cause(String kubeletMessage) {
        if (kubeletMessage == null || kubeletMessage.isBlank()) {
            return "the registry did not say why";
        }
        String m = kubeletMessage.toLowerCase(Locale.ROOT);
        if (m.contains("not found") || m.contains("manifest unknown") || m.contains("does not exist")) {
            return "not found";
        }
        if (m.contains("unauthorized") || m.contains("access denied") || m.contains("authorization failed")
                || m.contains("authentication required") || m.contains("forbidden")) {
            return "access denied by the registry (check the image pull secret)";
        }
        if (m.contains("no such host") || m.contains("i/o timeout") || m.contains("connection refused")
                || m.contains("tls handshake timeout") || m.contains("network is unreachable")) {
            return "the registry could not be reached";
        }
        if (m.startsWith("back-off pulling image")) {
            return "retrying after an earlier failure";
        }
        // The runtime's text ends with the most specific cause: "...: failed to resolve reference ...: <cause>".
        String trimmed = kubeletMessage.trim();
        int colon = trimmed.lastIndexOf(": ");
        return colon >= 0 ? trimmed.substring(colon + 2) : trimmed;
    }
}
