package dev.spaauth.mail;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends mail on another thread, so a request takes the same time whether it sends a mail or not
 * (a password reset for an unknown address must not be faster; ASVS 6.3.8) and a slow mail server
 * never holds a request. Failures are logged without the mail's text.
 */
public final class AsyncMailOutbox implements MailOutbox {

	private static final Logger logger = LoggerFactory.getLogger(AsyncMailOutbox.class);

	private final MailOutbox delegate;

	private final Executor executor;

	/**
	 * Creates the outbox.
	 * @param delegate the outbox that delivers
	 * @param executor runs the deliveries
	 */
	public AsyncMailOutbox(MailOutbox delegate, Executor executor) {
		this.delegate = delegate;
		this.executor = executor;
	}

	@Override
	public void send(Mail mail) {
		this.executor.execute(() -> {
			try {
				this.delegate.send(mail);
			}
			catch (RuntimeException ex) {
				logger.warn("Mail \"{}\" could not be sent: {}", mail.subject(), ex.getClass().getSimpleName());
			}
		});
	}

}
