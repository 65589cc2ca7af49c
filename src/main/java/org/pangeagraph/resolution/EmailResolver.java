package org.pangeagraph.resolution;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.pangeagraph.model.NodeKind;

/**
 * E-mail addresses: the local part without dots, hyphens, underscores and {@code +tags}, and the
 * domain. The same mailbox written another way scores high; the same local part at another domain
 * ("ivan.petrov" at two providers) is proposed with less; a near local part at the same domain less still.
 */
final class EmailResolver extends KindResolver<EmailResolver.Form> {

    /** An address as compared. */
    record Form(String written, String local, String mailbox, String domain) {
    }

    @Override
    NodeKind kind() {
        return NodeKind.EMAIL_ADDRESS;
    }

    @Override
    List<String> properties() {
        return List.of("address");
    }

    @Override
    double prior() {
        return -1.5;
    }

    @Override
    Form prepare(Map<String, Object> values) {
        String written = values.get("address") instanceof String s ? s.strip() : "";
        String lower = Texts.latin(written).toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            lower = lower.substring(7);
        }
        int at = lower.lastIndexOf('@');
        String local = at > 0 ? lower.substring(0, at) : lower;
        String domain = at > 0 ? lower.substring(at + 1) : "";
        int tag = local.indexOf('+');
        String mailbox = (tag > 0 ? local.substring(0, tag) : local).replaceAll("[._-]", "");
        return new Form(written, local, mailbox, domain);
    }

    @Override
    Set<String> blockingKeys(Form email) {
        Set<String> keys = new LinkedHashSet<>();
        if (email.mailbox().length() >= 3) {
            keys.add("e:" + email.mailbox());
        }
        if (email.mailbox().length() >= 6) {
            Texts.deletions(email.mailbox()).forEach(d -> keys.add("e:" + d + "@" + email.domain()));
            keys.add("e:" + email.mailbox() + "@" + email.domain());
        }
        return keys;
    }

    @Override
    List<Feature> features(Form a, Form b) {
        List<Feature> features = new ArrayList<>();
        boolean sameDomain = a.domain().equals(b.domain());
        if (a.mailbox().equals(b.mailbox())) {
            features.add(sameDomain
                    ? Feature.of("SAME_MAILBOX", 1, 4.5, "local parts '" + a.local() + "' and '" + b.local() + "' are one mailbox at "
                            + a.domain() + " (dots, hyphens and +tags ignored)")
                    : Feature.of("SAME_LOCAL_PART", 0.7, 1.5, "local part '" + a.mailbox() + "' at " + a.domain() + " and at "
                            + b.domain()));
        }
        else {
            double similarity = Texts.jaroWinkler(a.mailbox(), b.mailbox());
            features.add(Feature.of("LOCAL_PART", similarity, sameDomain && similarity >= 0.9 ? 1.0 : -2.0,
                    "local parts '" + a.local() + "' and '" + b.local() + "' " + Texts.round(similarity)
                            + (sameDomain ? " at " + a.domain() : "; domains " + a.domain() + " vs " + b.domain())));
        }
        return features;
    }

}
