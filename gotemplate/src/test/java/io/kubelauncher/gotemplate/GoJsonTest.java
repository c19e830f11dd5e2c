package io.kubelauncher.gotemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoJsonTest {

    private static Object read(String json) throws GoJson.JsonException {
        return GoJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesLikeGoIntoInterface() throws Exception {
        assertThat(read("{\"a\":1,\"b\":[2.5,\"x\",true,null,{}],\"a\":3}"))
                .isEqualTo(Map.of("a", 3.0, "b", Arrays.asList(2.5, "x", true, null, Map.of())));
        assertThat(read("12345678901234567890")).isEqualTo(1.2345678901234567e19);
        assertThat(read("\"\\u00e9\\ud83d\\ude00\"")).isEqualTo("\u00e9\ud83d\ude00");
    }

    @Test
    void aNullDocumentIsAnEmptyObjectLikeGosNilMap() throws Exception {
        assertThat(GoJson.readObject("null".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void rejectsWhatGoRejects() {
        assertThatThrownBy(() -> GoJson.readObject("[1]".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("json: cannot unmarshal array into Go value of type map[string]interface {}");
        assertThatThrownBy(() -> read("[1e400]")).hasMessage("json: cannot unmarshal number 1e400 into Go value of type float64");
        assertThatThrownBy(() -> read("{\"a\" 1}")).hasMessageContaining("line 1, column");
        assertThatThrownBy(() -> read("{} x")).isInstanceOf(GoJson.JsonException.class);
        assertThatThrownBy(() -> read("")).hasMessage("unexpected end of JSON input");
    }
}
