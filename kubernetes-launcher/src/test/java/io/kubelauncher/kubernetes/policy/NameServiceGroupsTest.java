package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against this machine's real name service, with {@code id -Gn} as the oracle. */
class NameServiceGroupsTest {

    private static NameServiceGroups groups;

    @BeforeAll
    static void loadLibc() {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/id")), "needs id(1) as the oracle");
        groups = new NameServiceGroups();
    }

    @Test
    void agreesWithIdForEveryLocalUser() throws Exception {
        List<String> users = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                users.add(line.substring(0, line.indexOf(':')));
            }
        }
        assertThat(users).isNotEmpty();
        for (String user : users) {
            assertThat(groups.groupsOf(user)).as("groups of %s", user).isEqualTo(idGroups(user));
        }
    }

    @Test
    void countsSupplementaryGroupsFromTheGroupDatabase() throws Exception {
        // any group that lists members: each member must have it, besides the primary group
        for (String line : Files.readAllLines(Path.of("/etc/group"))) {
            String[] fields = line.split(":", -1);
            if (fields.length == 4 && !fields[3].isBlank()) {
                for (String member : fields[3].split(",")) {
                    if (!groups.groupsOf(member).isEmpty()) {
                        assertThat(groups.groupsOf(member)).as("%s in %s", member, fields[0]).contains(fields[0]);
                    }
                }
            }
        }
    }

    @Test
    void knowsWhichGroupsExist() {
        assertThat(groups.groupExists("root")).isTrue();
        assertThat(groups.groupExists("no-such-group-kl")).isFalse();
        assertThat(groups.groupExists("")).isFalse();
    }

    @Test
    void anUnknownUserHasNoGroups() {
        assertThat(groups.groupsOf("no-such-user-kl")).isEmpty();
    }

    private static Set<String> idGroups(String user) throws IOException, InterruptedException {
        Process id = new ProcessBuilder("/usr/bin/id", "-Gn", "--", user).redirectErrorStream(true).start();
        String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(id.waitFor()).as("id -Gn %s: %s", user, out).isZero();
        return Set.of(out.split("\\s+"));
    }
}
