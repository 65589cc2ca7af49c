// Storefront websites, one a row of websites.csv:
//   domain       the key, in normal form (lower case, IDNA ASCII, no scheme, www., port or path)
//   name         the storefront brand          status      ACTIVE, OFFLINE, TAKEN_DOWN or SUSPENDED
//   firstSeen    lastSeen: yyyy-mm-dd           categories  |-separated, e.g. PRESCRIPTION_ONLY|LIFESTYLE
//   language     e.g. en
// A blank cell leaves what the graph holds. Idempotent: MERGE on the key. Runs unchanged with cypher-shell;
// the importer gives new websites their id, createdAt and Entity label afterwards.
LOAD CSV WITH HEADERS FROM 'file:///websites.csv' AS row
CALL (row) {
  MERGE (w:Website {domain: toLower(trim(row.domain))})
  SET w.name = coalesce(trim(row.name), w.name),
      w.status = coalesce(toUpper(trim(row.status)), w.status),
      w.firstSeen = coalesce(date(row.firstSeen), w.firstSeen),
      w.lastSeen = coalesce(date(row.lastSeen), w.lastSeen),
      w.categories = coalesce(split(row.categories, '|'), w.categories),
      w.language = coalesce(trim(row.language), w.language)
} IN TRANSACTIONS OF 1000 ROWS;
