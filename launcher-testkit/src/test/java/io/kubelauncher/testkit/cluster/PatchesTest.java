package io.kubelauncher.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PatchesTest {
  private static ObjectNode json(String text) {
    return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
  }

  @Test
  void mergePatchMergesObjectsAndNullDeletes() {
    ObjectNode current = json("{'metadata':{'name':'a','labels':{'keep':'1','drop':'2'}},'spec':{'x':[1,2]}}");
    ObjectNode patched = Patches.apply("application/merge-patch+json", current, json("{'metadata':{'labels':{'drop':null,'new':'3'}},'spec':{'x':[3]}}"));
    assertThat(patched).isEqualTo(json("{'metadata':{'name':'a','labels':{'keep':'1','new':'3'}},'spec':{'x':[3]}}"));
    assertThat(current.path("metadata").path("labels").has("drop")).as("the stored object is untouched").isTrue();
  }

  @Test
  void strategicMergePatchMergesContainersByName() {
    ObjectNode current = json("{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'y'}]}}");
    ObjectNode patched = Patches.apply("application/strategic-merge-patch+json; charset=utf-8", current,
        json("{'spec':{'containers':[{'name':'b','image':'z'},{'name':'c','image':'w'}]}}"));
    assertThat(patched).isEqualTo(json("{'spec':{'containers':[{'name':'a','image':'x'},{'name':'b','image':'z'},{'name':'c','image':'w'}]}}"));
  }

  @Test
  void jsonPatchAppliesOperations() {
    ObjectNode current = json("{'metadata':{'labels':{'a':'1'}}}");
    ObjectNode patched = Patches.apply("application/json-patch+json", current,
        Json.MAPPER.readTree("[{\"op\":\"add\",\"path\":\"/metadata/labels/b\",\"value\":\"2\"},{\"op\":\"remove\",\"path\":\"/metadata/labels/a\"}]"));
    assertThat(patched).isEqualTo(json("{'metadata':{'labels':{'b':'2'}}}"));
  }

  @Test
  void unknownPatchTypeIsUnsupportedMediaType() {
    assertThatThrownBy(() -> Patches.apply("application/apply-patch+yaml", json("{}"), json("{}")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(415));
  }
}
