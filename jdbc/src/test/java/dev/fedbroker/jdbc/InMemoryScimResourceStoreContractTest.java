package dev.fedbroker.jdbc;

import dev.fedbroker.scim.InMemoryScimResourceStore;
import dev.fedbroker.scim.ScimResourceStore;

/** The store contract on scim-model's in-memory store: the reference the JDBC store must match. */
class InMemoryScimResourceStoreContractTest extends ScimResourceStoreContract {
    @Override
    protected ScimResourceStore store() {
        return InMemoryScimResourceStore.builder().clock(clock).build();
    }
}
