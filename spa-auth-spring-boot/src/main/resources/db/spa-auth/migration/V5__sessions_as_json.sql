-- Session attributes are JSON from this version on (an allow-list of types instead of Java
-- serialization): sessions stored before are ended, once, and their users log in again.
DELETE FROM spring_session_attributes;
DELETE FROM spring_session;
