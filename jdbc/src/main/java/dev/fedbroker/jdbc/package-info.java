/**
 * Shared state for several instances of a host app: core's {@link dev.fedbroker.core.ReplayCache} and scim-model's
 * {@link dev.fedbroker.scim.ScimResourceStore} over plain JDBC ({@link dev.fedbroker.jdbc.JdbcReplayCache},
 * {@link dev.fedbroker.jdbc.JdbcScimResourceStore}), on PostgreSQL or embedded H2, with the schema managed by
 * {@link dev.fedbroker.jdbc.FedbrokerSchema}. Implementation details live in {@code dev.fedbroker.jdbc.internal},
 * which is not API.
 */
package dev.fedbroker.jdbc;
