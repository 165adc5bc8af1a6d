package dev.spaauth.mail;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends mail over SMTP with Spring Boot's {@link JavaMailSender}. */
public final class SmtpMailOutbox implements MailOutbox {

	private final JavaMailSender sender;

	private final String from;

	/**
	 * Creates the outbox.
	 * @param sender the configured mail sender
	 * @param from the sender address, from {@code spa-auth.mail.from}
	 */
	public SmtpMailOutbox(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void send(Mail mail) {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		this.sender.send(message);
	}

}
