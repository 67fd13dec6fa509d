package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FilterTest {
    private static final ScimSchemas SCHEMAS = ScimSchemas.standard();

    private static ScimResource user(Map<String, ?> attributes) {
        return new ScimResource("User", "Id-1", 1, Instant.parse("2024-01-15T10:00:00Z"),
                Instant.parse("2024-01-15T10:00:00Z"), attributes);
    }

    @Test
    void parseWhenInvalidThenInvalidFilterNamingTheOffset() {
        assertThatExceptionOfType(ScimException.class).isThrownBy(() -> ScimFilter.parse("userName eq bjensen"))
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
                    assertThat(e.getMessage()).contains("offset 12");
                });
    }

    @Test
    void parseWhenNestedTooDeepThenInvalidFilterNotStackOverflow() {
        String deep = "(".repeat(5000) + "a pr" + ")".repeat(5000);

        assertThatExceptionOfType(ScimException.class).isThrownBy(() -> ScimFilter.parse(deep))
                .extracting(ScimException::type).isEqualTo(ScimErrorType.INVALID_FILTER);
    }

    @Test
    void parseWhenAzureValuePathWithSubAttributeThenRewrittenToValueFilter() {
        assertThat(ScimFilter.parse("emails[type eq \"work\"].value eq \"a@b.c\"").toString())
                .isEqualTo("emails[type eq \"work\" and value eq \"a@b.c\"]");
    }

    @Test
    void matchesWhenIdIsCaseExactThenOtherCaseDoesNotMatch() {
        ScimResource user = user(Map.of("userName", "Bjensen"));

        assertThat(ScimFilter.parse("id eq \"Id-1\"").matches(user, SCHEMAS)).isTrue();
        assertThat(ScimFilter.parse("id eq \"id-1\"").matches(user, SCHEMAS)).isFalse();
        assertThat(ScimFilter.parse("userName eq \"BJENSEN\"").matches(user, SCHEMAS)).isTrue();
    }

    @Test
    void matchesWhenDateTimeThenComparedAsInstantsNotText() {
        ScimResource user = user(Map.of("userName", "u"));

        assertThat(ScimFilter.parse("meta.created eq \"2024-01-15T11:00:00+01:00\"").matches(user, SCHEMAS)).isTrue();
        assertThat(ScimFilter.parse("meta.lastModified lt \"2024-01-15T05:00:01-05:00\"").matches(user, SCHEMAS))
                .isTrue();
    }

    @Test
    void matchesWhenStringLooksLikeDateButSchemaSaysStringThenNoDateParsing() {
        ScimResource user = user(Map.of("userName", "u", "title", "2024-01-15T10:00:00Z"));

        assertThat(ScimFilter.parse("title eq \"2024-01-15T11:00:00+01:00\"").matches(user, SCHEMAS)).isFalse();
    }

    @Test
    void matchesWhenBooleanOrderedThenInvalidFilter() {
        ScimResource user = user(Map.of("userName", "u", "active", true));

        assertThatExceptionOfType(ScimException.class)
                .isThrownBy(() -> ScimFilter.parse("active gt false").matches(user, SCHEMAS))
                .extracting(ScimException::type).isEqualTo(ScimErrorType.INVALID_FILTER);
    }

    @Test
    void matchesWhenEnterpriseAttributeUnqualifiedOrQualifiedThenFound() {
        ScimResource user = user(Map.of("userName", "u", ScimSchemas.ENTERPRISE_USER, Map.of("department", "R&D",
                "manager", Map.of("value", "boss"))));

        assertThat(ScimFilter.parse("department eq \"r&d\"").matches(user, SCHEMAS)).isTrue();
        assertThat(ScimFilter.parse(ScimSchemas.ENTERPRISE_USER + ":manager.value eq \"boss\"")
                .matches(user, SCHEMAS)).isTrue();
        assertThat(ScimFilter.parse("manager eq \"boss\"").matches(user, SCHEMAS)).isTrue();
    }

    @Test
    void matchesWhenValuePathOverEmailsThenOnlySameElementCounts() {
        ScimResource user = user(Map.of("userName", "u", "emails", List.of(
                Map.of("type", "work", "value", "w@x.io"), Map.of("type", "home", "value", "h@x.io"))));

        assertThat(ScimFilter.parse("emails[type eq \"work\" and value eq \"h@x.io\"]").matches(user, SCHEMAS))
                .isFalse();
        assertThat(ScimFilter.parse("emails.type eq \"work\" and emails.value eq \"h@x.io\"").matches(user, SCHEMAS))
                .isTrue();
    }
}
