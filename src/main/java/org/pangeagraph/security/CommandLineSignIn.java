package org.pangeagraph.security;

import org.pangeagraph.model.Caller;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signs in the user of a command (the {@code import}) as a built-in user of the configuration the
 * command runs with, and requires the ADMIN role: an import writes facts of every case, unchecked.
 * The password never comes from the command line, which other local users can read from the process
 * list: it comes from an environment variable or is typed when asked.
 */
public final class CommandLineSignIn {

    /** The environment variable that names the user, unless {@code --user} does. */
    public static final String USER_VARIABLE = "PANGEA_USER";

    /** The environment variable that holds the password; without it, the command asks for it. */
    public static final String PASSWORD_VARIABLE = "PANGEA_PASSWORD";

    private CommandLineSignIn() {
    }

    /** The user may not run the command; nothing was done. */
    public static final class RefusedException extends RuntimeException {

        RefusedException(String message) {
            super(message, null, false, false);
        }

    }

    /**
     * Checks the user's password against {@code pangea.security.users} of {@code environment} and that
     * the user is an administrator.
     *
     * @throws RefusedException saying why not
     */
    public static void requireAdministrator(ConfigurableEnvironment environment, String user, char[] password) {
        SecuritySettings settings = Binder.get(environment).bindOrCreate("pangea.security", SecuritySettings.class);
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        UserDetails details;
        try {
            BuiltInUsers users = new BuiltInUsers(settings.users());
            if (environment.matchesProfiles("production")) {
                DemoUsers.refuseInProduction(settings.users(), encoder);
            }
            details = users.loadUserByUsername(user);
        }
        catch (SecurityConfigurationException ex) {
            throw new RefusedException(ex.getMessage() + " " + ex.action());
        }
        catch (UsernameNotFoundException ex) {
            details = null;
        }
        if (details == null || !encoder.matches(new String(password), details.getPassword())) {
            throw new RefusedException("Wrong user name or password for " + user);
        }
        Caller caller = Grants.caller(user, details.getAuthorities());
        if (!caller.hasRole(Role.ADMIN.name())) {
            throw new RefusedException(user + " is not an administrator; an import needs the ADMIN role");
        }
    }

}
