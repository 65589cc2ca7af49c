/**
 * Who may do what: the roles (VIEWER, INVESTIGATOR, ADMIN), the two ways to sign in (built-in users
 * from configuration over HTTP Basic, bearer JWTs from an identity provider), the caller each request
 * is answered for ({@link org.pangeagraph.model.Caller}), the gate that keeps readers from writing, and
 * the sign-in of the {@code import} command. Spring Security stays in this package: the rest of the
 * application knows the caller only as a {@code Caller} and its
 * {@link org.pangeagraph.model.Visibility}.
 */
package org.pangeagraph.security;
