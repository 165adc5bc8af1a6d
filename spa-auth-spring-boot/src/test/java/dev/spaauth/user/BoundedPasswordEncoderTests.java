package dev.spaauth.user;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import dev.spaauth.user.PasswordHashingBusyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedPasswordEncoderTests {

	@Test
	void hashWhenAllSlotsBusyPastTheWaitThenBusyException() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		PasswordEncoder blocking = new PasswordEncoder() {
			@Override
			public String encode(CharSequence rawPassword) {
				started.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return "hash";
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return true;
			}
		};
		BoundedPasswordEncoder encoder = new BoundedPasswordEncoder(blocking, 1, Duration.ofMillis(100));
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> encoder.encode("a"));
		assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

		assertThatThrownBy(() -> encoder.matches("b", "hash")).isInstanceOf(PasswordHashingBusyException.class);

		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("hash");
		assertThat(encoder.matches("b", "hash")).isTrue();
	}

}
