/* The GraphQL documents the explorer sends: queries of the public schema only (graphql-schema/). */

const SUBGRAPH = 'nodes { id kind caption properties } edges { id type source target properties } truncated';

export const CHECK_SIGN_IN = 'query SignedIn { __typename }';

export const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { kind caption score exactKeyMatch node { id } }
}`;

export const NETWORK = `query Network($ids: [ID!]!, $depth: Int, $maxNodes: Int, $asOf: Date) {
  network(ids: $ids, depth: $depth, maxNodes: $maxNodes, asOf: $asOf) { ${SUBGRAPH} }
}`;

export const CRIMINAL_NETWORKS = `query CriminalNetworks($asOf: Date, $first: Int) {
  criminalNetworks(asOf: $asOf, first: $first) {
    totalCount
    edges { cursor node {
      id size websites { domain }
      bindingItems { kind weight websiteCount item { caption } }
      shipmentsInspected shipmentsSeized pillsSeized firstSeen lastSeen
    } }
  }
}`;

/** One network of the list, by the cursor of the one before it (none for the first), with its subgraph. */
export const CRIMINAL_NETWORK_SUBGRAPH = `query CriminalNetworkSubgraph($asOf: Date, $after: String, $maxNodes: Int) {
  criminalNetworks(asOf: $asOf, first: 1, after: $after) {
    edges { node { id size websites { domain } subgraph(maxNodes: $maxNodes) { ${SUBGRAPH} } } }
  }
}`;

export const SHARED_INFRASTRUCTURE = `query Siblings($domain: String!, $asOf: Date) {
  sharedInfrastructure(domain: $domain, asOf: $asOf, first: 20) {
    website { id domain }
    score
    sharedItems { kind weight websiteCount item { id caption entityKind } }
  }
}`;

export const PATHS = `query Paths($from: ID!, $to: ID!, $mode: PathMode, $k: Int, $asOf: Date) {
  paths(from: $from, to: $to, mode: $mode, k: $k, asOf: $asOf) {
    length
    nodes { id kind caption properties }
    edges { id type source target properties }
  }
}`;

export const TAKEDOWN_IMPACT = `query TakedownImpact($ids: [ID!]!) {
  takedownImpact(ids: $ids) {
    websitesWithoutPaymentCount websitesWithoutPayment { id domain }
    websitesWithoutHostingCount websitesWithoutHosting { id domain }
    networksSplit { before { id size } after { domain } }
    shipmentsCutCount
  }
}`;

/** What the "My alerts" panel shows of an alert: its summary, state, evidence with provenance, and history. */
const ALERT = `id watchName summary status assignee raisedAt
  subject { id kind caption }
  evidence { type from { id kind caption } to { id kind caption } source grade validFrom validTo recordedAt recordedBy cases }
  history { at by from to assignee }
  notes { author at text }`;

export const MY_ALERTS = `query MyAlerts($status: [AlertStatus!], $first: Int) {
  myAlerts(status: $status, first: $first) { edges { node { ${ALERT} } } pageInfo { hasNextPage } }
}`;

export const UPDATE_ALERT = `mutation UpdateAlert($input: AlertUpdateInput!) {
  updateAlert(input: $input) { ${ALERT} }
}`;

export const ALERT_RAISED = `subscription AlertRaised { alertRaised { ${ALERT} } }`;
