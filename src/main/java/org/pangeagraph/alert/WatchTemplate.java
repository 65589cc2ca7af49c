package org.pangeagraph.alert;

/** The fixed kinds of watch beside a watch of targets' links (see alerts.graphqls). */
public enum WatchTemplate {

    NEW_WEBSITE_ON_ITEM, NEW_WEBSITE_IN_NETWORK, NEW_LINK_OF_PERSON, SIMILAR_NEW_STOREFRONT

}
