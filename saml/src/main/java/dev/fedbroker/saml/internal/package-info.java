/**
 * Implementation of the validation pipeline (secure parsing, shape, strict signature verification, decryption,
 * protocol and assertion checks, replay, claims) and metadata parsing. Not API: may change in any release.
 */
package dev.fedbroker.saml.internal;
