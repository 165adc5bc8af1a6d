package dev.spaauth.account;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;

/**
 * Runs the part of a request that depends on whether an account uses a submitted address (issuing a
 * token, queueing a mail) on another thread, one task after the other, so that the request does the
 * same work and takes the same time whether or not the address is known: its answer, status and
 * duration tell nothing about other accounts (OWASP Forgot Password Cheat Sheet, "Consistent
 * responses"; ASVS 6.3.8). One thread keeps a newer request's token after an older one's, as the flows
 * require. A failure is logged without the address.
 */
public final class AccountWork implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AccountWork.class);

	private final ThreadPoolExecutor executor;

	/**
	 * Creates the runner and its thread.
	 * @param queueCapacity how many tasks may wait; more are refused (503)
	 */
	public AccountWork(int queueCapacity) {
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity),
				new CustomizableThreadFactory("spa-auth-account-"));
	}

	/**
	 * Stops taking tasks and waits up to 5 seconds for the queued ones.
	 * @throws InterruptedException when interrupted while waiting
	 */
	@Override
	public void close() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(5, TimeUnit.SECONDS)) {
			logger.warn("{} queued account tasks were dropped at shutdown", this.executor.shutdownNow().size());
		}
	}

	/**
	 * Queues a task.
	 * @param what names the task in the log, such as "password reset"
	 * @param task the work
	 * @throws ProblemException 503 {@code service_unavailable} with {@code Retry-After} when the queue is
	 * full
	 */
	public void submit(String what, Runnable task) {
		try {
			this.executor.execute(() -> {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					logger.warn("The {} of a submitted address failed: {}", what, ex.getClass().getSimpleName());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			ProblemException busy = new ProblemException(ProblemCode.SERVICE_UNAVAILABLE,
					"The server is busy with other requests like this one. Try again in a minute.");
			busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "60");
			throw busy;
		}
	}

}
