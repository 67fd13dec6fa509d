package dev.fedbroker.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class YamlWriterTest {

    private static Object load(String yaml) {
        return new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "yes", "null", "0x1F", "~", "- item", "key: value", "# comment", "!Ref x",
        "*alias", "&anchor", "{a: b}", "[1, 2]", "\"quoted\" \\ back", "line\nbreak\ttab\r", "é ü 张三 😀",
        "\u0000\u0007\u001b\u007f\u0085\u2028\ufeff", "--- \n...", "%YAML 1.2", "@at `tick`", "'single'"})
    void quoteWhenParsedBackThenSameString(String value) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("Value", value);
        root.put("List", List.of(value, Map.of("Nested", value)));

        assertThat(load(YamlWriter.write(root))).isEqualTo(root);
        assertThat(YamlWriter.quote(value)).matches("\"[\\x20-\\x7E]*\"");
    }

    @Test
    void writeWhenNestedMapsListsAndNumbersThenParsesToTheSameTree() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("AWSTemplateFormatVersion", "2010-09-09");
        root.put("Count", 43200);
        root.put("Flag", true);
        root.put("Empty", Map.of());
        root.put("None", List.of());
        root.put("Fn::Sub", "arn:${AWS::Partition}");
        root.put("SAML:aud", "https://signin.aws.amazon.com/saml");
        root.put("key with: colon # and hash", List.of(List.of("a", "b"), Map.of("k", List.of(Map.of("x", 1)))));

        assertThat(load(YamlWriter.write(root))).isEqualTo(root);
    }
}
