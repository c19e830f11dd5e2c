package io.kubelauncher.kubernetes.admin;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Every validator test again, rendered by real Go text/template + Sprig: the findings must not depend on the engine. */
class TemplateValidatorOracleTest extends TemplateValidatorTest {

    @Override
    TemplateRenderer renderer() {
        Path oracle = GoOracleRenderer.oracleBinary();
        assumeTrue(oracle != null && Files.isExecutable(oracle), "the Go oracle is built by bin/test");
        return new GoOracleRenderer(oracle);
    }
}
