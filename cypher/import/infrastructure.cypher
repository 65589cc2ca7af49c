// Where storefronts were hosted: website -HOSTED_AT-> IP address -ALLOCATED_TO-> hosting provider,
// one observation a row of infrastructure.csv:
//   domain       the website, in normal form   ipAddress   IPv4 dotted quad without leading zeros, or IPv6 (RFC 5952)
//   ipCountry    ISO 3166-1 alpha-2             asn         the announcing network, e.g. 64500
//   provider     name of the hosting provider   providerCountry  ISO 3166-1 alpha-2
//   source       a Source key                   grade       A-E and 1-5, e.g. B2
//   validFrom    validTo: yyyy-mm-dd, when the site was served from the IP (blank validTo: still is)
// A link is told apart by its source and validFrom (linkKey, as the API keys links), so the same
// observation imported again, or written through the API, is one link; another period is another link.
// Idempotent: MERGE on keys. Runs unchanged with cypher-shell.
LOAD CSV WITH HEADERS FROM 'file:///infrastructure.csv' AS row
CALL (row) {
  MERGE (w:Website {domain: toLower(trim(row.domain))})
  MERGE (ip:IpAddress {address: trim(row.ipAddress)})
  SET ip.country = coalesce(toUpper(trim(row.ipCountry)), ip.country),
      ip.asn = coalesce(toInteger(row.asn), ip.asn)
  MERGE (p:HostingProvider {nameKey: toLower(trim(row.provider))})
  SET p.name = trim(row.provider),
      p.country = coalesce(toUpper(trim(row.providerCountry)), p.country),
      p.asn = coalesce(toInteger(row.asn), p.asn)
  MERGE (w)-[h:HOSTED_AT {linkKey: coalesce(trim(row.source), '') + '|' + coalesce(toString(date(row.validFrom)), '')}]->(ip)
  SET h.source = trim(row.source), h.grade = row.grade,
      h.validFrom = date(row.validFrom), h.validTo = date(row.validTo)
  MERGE (ip)-[a:ALLOCATED_TO {linkKey: coalesce(trim(row.source), '') + '|'}]->(p)
  SET a.source = trim(row.source), a.grade = row.grade
} IN TRANSACTIONS OF 1000 ROWS;
