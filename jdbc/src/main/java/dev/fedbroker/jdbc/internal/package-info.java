/** SQL, row mapping and failure classification behind the jdbc module's public types; not API, may change. */
package dev.fedbroker.jdbc.internal;
