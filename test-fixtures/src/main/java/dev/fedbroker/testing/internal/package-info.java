/**
 * Implementation of the test fixtures: DOM building, Azure-exact serialization, signing and encryption with Apache
 * Santuario, and the DOM and text surgery behind {@code dev.fedbroker.testing.Hostile}. Not API: these types are
 * public only so that the top package can use them, and may change in any release.
 */
package dev.fedbroker.testing.internal;
