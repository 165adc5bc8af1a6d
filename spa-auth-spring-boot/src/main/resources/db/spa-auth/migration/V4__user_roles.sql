-- Roles granted to accounts (the role USER is implicit and never stored). A role is a name such as
-- ADMIN; Spring Security sees it as the authority ROLE_ADMIN.
CREATE TABLE user_roles (
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       VARCHAR(50) NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT user_roles_pk PRIMARY KEY (user_id, role)
);
