package io.kubelauncher.benchmarks.micro;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Each JMH benchmark method runs once and does real work (JMH itself runs only under bin/bench). */
class MicroBenchmarksSmokeTest {

    @Test
    void codecBenchmarkMethodsWork() throws Exception {
        CodecBenchmark codec = new CodecBenchmark();
        codec.setUp();
        assertThat(codec.decodeGetJob()).isNotNull();
        assertThat(codec.decodeSubmitJob()).isNotNull();
        assertThat(codec.encodeJobState()).isGreaterThan(100);
        codec.splitHundredFrames(new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
    }

    @Test
    void templateBenchmarkRendersTheFixture() throws Exception {
        TemplateRenderBenchmark render = new TemplateRenderBenchmark();
        render.templates = TemplateRenderBenchmark.TEMPLATES;
        render.template = TemplateRenderBenchmark.TEMPLATE;
        render.data = TemplateRenderBenchmark.DATA;
        render.setUp();
        assertThat(render.render()).isGreaterThan(1000);
    }
}
