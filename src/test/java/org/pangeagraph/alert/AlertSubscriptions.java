package org.pangeagraph.alert;

import org.springframework.context.ApplicationContext;

/** For tests outside this package: how many {@code alertRaised} subscriptions the application serves now. */
public final class AlertSubscriptions {

    private AlertSubscriptions() {
    }

    public static int listening(ApplicationContext context) {
        return context.getBean(AlertBus.class).listening();
    }

}
