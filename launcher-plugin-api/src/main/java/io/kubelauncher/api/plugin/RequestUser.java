package io.kubelauncher.api.plugin;

import io.kubelauncher.api.model.Job;
import java.util.Objects;

/**
 * Who a request is made for. {@code username} is the effective user; {@code *} means every user
 * (an administrator, or authorisation turned off). {@code requestUsername} is the name the caller
 * actually used, for audit only; it may be empty.
 */
public record RequestUser(String username, String requestUsername) {

    public static final String ALL_USERS = "*";

    public RequestUser {
        Objects.requireNonNull(username, "username");
        requestUsername = requestUsername == null ? "" : requestUsername;
    }

    public static RequestUser of(String username) {
        return new RequestUser(username, username);
    }

    public boolean isAllUsers() {
        return ALL_USERS.equals(username);
    }

    /** Spec 7.5: {@code *} sees every job, anyone else only the jobs whose {@code user} they are. */
    public boolean canSee(Job job) {
        return isAllUsers() || username.equals(job.user());
    }
}
