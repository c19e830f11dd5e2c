package io.kubelauncher.kubernetes.privilege;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivilegeDropTest {

    @TempDir
    Path tmp;

    /** The real thing, in a child JVM so this one keeps root: groups, gid and uid of every thread. */
    @Test
    void rootDropsToServerUserWithItsGroupList() throws Exception {
        LibcIdentity posix = new LibcIdentity();
        assumeTrue(posix.effectiveUid() == 0, "the privilege drop can only be tested as root (CI runs as root)");
        Account account = ThrowawayUser.ensure(posix);
        assertThat(account.groups()).hasSizeGreaterThanOrEqualTo(2);

        Path secret = Files.createFile(tmp.resolve("root-only"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, "only root reads this");
        tmp.toFile().setExecutable(true, false);

        List<String> output = runProbe(ThrowawayUser.NAME, secret);

        String uid = String.valueOf(account.uid());
        String gid = String.valueOf(account.gid());
        assertThat(output).contains("outcome DROPPED", "root-only file: denied", "regain root: failed");
        List<String> uids = output.stream().filter(l -> l.startsWith("task Uid:")).toList();
        assertThat(uids).as("every thread of the JVM").hasSizeGreaterThan(5)
                .allMatch(l -> l.equals("task Uid: " + uid + " " + uid + " " + uid + " " + uid));
        assertThat(output.stream().filter(l -> l.startsWith("task Gid:")))
                .allMatch(l -> l.equals("task Gid: " + gid + " " + gid + " " + gid + " " + gid));
        List<String> expectedGroups = account.groups().stream().sorted().map(String::valueOf).toList();
        assertThat(output.stream().filter(l -> l.startsWith("task Groups:")))
                .allMatch(l -> List.of(l.substring("task Groups:".length()).strip().split(" ")).stream().sorted().toList()
                        .equals(expectedGroups));
    }

    @Test
    void lookupReadsTheUserDatabase() {
        LibcIdentity posix = new LibcIdentity();
        Optional<Account> root = posix.lookup("root");
        assertThat(root).hasValueSatisfying(a -> {
            assertThat(a.uid()).isZero();
            assertThat(a.groups()).contains(0);
        });
        assertThat(posix.lookup("no-such-user-kl")).isEmpty();
        assertThat(posix.nameOf(0)).contains("root");
    }

    @Test
    void notRootSaysSoAndGoesOn() throws PrivilegeException {
        FakeIdentity posix = new FakeIdentity(1000);
        assertThat(new PrivilegeDrop(posix).dropTo("rstudio-server")).isEqualTo(PrivilegeDrop.Outcome.NOT_ROOT);
        assertThat(posix.became).isEmpty();
    }

    @Test
    void unknownServerUserIsAnError() {
        FakeIdentity posix = new FakeIdentity(0);
        assertThatThrownBy(() -> new PrivilegeDrop(posix).dropTo("rstudio-server"))
                .isInstanceOf(PrivilegeException.class)
                .hasMessage("server-user 'rstudio-server' does not exist on this machine; create it or set server-user"
                        + " in launcher.kubernetes.conf to an existing user");
    }

    @Test
    void aDropThatDoesNotStickIsAnError() {
        FakeIdentity posix = new FakeIdentity(0);
        posix.users.add(new Account("svc", 999, 999, List.of(999)));
        posix.ignoreBecome = true;
        assertThatThrownBy(() -> new PrivilegeDrop(posix).dropTo("svc")).isInstanceOf(PrivilegeException.class)
                .hasMessageContaining("still runs as uid 0");
    }

    @Test
    void tokenFileReadableByOthersGivesAWarning() throws IOException {
        Path token = Files.writeString(tmp.resolve("token"), "abc");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(TokenFilePermissions.warning(token)).hasValueSatisfying(w -> assertThat(w)
                .contains("readable by every user on this machine", "rw-r--r--", "chmod 0600 " + token));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(TokenFilePermissions.warning(token)).hasValueSatisfying(w -> assertThat(w)
                .contains("readable by members of its group"));
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
        assertThat(TokenFilePermissions.warning(token)).isEmpty();
    }

    @Test
    void scratchPathIsCreatedAndHandedToServerUser() throws IOException {
        LibcIdentity posix = new LibcIdentity();
        assumeTrue(posix.effectiveUid() == 0, "chown needs root");
        Path scratch = tmp.resolve("var/lib/rstudio-launcher/Kubernetes");
        ServiceDirectory.prepare(scratch, new Account("svc", 4321, 4322, List.of(4322)));
        assertThat(scratch).isDirectory();
        assertThat(Files.getAttribute(scratch, "unix:uid")).isEqualTo(4321);
        assertThat(Files.getAttribute(scratch, "unix:gid")).isEqualTo(4322);
    }

    @Test
    void startupPreparesTheScratchPathBeforeDropping() throws Exception {
        FakeIdentity posix = new FakeIdentity(0);
        posix.users.add(new Account("svc", 4321, 4322, List.of(4322, 4400)));
        Path scratch = tmp.resolve("scratch");
        Path logs = tmp.resolve("log/rstudio/launcher");
        PrivilegeDrop.Outcome outcome = new PrivilegedStartup(posix).run("svc", scratch, logs, Optional.empty());
        assertThat(outcome).isEqualTo(PrivilegeDrop.Outcome.DROPPED);
        assertThat(posix.became).extracting(Account::uid).containsExactly(4321);
        assertThat(scratch).isDirectory();
        assertThat(logs).isDirectory();
        if (new LibcIdentity().effectiveUid() == 0) {
            assertThat(Files.getAttribute(scratch, "unix:uid")).isEqualTo(4321);
            assertThat(Files.getAttribute(logs, "unix:gid")).isEqualTo(4322);
        }
    }

    @Test
    void startupAsAnotherUserStillCreatesTheScratchPath() throws Exception {
        FakeIdentity posix = new FakeIdentity(1000);
        Path scratch = tmp.resolve("scratch");
        assertThat(new PrivilegedStartup(posix).run("svc", scratch, tmp.resolve("logs"), Optional.empty()))
                .isEqualTo(PrivilegeDrop.Outcome.NOT_ROOT);
        assertThat(scratch).isDirectory();
        assertThat(posix.became).isEmpty();
    }

    private static List<String> runProbe(String user, Path secret) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DropProbe.class.getName());
        command.add(user);
        command.add(secret.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }

    /** The identity calls, in memory, for the paths that need no real root. */
    private static final class FakeIdentity implements PosixIdentity {
        private int uid;
        private boolean ignoreBecome;
        private final List<Account> users = new ArrayList<>();
        private final List<Account> became = new ArrayList<>();

        FakeIdentity(int uid) {
            this.uid = uid;
        }

        @Override
        public int effectiveUid() {
            return uid;
        }

        @Override
        public int realUid() {
            return uid;
        }

        @Override
        public Optional<Account> lookup(String userName) {
            return users.stream().filter(a -> a.name().equals(userName)).findFirst();
        }

        @Override
        public Optional<String> nameOf(int id) {
            return Optional.of("user" + id);
        }

        @Override
        public void become(Account account) {
            became.add(account);
            if (!ignoreBecome) {
                uid = account.uid();
            }
        }
    }
}
