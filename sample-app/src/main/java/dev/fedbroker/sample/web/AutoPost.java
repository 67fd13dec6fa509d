package dev.fedbroker.sample.web;

import java.util.List;

/**
 * An HTTP-POST binding page: a form that {@code /js/autopost.js} submits at once (or the user, with scripts off).
 * Every value is HTML-escaped by the template. Immutable.
 *
 * @param action      where the form posts
 * @param fields      the hidden fields
 * @param description a line telling the user where they are going
 */
public record AutoPost(String action, List<Field> fields, String description) {

    public AutoPost {
        fields = List.copyOf(fields);
    }

    /**
     * A hidden field.
     *
     * @param name  its name
     * @param value its value
     */
    public record Field(String name, String value) {
    }
}
