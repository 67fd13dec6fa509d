package dev.fedbroker.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleSessionNamesTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "alice@contoso.example|alice@contoso.example",
        "a.b+c=d,e_f-g@h|a.b+c=d,e_f-g@h",
        "José.Núñez@contoso.example|Jose.Nunez@contoso.example",
        "alice_fabrikam.com#EXT#@contoso.onmicrosoft.com|alice_fabrikam.com_EXT_@contoso.onmicrosoft.com",
        "Ada  Lovelace|Ada_Lovelace",
        "'  padded@contoso.example  '|padded@contoso.example",
        "ﬁle@contoso.example|file@contoso.example",
        "张三@contoso.example|_@contoso.example",
        "ab|ab",
        "a/b\\c:d|a_b_c_d"})
    void sanitizeWhenNameHasForbiddenCharactersThenReplacedOrDropped(String raw, String expected) {
        assertThat(RoleSessionNames.sanitize(raw)).contains(expected);
        assertThat(RoleSessionNames.isValid(expected)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a", "é", "__", "_@", "张三", "#", "€€€"})
    void sanitizeWhenNothingUsableLeftThenEmpty(String raw) {
        assertThat(RoleSessionNames.sanitize(raw)).isEmpty();
    }

    @Test
    void sanitizeWhenLongerThan64ThenCutTo64() {
        String upn = "a".repeat(60) + "@contoso.example";

        assertThat(RoleSessionNames.sanitize(upn)).contains("a".repeat(60) + "@con");
    }

    @Test
    void sanitizeWhenExactly64ThenKept() {
        String name = "b".repeat(64);

        assertThat(RoleSessionNames.sanitize(name)).contains(name);
    }

    @Test
    void sanitizeWhenLongRunOfForbiddenCharactersThenOneUnderscore() {
        assertThat(RoleSessionNames.sanitize("x" + "#".repeat(500) + "y")).contains("x_y");
    }

    @Test
    void isValidWhenSpaceOrTooLongThenFalse() {
        assertThat(RoleSessionNames.isValid("a b")).isFalse();
        assertThat(RoleSessionNames.isValid("c".repeat(65))).isFalse();
        assertThat(RoleSessionNames.isValid("c")).isFalse();
    }
}
