/**
 * SCIM 2.0 (RFC 7643, RFC 7644) as Azure AD's provisioning client speaks it: the schema model ({@link
 * dev.fedbroker.scim.ScimSchemas}), filters ({@link dev.fedbroker.scim.ScimFilter}), a transport-neutral endpoint
 * ({@link dev.fedbroker.scim.ScimEndpoint}) over a resource store port ({@link dev.fedbroker.scim.ScimResourceStore},
 * in memory by default), and the adapter that serves core's {@code Directory} from that store ({@link
 * dev.fedbroker.scim.ScimDirectory}). JSON handling (Jackson) stays in the {@code internal} package.
 */
package dev.fedbroker.scim;
