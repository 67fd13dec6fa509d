#!/usr/bin/env bash
# Replays the session of cli/README.md from the repository root, after ./mvnw verify (or package).
# Every file it reads is in examples/cli/ (made by cli's ExampleFilesGenerator with test-fixtures) or examples/.
# Each command is printed after "$ ", then its output; "exit N" follows commands that exit non-zero.
set -u -o pipefail
cd "$(dirname "$0")/../.."
fedbroker() { java -jar cli/target/fedbroker-cli.jar "$@"; }
E=examples/cli
NOW=2026-11-20T09:01:00Z
SP="--sp-entity-id https://broker.example.com/saml --acs https://broker.example.com/saml/acs"
run() {
  echo "\$ $1"
  eval "$1"
  local rc=$?
  [ $rc -ne 0 ] && echo "exit $rc"
  echo
}
case "${1:-all}" in
  validate|all)
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --allow-unsolicited --now $NOW \\
    $E/response.b64 $E/response.b64 $E/wrong-audience.b64 $E/encrypted.b64 $E/attacker.xml $E/not-a-response.txt"
    run "fedbroker validate --idp-cert $E/idp-cert.pem --idp-entity-id https://sts.windows.net/8b966979-910b-487c-a604-69229b1ac75c/ \\
    $SP --allow-unsolicited --now $NOW --sp-key $E/sp-key.pem --sp-cert $E/sp-cert.pem $E/encrypted.b64"
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --allow-unsolicited --now 2026-11-20T09:07:30Z --clock-skew 60s \\
    $E/response.b64"
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --in-response-to _f3a7d1c2-request --now $NOW - < $E/response.b64"
    ;;&
  inspect|all)
    run "fedbroker inspect --idp-metadata $E/idp-metadata.xml $SP --allow-unsolicited --now $NOW $E/response.b64"
    run "fedbroker inspect --idp-metadata $E/idp-metadata.xml --now $NOW $E/attacker.xml | sed -n '/== Signatures/,/== Times/p'"
    run "fedbroker inspect --idp-metadata $E/idp-metadata.xml --sp-key $E/sp-key.pem --sp-cert $E/sp-cert.pem --now $NOW \\
    $E/encrypted.b64 | sed -n '/== Encrypted/,/== Times/p'"
    run "fedbroker inspect --json --now $NOW $E/wrong-audience.b64 | jq -c '{signatures: [.signatures[] | {element, status, verifiedBy}], audiences: .fields.audiences, times: [.times[] | {name, relative, judgement}]}'"
    run "fedbroker inspect $E/not-a-response.txt --now $NOW | head -3"
    ;;&
  metadata|all)
    run "fedbroker metadata $SP --slo https://broker.example.com/saml/logout --encryption-cert $E/sp-cert.pem --name-id-format persistent"
    run "fedbroker metadata --idp $E/idp-metadata.xml --now $NOW"
    run "fedbroker metadata --idp $E/idp-metadata.xml --now 2029-11-01T00:00:00Z --json | jq -c '.signingCertificates[] | {subject, notAfter, status}'"
    ;;&
  resolve|all)
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --allow-unsolicited --now $NOW $E/password-only.xml > $E/identity.json"
    run "fedbroker resolve --policy examples/policy.json --identity $E/identity.json"
    run "fedbroker resolve --policy examples/policy.json --identity $E/identity.json --explain"
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --allow-unsolicited --now $NOW $E/response.b64 \\
    | fedbroker resolve --policy examples/policy.json --identity - | jq -r '[.accountName, .permissionSet, .sessionDuration] | @tsv'"
    ;;&
  aws-setup|all)
    run "fedbroker aws-setup --policy examples/policy.json --idp-cert $E/broker-cert.pem --out /tmp/fedbroker-aws \\
    --idp-entity-id https://broker.example.com/idp --idp-sso-url https://broker.example.com/portal"
    run "sed -n '1,40p' /tmp/fedbroker-aws/accounts/222222222222.yaml"
    ;;&
  errors|all)
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --now yesterday $E/response.b64"
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml --acs https://broker.example.com/saml/acs $E/response.b64"
    run "fedbroker validate --idp-metadata $E/idp-metadata.xml $SP --sp-key $E/sp-key.pem --sp-cert $E/idp-cert.pem $E/response.b64"
    run "fedbroker resolve --policy $E/idp-cert.pem --identity $E/identity.json"
    ;;
esac
