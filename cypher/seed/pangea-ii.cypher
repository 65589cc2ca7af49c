// Operation Pangea II (16-20 November 2009), as reported publicly by INTERPOL.
// The report gives the participating countries, the coordinating and supporting bodies and the
// results of the week of action; it names no websites and no people, so neither does this script.
// Idempotent: every statement MERGEs on the keys of the data contract (the README's graph model). Runs unchanged
// with cypher-shell; the application adds ids and timestamps after loading it.

MERGE (s:Source {key: 'interpol-pangea-ii-results-2009'})
SET s.title = 'INTERPOL: results of Operation Pangea II, international week of action against illegal online pharmacies',
    s.kind = 'REPORT', s.agency = 'INTERPOL';

MERGE (o:Operation {code: 'PANGEA-II'})
SET o.name = 'Operation Pangea II',
    o.startDate = date('2009-11-16'), o.endDate = date('2009-11-20'),
    o.websitesIdentified = 751, o.websitesTakenDown = 72,
    o.packagesInspected = 16000, o.packagesSeized = 995,
    o.pillsSeized = 167000, o.suspectsUnderInvestigation = 22,
    o.sources = ['interpol-pangea-ii-results-2009'];

// The 24 participating countries.
UNWIND [
  ['AU', 'Australia'], ['AT', 'Austria'], ['BE', 'Belgium'], ['CA', 'Canada'],
  ['CZ', 'Czech Republic'], ['DK', 'Denmark'], ['FR', 'France'], ['DE', 'Germany'],
  ['IE', 'Ireland'], ['IL', 'Israel'], ['IT', 'Italy'], ['LI', 'Liechtenstein'],
  ['NL', 'Netherlands'], ['NZ', 'New Zealand'], ['NO', 'Norway'], ['PT', 'Portugal'],
  ['SG', 'Singapore'], ['ZA', 'South Africa'], ['ES', 'Spain'], ['SE', 'Sweden'],
  ['CH', 'Switzerland'], ['TH', 'Thailand'], ['GB', 'United Kingdom'], ['US', 'United States']
] AS country
MERGE (c:Country {code: country[0]})
SET c.name = country[1]
WITH c
MATCH (o:Operation {code: 'PANGEA-II'})
MERGE (c)-[p:PARTICIPATED_IN]->(o)
SET p.source = 'interpol-pangea-ii-results-2009', p.grade = 'A1';

// Coordinated by INTERPOL together with the World Health Organization's IMPACT taskforce;
// supported by international bodies and national police, customs and regulators.
UNWIND [
  ['interpol', 'INTERPOL', 'INTERPOL', 'INTERNATIONAL', 'FR', 'COORDINATED_BY'],
  ['international medical products anti-counterfeiting taskforce', 'International Medical Products Anti-Counterfeiting Taskforce', 'IMPACT', 'INTERNATIONAL', null, 'COORDINATED_BY'],
  ['permanent forum on international pharmaceutical crime', 'Permanent Forum on International Pharmaceutical Crime', 'PFIPC', 'INTERNATIONAL', null, 'SUPPORTED_BY'],
  ['world customs organization', 'World Customs Organization', 'WCO', 'INTERNATIONAL', 'BE', 'SUPPORTED_BY'],
  ['medicines and healthcare products regulatory agency', 'Medicines and Healthcare products Regulatory Agency', 'MHRA', 'REGULATOR', 'GB', 'SUPPORTED_BY'],
  ['u.s. food and drug administration', 'U.S. Food and Drug Administration', 'FDA', 'REGULATOR', 'US', 'SUPPORTED_BY'],
  ['u.s. immigration and customs enforcement', 'U.S. Immigration and Customs Enforcement', 'ICE', 'CUSTOMS', 'US', 'SUPPORTED_BY'],
  ['royal canadian mounted police', 'Royal Canadian Mounted Police', 'RCMP', 'POLICE', 'CA', 'SUPPORTED_BY'],
  ['health canada', 'Health Canada', 'Health Canada', 'REGULATOR', 'CA', 'SUPPORTED_BY']
] AS agency
MERGE (a:Agency {nameKey: agency[0]})
SET a.name = agency[1], a.acronym = agency[2], a.kind = agency[3]
WITH a, agency
MATCH (o:Operation {code: 'PANGEA-II'})
CALL (a, o, agency) {
  WITH a, o, agency WHERE agency[5] = 'COORDINATED_BY'
  MERGE (o)-[r:COORDINATED_BY]->(a)
  SET r.source = 'interpol-pangea-ii-results-2009', r.grade = 'A1'
}
CALL (a, o, agency) {
  WITH a, o, agency WHERE agency[5] = 'SUPPORTED_BY'
  MERGE (o)-[r:SUPPORTED_BY]->(a)
  SET r.source = 'interpol-pangea-ii-results-2009', r.grade = 'A1'
}
CALL (a, agency) {
  WITH a, agency WHERE agency[4] IS NOT NULL
  MATCH (c:Country {code: agency[4]})
  MERGE (a)-[l:LOCATED_IN]->(c)
  SET l.source = 'interpol-pangea-ii-results-2009', l.grade = 'A1'
};
