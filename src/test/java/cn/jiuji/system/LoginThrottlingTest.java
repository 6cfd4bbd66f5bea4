package cn.jiuji.system;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiuji.ApplicationTest;
import cn.jiuji.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SPEC §12: failed logins slow the next attempt down, but no stranger locks an account out for
 * good. Over HTTP Basic on /engine-rest, the login every REST client uses, with a user of its own
 * (the delay would refuse the demo users in other tests) and the engine clock standing still, so
 * that each delay is exact.
 */
@ApplicationTest
class LoginThrottlingTest {

  private static final String USER = "throttled";

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  WebClient web;

  @BeforeEach
  void user() {
    web = new WebClient(port);
    TestClock.freeze(TestClock.PINNED);
    var user = identity.newUser(USER);
    user.setPassword("right");
    identity.saveUser(user);
  }

  @AfterEach
  void removeUser() {
    identity.deleteUser(USER);
  }

  @Test
  void eachFailedLoginRefusesTheUserForLongerUpToAMinuteAndTheRightPasswordOpensAgainAfterIt() {
    List<Long> delays = new ArrayList<>();
    for (int failure = 1; failure <= 7; failure++) {
      assertThat(profile("wrong")).isEqualTo(401);
      delays.add(secondsLocked());
      // while the delay runs, even the right password is refused
      assertThat(profile("right")).isEqualTo(401);
      passSeconds(delays.get(delays.size() - 1) + 1);
    }
    assertThat(delays).containsExactly(3L, 6L, 12L, 24L, 48L, 60L, 60L);
    assertThat(profile("right")).isEqualTo(200);
    // a successful login starts the count afresh
    assertThat(profile("wrong")).isEqualTo(401);
    assertThat(secondsLocked()).isEqualTo(3);
  }

  @Test
  void fiftyWrongPasswordsFromAStrangerDoNotLockTheAccountForGood() {
    // Camunda's own default (10 attempts) locked the user until an administrator unlocked it
    for (int failure = 1; failure <= 50; failure++) {
      assertThat(profile("wrong")).isEqualTo(401);
      passSeconds(secondsLocked() + 1);
    }
    assertThat(profile("right")).isEqualTo(200);
  }

  private int profile(String password) {
    return web.get("/engine-rest/user/" + USER + "/profile", USER, password).statusCode();
  }

  /** How long from now the user's logins are refused, in seconds. */
  private long secondsLocked() {
    Date until = ((UserEntity) identity.createUserQuery().userId(USER).singleResult()).getLockExpirationTime();
    return until == null ? 0 : Duration.between(ClockUtil.getCurrentTime().toInstant(), until.toInstant()).toSeconds();
  }

  private static void passSeconds(long seconds) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + seconds * 1000));
  }
}
