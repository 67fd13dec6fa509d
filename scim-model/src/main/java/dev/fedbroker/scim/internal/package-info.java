/**
 * Implementation of the SCIM module: JSON codec, filter parser and evaluator, PATCH engine, request handlers. Not API:
 * anything here may change without notice.
 */
package dev.fedbroker.scim.internal;
