package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
  private static final Map<String, String> LABELS = Map.of("app", "rstudio", "tier", "session", "user", "alice");

  @Test
  void equalityAndInequality() {
    assertThat(LabelSelector.parse("app=rstudio,tier==session").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("app=rstudio,tier!=session").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("missing!=x").test(LABELS)).isTrue();
  }

  @Test
  void setBasedRequirements() {
    assertThat(LabelSelector.parse("user in (alice, bob)").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("user notin (alice,bob)").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("user notin (carol),app").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("!app").test(LABELS)).isFalse();
    assertThat(LabelSelector.parse("!gpu,tier in (session)").test(LABELS)).isTrue();
    assertThat(LabelSelector.parse("gpu").test(LABELS)).isFalse();
  }

  @Test
  void emptySelectorMatchesEverything() {
    assertThat(LabelSelector.parse("").test(Map.of())).isTrue();
  }

  @Test
  void malformedSelectorNamesTheProblem() {
    assertThatThrownBy(() -> LabelSelector.parse("user in (alice")).isInstanceOf(ApiException.class).hasMessageContaining("user in (alice");
    assertThatThrownBy(() -> LabelSelector.parse("bad key=1")).isInstanceOf(ApiException.class).hasMessageContaining("invalid label key");
  }

  @Test
  void fieldSelectorsFollowDottedPaths() {
    var pod = Json.MAPPER.readTree("{\"metadata\":{\"name\":\"p\"},\"status\":{\"phase\":\"Running\"}}");
    assertThat(FieldSelector.parse("metadata.name=p,status.phase!=Failed").test(pod)).isTrue();
    assertThat(FieldSelector.parse("metadata.name=q").test(pod)).isFalse();
    assertThatThrownBy(() -> FieldSelector.parse("metadata.name")).isInstanceOf(ApiException.class);
  }
}
