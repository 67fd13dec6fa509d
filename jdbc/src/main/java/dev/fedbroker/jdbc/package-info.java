/** core's ReplayCache and scim-model's resource store over plain JDBC. */
package dev.fedbroker.jdbc;
