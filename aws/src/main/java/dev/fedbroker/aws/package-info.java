/**
 * The broker as SAML identity provider toward AWS, as IAM Identity Center is: one Azure AD enterprise app, any number
 * of AWS accounts.
 *
 * <ul>
 *   <li>{@link dev.fedbroker.aws.AwsSignIn} signs the SAML response that signs a user in to one account with the role
 *       of one permission set, after resolving again that the policy grants exactly that pair;
 *       {@link dev.fedbroker.aws.AwsSignInResponse#autoPostHtml()} is the page that posts it to AWS.</li>
 *   <li>{@link dev.fedbroker.aws.BrokerMetadata} is the broker's IdP metadata for each account's IAM SAML provider;
 *       {@link dev.fedbroker.aws.AwsSetup} writes it with CloudFormation templates (per account, and StackSet-ready
 *       per organizational unit) that create the provider and one role per permission set.</li>
 *   <li>{@link dev.fedbroker.aws.AwsTrust} (a {@link dev.fedbroker.aws.RoleNaming} rule plus each account's
 *       {@link dev.fedbroker.aws.SignInEndpoint}) is shared by both, so that what is signed is what is deployed.</li>
 * </ul>
 * XML is built with the JDK's DOM and signed with Apache Santuario, inside {@code dev.fedbroker.aws.internal}.
 */
package dev.fedbroker.aws;
