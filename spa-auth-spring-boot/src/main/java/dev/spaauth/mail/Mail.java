package dev.spaauth.mail;

/**
 * A plain-text mail to one recipient.
 *
 * @param to the recipient's address
 * @param subject the subject line
 * @param text the body; links in it are the only secrets a mail may carry
 */
public record Mail(String to, String subject, String text) {
}
