package dev.fedbroker.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One shared AwsSignIn used from several threads gives valid, distinct signatures. */
class ConcurrentSignInTest {

    @Test
    void signInWhenSharedAcrossThreadsThenEveryResponseVerifies() throws Exception {
        AwsSignIn shared = SignInFixtures.builder().build();
        Callable<AwsSignInResponse> task = () -> shared.signIn(SignInFixtures.reader().build(), Policies.SANDBOX,
                "Billing");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AwsSignInResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(task));
            }
            List<String> ids = new ArrayList<>();
            for (Future<AwsSignInResponse> future : futures) {
                AwsSignInResponse response = future.get();
                ids.add(response.assertionId());
                assertThat(JdkSignatureVerifier.verifyAssertion(response.samlResponseXml(),
                        TestKeys.broker().certificate().getPublicKey()).valid()).isTrue();
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(16);
        } finally {
            pool.shutdownNow();
        }
    }
}
