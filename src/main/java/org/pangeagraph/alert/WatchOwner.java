package org.pangeagraph.alert;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.pangeagraph.model.Caller;
import org.pangeagraph.model.Visibility;

/**
 * A watch owner as last signed in: what they may see is what their watches may show them. A token user's
 * case memberships are known only from their token, so they are kept from the owner's latest request;
 * a member who leaves a case stops getting its alerts from their next request on.
 */
record WatchOwner(String name, Set<String> roles, boolean seesAll, List<String> cases, boolean mayWrite,
        List<String> writableCases, ZonedDateTime signedInAt) {

    static WatchOwner of(Caller caller, ZonedDateTime at) {
        return new WatchOwner(caller.name(), caller.roles(), caller.visibility().all(), caller.visibility().cases(), caller.mayWrite(),
                caller.writableCases(), at);
    }

    Caller caller() {
        return new Caller(this.name, this.roles, new Visibility(this.seesAll, this.cases), this.mayWrite, this.writableCases);
    }

    Visibility visibility() {
        return new Visibility(this.seesAll, this.cases);
    }

    /** Whether {@code caller} may see and do what this owner may, as recorded. */
    boolean sameAs(Caller caller) {
        return caller.name().equals(this.name) && caller.roles().equals(this.roles) && caller.visibility().all() == this.seesAll
                && Set.copyOf(caller.visibility().cases()).equals(Set.copyOf(this.cases)) && caller.mayWrite() == this.mayWrite
                && Set.copyOf(caller.writableCases()).equals(Set.copyOf(this.writableCases));
    }

}
