package dev.spaauth.session;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.spaauth.audit.SecurityEvent;
import dev.spaauth.audit.SecurityEvents;
import dev.spaauth.problem.ProblemCode;
import dev.spaauth.problem.ProblemException;
import dev.spaauth.problem.ProblemResponses;
import dev.spaauth.session.SessionLifecycle;
import dev.spaauth.user.SpaAuthUser;

/**
 * The signed-in user's sessions (ASVS 7.5.2): {@code GET {base-path}/sessions} lists them,
 * {@code DELETE {base-path}/sessions/{handle}} ends one, {@code POST {base-path}/sessions/revoke-others}
 * ends all but the current. An ended session is gone from the store, so its next request is anonymous.
 * Ending sessions is protective, so it needs no re-authentication: a user who fears their account is
 * used elsewhere must be able to act at once.
 */
@RestController
@RequestMapping(path = "${spa-auth.base-path:/api/auth}/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
public class SessionsController {

	private final UserSessions userSessions;

	private final SessionLifecycle sessions;

	private final SecurityEvents events;

	/**
	 * Creates the controller.
	 * @param userSessions the user's sessions in the store
	 * @param sessions ends the current session like a log-out
	 * @param events publishes the audit trail
	 */
	public SessionsController(UserSessions userSessions, SessionLifecycle sessions, SecurityEvents events) {
		this.userSessions = userSessions;
		this.sessions = sessions;
		this.events = events;
	}

	/**
	 * Lists the user's live sessions, newest first.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 {@code {"sessions": [{"handle", "createdAt", "lastSeenAt", "userAgent", "current"}]}}
	 */
	@GetMapping
	public SessionList list(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request) {
		return new SessionList(this.userSessions.list(user.getUsername(), currentId(request)));
	}

	/**
	 * Ends one of the user's sessions; ending the current one is a log-out.
	 * @param user the signed-in user
	 * @param handle the session's handle from the list
	 * @param request the request
	 * @param response the response, which expires the cookie when the current session ends
	 * @return 204; 404 {@code not_found} for a handle of no session of this user
	 */
	@ProblemResponses(ProblemCode.NOT_FOUND)
	@DeleteMapping("/{handle}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	public void end(@AuthenticationPrincipal SpaAuthUser user, @PathVariable String handle,
			HttpServletRequest request, HttpServletResponse response) {
		String id = this.userSessions.idOf(user.getUsername(), handle)
			.orElseThrow(() -> new ProblemException(ProblemCode.NOT_FOUND,
					"You have no session with this handle. List your sessions again."));
		if (id.equals(currentId(request))) {
			this.sessions.logOut(request, response);
		}
		else {
			this.userSessions.end(id);
		}
		this.events.publish(SecurityEvent.Type.SESSIONS_REVOKED, request, user.getUsername(), "one session");
	}

	/**
	 * Ends every session of the user but the current one.
	 * @param user the signed-in user
	 * @param request the request
	 * @return 200 {@code {"revoked": n}}
	 */
	@PostMapping("/revoke-others")
	public Revoked revokeOthers(@AuthenticationPrincipal SpaAuthUser user, HttpServletRequest request) {
		int revoked = this.userSessions.endAllBut(user.getUsername(), currentId(request));
		this.events.publish(SecurityEvent.Type.SESSIONS_REVOKED, request, user.getUsername(),
				"all other sessions (" + revoked + ")");
		return new Revoked(revoked);
	}

	/**
	 * Answer of the session list.
	 *
	 * @param sessions the user's live sessions, newest first
	 */
	public record SessionList(List<UserSessions.Info> sessions) {
	}

	/**
	 * Answer of ending the other sessions.
	 *
	 * @param revoked how many sessions ended
	 */
	public record Revoked(int revoked) {
	}

	private static String currentId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return (session != null) ? session.getId() : "";
	}

}
