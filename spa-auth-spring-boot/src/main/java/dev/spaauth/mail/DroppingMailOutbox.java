package dev.spaauth.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Drops mail with a log line that holds neither the address nor the text; used when none is configured. */
public final class DroppingMailOutbox implements MailOutbox {

	private static final Logger logger = LoggerFactory.getLogger(DroppingMailOutbox.class);

	@Override
	public void send(Mail mail) {
		logger.warn("Mail \"{}\" dropped: configure spring.mail.host or spa-auth.mail.dev-mailbox", mail.subject());
	}

}
