package io.kubelauncher.kubernetes.policy;

import java.util.Set;

/** Group membership as the system's name service reports it (files, LDAP, SSSD, ...). */
public interface GroupResolver {

    /**
     * The names of the groups {@code user} belongs to: its primary group and every group that
     * lists it as a member. Empty when the user is unknown to the name service.
     */
    Set<String> groupsOf(String user);

    /** Whether the name service knows a group of this name. */
    boolean groupExists(String group);
}
