package org.pangeagraph.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pangeagraph.db.changes.ChangedEntity;

/** The links of a route, which runs from the website to the shared item, turned the way the model says they run. */
class EvaluationsTests {

    private static final ChangedEntity SITE = entity("w-1", "WEBSITE", "pills.example");

    private static final ChangedEntity PARCEL = entity("s-1", "SHIPMENT", "RR123456789GB");

    private static final ChangedEntity OTHER_SITE = entity("w-2", "WEBSITE", "door.example");

    @Test
    void aParcelIsOrderedFromTheWebsiteWhateverTheRoutesOrder() {
        Alert.Evidence onTheRoute = new Alert.Evidence("ORDERED_FROM", "l-1", SITE, PARCEL, Map.of("source", "seizure"));
        assertThat(Evaluations.turned(onTheRoute))
            .isEqualTo(new Alert.Evidence("ORDERED_FROM", "l-1", PARCEL, SITE, Map.of("source", "seizure")));
    }

    @Test
    void aLinkAlreadyTheModelsWayOrBetweenTwoOfOneKindKeepsTheRoutesOrder() {
        Alert.Evidence pays = new Alert.Evidence("ACCEPTS_PAYMENT_TO", "l-2", SITE, entity("p-1", "PAYMENT_ACCOUNT", "MID-1"), Map.of());
        Alert.Evidence redirect = new Alert.Evidence("REDIRECTS_TO", "l-3", SITE, OTHER_SITE, Map.of());
        assertThat(Evaluations.turned(pays)).isEqualTo(pays);
        assertThat(Evaluations.turned(redirect)).isEqualTo(redirect);
    }

    private static ChangedEntity entity(String id, String kind, String key) {
        return new ChangedEntity(id, kind, key, key, List.of(), null);
    }

}
