// Sources that links cite by key (the source column of the other templates), one a row of sources.csv:
//   key          the key, trimmed              title       what the source is
//   kind         REPORT, SEIZURE_RECORD, WHOIS, PASSIVE_DNS, OSINT, TEST_PURCHASE, WITNESS or OTHER
//   url          publishedOn: yyyy-mm-dd        agency      who produced it
// A blank cell leaves what the graph holds. Idempotent: MERGE on the key. Runs unchanged with cypher-shell.
LOAD CSV WITH HEADERS FROM 'file:///sources.csv' AS row
CALL (row) {
  MERGE (s:Source {key: trim(row.key)})
  SET s.title = coalesce(trim(row.title), s.title),
      s.kind = coalesce(toUpper(trim(row.kind)), s.kind),
      s.url = coalesce(trim(row.url), s.url),
      s.publishedOn = coalesce(date(row.publishedOn), s.publishedOn),
      s.agency = coalesce(trim(row.agency), s.agency)
} IN TRANSACTIONS OF 1000 ROWS;
