package io.kubelauncher.kubernetes.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelauncher.kubernetes.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each kind of bad input the issue lists, in the profiles and the resources file, through the
 * load that start-up and reload share: refused as {@code file:line: what is wrong}, at start-up
 * as an error and on reload with the previous policy kept whole. In the tables {@code |} is a line
 * break, {p} and {r} are the two files and {dir} their directory.
 */
class BadInputTest {

    private static final String GOOD_PROFILES = "[*]|max-cpus=2|resource-profiles=small";
    private static final String GOOD_RESOURCES = "[small]|cpus=1|mem-mb=512";

    @TempDir
    Path dir;

    private Path profiles;
    private Path resources;
    private final FakeGroups groups = new FakeGroups().member("alice", "staff");

    @BeforeEach
    void goodFiles() throws Exception {
        profiles = write("profiles.conf", GOOD_PROFILES);
        resources = write("resources.conf", GOOD_RESOURCES);
    }

    private Path write(String name, String lines) throws Exception {
        return Files.writeString(dir.resolve(name), lines.replace('|', '\n') + "\n");
    }

    private String expand(String message) {
        return message.replace("{p}", profiles.toString()).replace("{r}", resources.toString())
                .replace("{dir}", dir.toString());
    }

    private void refusedAtStartUpAndOnReload(String expected) throws Exception {
        String profilesText = Files.readString(profiles);
        String resourcesText = Files.readString(resources);
        assertThatThrownBy(() -> UserPolicy.load(profiles, resources, groups))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(expected);

        write("profiles.conf", GOOD_PROFILES);
        write("resources.conf", GOOD_RESOURCES);
        UserPolicy policy = UserPolicy.load(profiles, resources, groups);
        ClusterInfo before = policy.clusterInfoFor("alice");
        Files.writeString(profiles, profilesText);
        Files.writeString(resources, resourcesText);
        ReloadResult result = policy.reload();
        assertThat(result.outcome()).isEqualTo(ReloadResult.Outcome.VALIDATION_ERROR);
        assertThat(result.message()).startsWith(expected);
        assertThat(policy.clusterInfoFor("alice")).as("the previous policy stays whole").isEqualTo(before);
    }

    @ParameterizedTest(name = "profiles: {0}")
    @CsvSource(delimiter = ';', value = {
            "unknown key;              [*]|max-cpu=2;                               {p}:2: unknown key max-cpu in section [*] (known keys: container-images, ",
            "bad number;               [*]|max-cpus=2,5;                            {p}:2: max-cpus: bad number '2,5'",
            "bad boolean;              [*]|allow-unknown-images=sometimes;          {p}:2: allow-unknown-images: bad boolean 'sometimes': use 1 or 0",
            "unknown group;            [*]|max-cpus=1|[@no-such-group]|max-cpus=2;  {p}:3: unknown group no-such-group in section [@no-such-group]: the system's name service has no such group",
            "duplicate section;        [*]|max-cpus=1|[*]|max-cpus=2;               {p}:3: duplicate section [*] (first at line 1)",
            "duplicate key;            [alice]|max-cpus=1|max-cpus=2;               {p}:3: duplicate key max-cpus in section [alice] (first at line 2)",
            "key outside a section;    max-cpus=1|[*]|max-cpus=2;                   {p}:1: key max-cpus is outside any section: keys must follow a [section] header",
            "bad override pointer;     [*]|job-json-overrides=\"spec/x\":\"v.json\"; {p}:2: job-json-overrides: bad override pointer \"spec/x\": a JSON pointer starts with /",
            "unreadable override file; [*]|job-json-overrides=\"/spec/x\":\"nope.json\"; {p}:2: job-json-overrides: unreadable override file {dir}/nope.json: NoSuchFileException {dir}/nope.json",
            "unknown resource profile; [*]|resource-profiles=small,large;          {p}:2: resource-profiles: unknown resource profile large ({r} defines small)",
            "line without =;           [*]|max-cpus;                                {p}:2: expected key=value or [section], found 'max-cpus'",
            "bad ratio;                [*]|cpu-request-ratio=2;                     {p}:2: cpu-request-ratio: bad ratio '2': must be greater than 0.0 and at most 1.0",
    })
    void aBadProfilesFile(String name, String text, String expected) throws Exception {
        write("profiles.conf", text);
        refusedAtStartUpAndOnReload(expand(expected));
    }

    @ParameterizedTest(name = "resources: {0}")
    @CsvSource(delimiter = ';', value = {
            "unknown key;           [small]|cpus=1|mem-mb=512|gpus=1;           {r}:4: unknown key gpus in resource profile [small] (known keys: name, ",
            "bad number;            [small]|cpus=1 CPU|mem-mb=512;              {r}:2: cpus: bad number '1 CPU'",
            "missing required key;  [small]|cpus=1;                             {r}:1: resource profile [small] is missing the required key mem-mb",
            "duplicate section;     [small]|cpus=1|mem-mb=512|[small]|cpus=2;   {r}:4: duplicate section [small] (first at line 1)",
            "key outside a section; cpus=1|[small]|cpus=1|mem-mb=512;           {r}:1: key cpus is outside any section: keys must follow a [section] header",
            "reserved name custom;  [small]|cpus=1|mem-mb=512|[custom]|cpus=1|mem-mb=1; {r}:4: [custom] is the built-in profile of jobs that set their own limits; give this profile another name",
            "request above limit;   [small]|cpus=1|cpus-request=1.5|mem-mb=512; {r}:3: cpus-request 1.5 exceeds cpus 1 in resource profile [small]: a request cannot be above its limit",
    })
    void aBadResourcesFile(String name, String text, String expected) throws Exception {
        write("resources.conf", text);
        refusedAtStartUpAndOnReload(expand(expected));
    }

    @Test
    void everyProblemOfBothFilesIsListedAtOnce() throws Exception {
        write("profiles.conf", "[*]|max-cpus=two|allow-custom-resources=maybe");
        write("resources.conf", "[small]|cpus=1");
        assertThatThrownBy(() -> UserPolicy.load(profiles, resources, groups))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.isUnreadable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo(String.join("\n",
                            profiles + ":2: max-cpus: bad number 'two'",
                            profiles + ":3: allow-custom-resources: bad boolean 'maybe': use 1 or 0",
                            resources + ":1: resource profile [small] is missing the required key mem-mb"));
                });
    }

    @Test
    void anUnreadableFileBesideAnInvalidOneIsALoadError() throws Exception {
        write("profiles.conf", "[*]|max-cpus=two");
        Files.delete(resources);
        Files.createDirectory(resources);
        assertThatThrownBy(() -> UserPolicy.load(profiles, resources, groups))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.isUnreadable()).isTrue();
                    assertThat(e.problems()).extracting(p -> p.origin())
                            .containsExactly(profiles + ":2", resources.toString());
                });
    }
}
