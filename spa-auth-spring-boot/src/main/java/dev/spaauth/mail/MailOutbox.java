package dev.spaauth.mail;

/**
 * Where spa-auth's mails go: SMTP through Spring Boot's mail support when {@code spring.mail.host}
 * is set, a development mailbox folder when {@code spa-auth.mail.dev-mailbox} is set, nowhere
 * otherwise (with a warning at start-up). Declare a bean of this type to send mail another way.
 */
public interface MailOutbox {

	/**
	 * Sends a mail. Implementations must not log its text, which may hold a single-use link.
	 * @param mail the mail
	 */
	void send(Mail mail);

}
