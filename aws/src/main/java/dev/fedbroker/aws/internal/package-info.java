/**
 * Implementation of {@code dev.fedbroker.aws}: XML writing and signing (Santuario), session name and tag rules, the
 * HTML page, YAML and CloudFormation writing. Not an API: may change in any release.
 */
package dev.fedbroker.aws.internal;
