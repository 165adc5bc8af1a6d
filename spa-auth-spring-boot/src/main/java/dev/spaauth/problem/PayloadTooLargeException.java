package dev.spaauth.problem;

import java.io.IOException;

/**
 * Thrown while reading a request body that grows past the configured limit without having declared
 * its length; answered as 413 problem {@code payload_too_large}.
 */
public class PayloadTooLargeException extends IOException {

	/** The detail of the problem answered for an oversized body. */
	public static final String DETAIL = "The request body is too large. Send a smaller body.";

	/**
	 * Creates the exception.
	 * @param limitBytes the limit that was passed, in bytes
	 */
	public PayloadTooLargeException(long limitBytes) {
		super("Request body larger than " + limitBytes + " bytes");
	}

	/**
	 * Returns whether this exception is somewhere in the cause chain.
	 * @param ex the exception to inspect
	 * @return whether a {@code PayloadTooLargeException} caused it
	 */
	public static boolean isCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof PayloadTooLargeException) {
				return true;
			}
		}
		return false;
	}

}
