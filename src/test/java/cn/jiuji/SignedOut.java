package cn.jiuji;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * No user stays signed in to the engine after a test of {@link ApplicationTest}: a test that acts
 * as a township worker leaves the next test, on the same thread, acting as the system again.
 */
public final class SignedOut implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    SpringExtension.getApplicationContext(context).getBean(IdentityService.class).clearAuthentication();
  }
}
