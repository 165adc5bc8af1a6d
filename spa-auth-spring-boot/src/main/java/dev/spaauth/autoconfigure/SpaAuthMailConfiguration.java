package dev.spaauth.autoconfigure;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.mail.javamail.JavaMailSender;

import dev.spaauth.mail.AsyncMailOutbox;
import dev.spaauth.mail.DirectoryMailOutbox;
import dev.spaauth.mail.DroppingMailOutbox;
import dev.spaauth.mail.MailOutbox;
import dev.spaauth.mail.Notices;
import dev.spaauth.mail.SmtpMailOutbox;

/**
 * Mail for spa-auth's notices: SMTP through Boot's {@link JavaMailSender} when configured, the
 * development mailbox folder when set, otherwise nowhere; always sent on another thread.
 */
@Configuration(proxyBeanMethods = false)
class SpaAuthMailConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SpaAuthMailConfiguration.class);

	private static final int MAIL_THREADS = 2;

	@Bean
	@ConditionalOnMissingBean
	MailOutbox spaAuthMailOutbox(ObjectProvider<JavaMailSender> mailSender, SpaAuthProperties properties,
			JsonMapper jsonMapper) {
		JavaMailSender sender = mailSender.getIfAvailable();
		MailOutbox outbox;
		if (sender != null) {
			outbox = new SmtpMailOutbox(sender, properties.mail().from());
		}
		else if (properties.mail().devMailbox() != null) {
			logger.warn("spa-auth writes mail to the development mailbox {}, not to anyone's inbox",
					properties.mail().devMailbox());
			outbox = new DirectoryMailOutbox(properties.mail().devMailbox(), jsonMapper, Clock.systemUTC());
		}
		else {
			logger.warn("No mail configured (spring.mail.host or spa-auth.mail.dev-mailbox): spa-auth's mails are "
					+ "dropped");
			outbox = new DroppingMailOutbox();
		}
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("spa-auth-mail-");
		executor.setConcurrencyLimit(MAIL_THREADS);
		return new AsyncMailOutbox(outbox, executor);
	}

	@Bean
	Notices spaAuthNotices(MailOutbox outbox, SpaAuthProperties properties) {
		return new Notices(outbox, properties.spaUrl());
	}

}
