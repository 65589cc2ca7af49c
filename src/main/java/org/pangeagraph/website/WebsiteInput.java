package org.pangeagraph.website;

import java.time.LocalDate;
import java.util.List;
import org.pangeagraph.entity.EntityInput;
import org.pangeagraph.model.Category;
import org.pangeagraph.model.NodeKind;
import org.pangeagraph.model.WebsiteStatus;

/** The input of {@code upsertWebsite}: the key and the properties to write; null fields are left as they are. */
public record WebsiteInput(
        String domain,
        String url,
        String name,
        WebsiteStatus status,
        LocalDate firstSeen,
        LocalDate lastSeen,
        List<Category> categories,
        String language,
        List<String> cases,
        List<String> sources,
        Integer expectedVersion) implements EntityInput {

    @Override
    public NodeKind nodeKind() {
        return NodeKind.WEBSITE;
    }

}
