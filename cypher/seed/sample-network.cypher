// SAMPLE DATA: plainly fictional storefronts, people, accounts and parcels on which every traversal
// of Pangea Graph is demonstrated and tested. Nothing here describes a real website, person, bank or
// parcel: domains and e-mail addresses are under .example, IP addresses come from the documentation
// ranges (RFC 5737), AS numbers from RFC 5398, phone numbers from Ofcom's drama ranges, and the IBANs
// (valid check digits) name banks that do not exist. docs/sample-data.md describes the design: three
// networks (A: an affiliate programme paid through one merchant account, B: bulletproof hosting and
// one sender, C: redirect chains and one operator) and eight unrelated storefronts that share only
// generic infrastructure (a popular shared IP and its host, a popular registrar, the national post).
//
// Runs after pangea-ii.cypher (seed scripts run in file-name order): fictional shipments and websites
// are linked to the real Operation Pangea II, fictional people are not. Idempotent: nodes are MERGEd
// on the keys of the graph model (README) written in their normal form, relationships are MERGEd between them and
// their provenance SET. Runs unchanged with cypher-shell, and the application adds ids and timestamps.

// Where each fact comes from: every link below names one of these in its provenance.
UNWIND [
  ['sample-ip-whois-2009', 'Sample data: IP address WHOIS (registry allocation) records', 'WHOIS', '2009-12-01'],
  ['sample-domain-whois-2009', 'Sample data: domain WHOIS records of the sample storefronts', 'WHOIS', '2009-12-01'],
  ['sample-passive-dns-2009', 'Sample data: passive-DNS resolutions of the sample storefronts', 'PASSIVE_DNS', '2009-12-01'],
  ['sample-site-captures-2009', 'Sample data: captured storefront pages (contacts, redirects)', 'OSINT', '2009-12-01'],
  ['sample-test-purchases-2009', 'Sample data: test purchases made on the sample storefronts', 'TEST_PURCHASE', '2009-11-30'],
  ['sample-payment-enquiries-2009', 'Sample data: replies of payment providers on account holders', 'OTHER', '2009-12-10'],
  ['sample-company-register-2009', 'Sample data: company register extracts', 'OSINT', '2009-12-01'],
  ['sample-customs-records-2009', 'Sample data: customs inspection and seizure records of sample parcels', 'SEIZURE_RECORD', '2009-11-25'],
  ['sample-takedown-records-2009', 'Sample data: registrar confirmations of storefront takedowns', 'OTHER', '2009-11-25'],
  ['sample-case-file-2009', 'Sample data: file of the fictional case SAMPLE-2009-001', 'OTHER', '2009-12-15']
] AS s
MERGE (src:Source {key: s[0]})
SET src.title = s[1], src.kind = s[2], src.publishedOn = date(s[3]);

// Countries the sample needs: names are set only where pangea-ii.cypher has not set them already.
UNWIND [['CY', 'Cyprus'], ['BZ', 'Belize'], ['DE', 'Germany'], ['GB', 'United Kingdom'], ['US', 'United States']] AS country
MERGE (c:Country {code: country[0]})
ON CREATE SET c.name = country[1];

// Hosting: MegaHost is a big shared host (its 192.0.2.80 serves many unrelated sites), Midway a
// mid-size host used by network A, Ironclad a bulletproof host used by network B alone.
UNWIND [
  ['megahost example', 'MegaHost Example', 64496, 'US', 'abuse@megahost.example'],
  ['midway hosting example', 'Midway Hosting Example', 64497, 'DE', 'abuse@midway-hosting.example'],
  ['ironclad hosting example', 'Ironclad Hosting Example', 64498, 'BZ', null]
] AS p
MERGE (h:HostingProvider {nameKey: p[0]})
SET h.name = p[1], h.asn = p[2], h.country = p[3], h.abuseEmail = p[4]
WITH h, p
MATCH (c:Country {code: p[3]})
MERGE (h)-[l:LOCATED_IN]->(c)
SET l.source = 'sample-ip-whois-2009', l.grade = 'A2';

UNWIND [
  ['192.0.2.80', 'megahost example'], ['192.0.2.81', 'megahost example'], ['192.0.2.82', 'megahost example'],
  ['198.51.100.10', 'midway hosting example'], ['198.51.100.11', 'midway hosting example'],
  ['198.51.100.12', 'midway hosting example'], ['198.51.100.13', 'midway hosting example'],
  ['203.0.113.10', 'ironclad hosting example'], ['203.0.113.11', 'ironclad hosting example'],
  ['203.0.113.12', 'ironclad hosting example'], ['203.0.113.20', 'ironclad hosting example']
] AS a
MATCH (h:HostingProvider {nameKey: a[1]})
MERGE (ip:IpAddress {address: a[0]})
SET ip.asn = h.asn, ip.country = h.country
MERGE (ip)-[al:ALLOCATED_TO]->(h)
SET al.source = 'sample-ip-whois-2009', al.grade = 'A2'
WITH ip
MATCH (c:Country {code: ip.country})
MERGE (ip)-[l:LOCATED_IN]->(c)
SET l.source = 'sample-ip-whois-2009', l.grade = 'A2';

UNWIND [
  ['worldnames registrar example', 'WorldNames Registrar Example', 'US'],
  ['offshore names example', 'Offshore Names Example', 'SC']
] AS r
MERGE (reg:Registrar {nameKey: r[0]})
SET reg.name = r[1], reg.country = r[2];

// The 44 storefronts, with where each is hosted and registered: networks A (14), B (12), C (10),
// then the eight unrelated storefronts.
WITH {popular: 'worldnames registrar example', offshore: 'offshore names example'} AS registrar
UNWIND [
  // Network A, the "Rx Partners" affiliate programme
  {domain: 'maple-leaf-pharmacy.example', name: 'Maple Leaf Pharmacy', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-01-12', status: 'ACTIVE', ip: '198.51.100.10', reg: 'popular'},
  {domain: 'north-discount-rx.example', name: 'North Discount Rx', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-01-20', status: 'ACTIVE', ip: '198.51.100.10', reg: 'popular'},
  {domain: 'best-price-meds.example', name: 'Best Price Meds', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-02-02', status: 'ACTIVE', ip: '198.51.100.10', reg: 'popular'},
  {domain: 'trusted-tablets.example', name: 'Trusted Tablets', lang: 'en', cats: ['PRESCRIPTION_ONLY'], first: '2009-02-16', status: 'ACTIVE', ip: '198.51.100.10', reg: 'popular'},
  {domain: 'bluepill-express.example', name: 'Bluepill Express', lang: 'en', cats: ['LIFESTYLE'], first: '2009-03-01', last: '2009-11-20', status: 'TAKEN_DOWN', ip: '198.51.100.11', reg: 'popular'},
  {domain: 'mens-health-direct.example', name: 'Mens Health Direct', lang: 'en', cats: ['LIFESTYLE'], first: '2009-03-09', status: 'ACTIVE', ip: '198.51.100.11', reg: 'popular'},
  {domain: 'generic-rx-store.example', name: 'Generic Rx Store', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-03-23', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'pharma-savings.example', name: 'Pharma Savings', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-04-06', status: 'ACTIVE', ip: '198.51.100.11', reg: 'popular'},
  {domain: 'quick-refill.example', name: 'Quick Refill', lang: 'en', cats: ['PRESCRIPTION_ONLY'], first: '2009-04-20', status: 'ACTIVE', ip: '198.51.100.12', reg: 'popular'},
  {domain: 'discreet-meds.example', name: 'Discreet Meds', lang: 'en', cats: ['LIFESTYLE'], first: '2009-05-04', status: 'ACTIVE', ip: '198.51.100.12', reg: 'popular'},
  {domain: 'daily-dose-shop.example', name: 'Daily Dose Shop', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-05-11', last: '2009-10-31', status: 'OFFLINE', ip: '198.51.100.12', reg: 'popular'},
  {domain: 'pillbox-online.example', name: 'Pillbox Online', lang: 'en', cats: ['PRESCRIPTION_ONLY'], first: '2009-06-01', status: 'ACTIVE', ip: '198.51.100.13', reg: 'popular'},
  {domain: 'wellness-rx-outlet.example', name: 'Wellness Rx Outlet', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-06-15', status: 'ACTIVE', ip: '198.51.100.13', reg: 'popular'},
  {domain: 'easy-prescriptions.example', name: 'Easy Prescriptions', lang: 'en', cats: ['PRESCRIPTION_ONLY'], first: '2009-07-06', status: 'ACTIVE', ip: '198.51.100.13', reg: 'popular'},
  // Network B, on bulletproof hosting
  {domain: 'anabolic-warehouse.example', name: 'Anabolic Warehouse', lang: 'en', cats: ['STEROIDS'], first: '2009-02-10', status: 'ACTIVE', ip: '203.0.113.10', reg: 'offshore'},
  {domain: 'no-script-needed.example', name: 'No Script Needed', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'CONTROLLED'], first: '2009-02-24', status: 'ACTIVE', ip: '203.0.113.10', reg: 'offshore'},
  {domain: 'pain-relief-now.example', name: 'Pain Relief Now', lang: 'en', cats: ['CONTROLLED'], first: '2009-03-03', status: 'ACTIVE', ip: '203.0.113.10', reg: 'offshore'},
  {domain: 'steroid-depot.example', name: 'Steroid Depot', lang: 'en', cats: ['STEROIDS'], first: '2009-03-17', last: '2009-11-20', status: 'TAKEN_DOWN', ip: '203.0.113.10', reg: 'offshore'},
  {domain: 'tramadol-overnight.example', name: 'Tramadol Overnight', lang: 'en', cats: ['CONTROLLED'], first: '2009-04-07', last: '2009-11-20', status: 'TAKEN_DOWN', ip: '203.0.113.11', reg: 'offshore'},
  {domain: 'slimline-pills.example', name: 'Slimline Pills', lang: 'en', cats: ['SLIMMING'], first: '2009-04-21', status: 'ACTIVE', ip: '203.0.113.11', reg: 'offshore'},
  {domain: 'muscle-gear-shop.example', name: 'Muscle Gear Shop', lang: 'en', cats: ['STEROIDS'], first: '2009-05-05', status: 'ACTIVE', ip: '203.0.113.11', reg: 'offshore'},
  {domain: 'sleepwell-meds.example', name: 'Sleepwell Meds', lang: 'en', cats: ['CONTROLLED'], first: '2009-05-19', status: 'ACTIVE', ip: '203.0.113.11', reg: 'offshore'},
  {domain: 'rx-without-rx.example', name: 'Rx Without Rx', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE'], first: '2009-09-08', status: 'ACTIVE', ip: '203.0.113.12', reg: 'offshore'},
  {domain: 'bodybuild-pharma.example', name: 'Bodybuild Pharma', lang: 'en', cats: ['STEROIDS'], first: '2009-09-22', status: 'ACTIVE', ip: '203.0.113.12', reg: 'offshore'},
  {domain: 'calm-tabs.example', name: 'Calm Tabs', lang: 'en', cats: ['CONTROLLED'], first: '2009-10-06', status: 'ACTIVE', ip: '203.0.113.12', reg: 'offshore'},
  {domain: 'diet-pill-outlet.example', name: 'Diet Pill Outlet', lang: 'en', cats: ['SLIMMING'], first: '2009-06-02', status: 'ACTIVE', ip: '203.0.113.12', reg: 'offshore'},
  // Network C: three main storefronts, then the doorways that redirect to them
  {domain: 'euro-pharmacy-24.example', name: 'Euro Pharmacy 24', lang: 'de', cats: ['PRESCRIPTION_ONLY', 'LIFESTYLE', 'ANTIBIOTICS'], first: '2009-01-05', status: 'ACTIVE', ip: '192.0.2.81', reg: 'popular'},
  {domain: 'vita-meds-club.example', name: 'Vita Meds Club', lang: 'fr', cats: ['PRESCRIPTION_ONLY', 'ANTIBIOTICS', 'LIFESTYLE'], first: '2009-01-19', status: 'ACTIVE', ip: '192.0.2.81', reg: 'popular'},
  {domain: 'global-generics.example', name: 'Global Generics', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'SLIMMING'], first: '2009-02-09', status: 'ACTIVE', ip: '192.0.2.81', reg: 'popular'},
  {domain: 'cheap-blue-pills.example', name: 'Cheap Blue Pills', lang: 'en', cats: ['LIFESTYLE'], first: '2009-03-02', status: 'ACTIVE', ip: '192.0.2.82', reg: 'popular'},
  {domain: 'blue-pill-coupons.example', name: 'Blue Pill Coupons', lang: 'en', cats: ['LIFESTYLE'], first: '2009-03-02', status: 'ACTIVE', ip: '192.0.2.82', reg: 'popular'},
  {domain: 'weekend-pill-deals.example', name: 'Weekend Pill Deals', lang: 'en', cats: ['LIFESTYLE'], first: '2009-04-13', last: '2009-11-20', status: 'TAKEN_DOWN', ip: '192.0.2.82', reg: 'popular'},
  {domain: 'antibiotics-no-prescription.example', name: 'Antibiotics No Prescription', lang: 'en', cats: ['ANTIBIOTICS'], first: '2009-05-25', status: 'ACTIVE', ip: '192.0.2.82', reg: 'popular'},
  {domain: 'amoxicillin-online-cheap.example', name: 'Amoxicillin Online Cheap', lang: 'en', cats: ['ANTIBIOTICS'], first: '2009-06-08', status: 'ACTIVE', ip: '192.0.2.82', reg: 'popular'},
  {domain: 'weightloss-secrets.example', name: 'Weightloss Secrets', lang: 'en', cats: ['SLIMMING'], first: '2009-07-13', status: 'ACTIVE', ip: '192.0.2.82', reg: 'popular'},
  {domain: 'diet-pill-reviews.example', name: 'Diet Pill Reviews', lang: 'en', cats: ['SLIMMING'], first: '2009-07-13', status: 'ACTIVE', ip: '192.0.2.82', reg: 'popular'},
  // Unrelated storefronts: each on the popular shared IP and the popular registrar, nothing else in common
  {domain: 'corner-chemist.example', name: 'Corner Chemist', lang: 'en', cats: ['PRESCRIPTION_ONLY', 'ANTIBIOTICS'], first: '2009-01-26', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'hair-regrowth-rx.example', name: 'Hair Regrowth Rx', lang: 'en', cats: ['LIFESTYLE'], first: '2009-02-23', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'lean-body-clinic.example', name: 'Lean Body Clinic', lang: 'en', cats: ['SLIMMING'], first: '2009-03-16', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'first-aid-pharmacy.example', name: 'First Aid Pharmacy', lang: 'en', cats: ['PRESCRIPTION_ONLY'], first: '2009-01-08', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'romance-tablets.example', name: 'Romance Tablets', lang: 'en', cats: ['LIFESTYLE'], first: '2009-05-18', last: '2009-11-20', status: 'TAKEN_DOWN', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'travel-health-meds.example', name: 'Travel Health Meds', lang: 'nl', cats: ['ANTIBIOTICS'], first: '2009-06-22', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'gym-supplement-store.example', name: 'Gym Supplement Store', lang: 'sv', cats: ['STEROIDS'], first: '2009-08-03', status: 'ACTIVE', ip: '192.0.2.80', reg: 'popular'},
  {domain: 'mens-vitality-store.example', name: 'Mens Vitality Store', lang: 'en', cats: ['LIFESTYLE'], first: '2009-04-27', last: '2009-09-30', status: 'OFFLINE', ip: '192.0.2.80', reg: 'popular'}
] AS w
MERGE (site:Website {domain: w.domain})
SET site.name = w.name, site.url = 'http://' + w.domain + '/', site.language = w.lang, site.categories = w.cats,
    site.status = w.status, site.firstSeen = date(w.first), site.lastSeen = date(coalesce(w.last, '2009-12-15'))
WITH site, w, registrar
MATCH (ip:IpAddress {address: w.ip}), (reg:Registrar {nameKey: registrar[w.reg]})
MERGE (site)-[h:HOSTED_AT]->(ip)
SET h.source = 'sample-passive-dns-2009', h.grade = 'B2'
MERGE (site)-[rw:REGISTERED_WITH]->(reg)
SET rw.source = 'sample-domain-whois-2009', rw.grade = 'B2';

// Network B: three storefronts moved from Ironclad's 203.0.113.20 to its current addresses on
// 1 September 2009, so that a question "as of" a date before then finds them at the old address.
UNWIND ['steroid-depot.example', 'sleepwell-meds.example', 'diet-pill-outlet.example'] AS domain
MATCH (site:Website {domain: domain})-[now:HOSTED_AT]->(:IpAddress)
SET now.validFrom = date('2009-09-01')
WITH site
MATCH (old:IpAddress {address: '203.0.113.20'})
MERGE (site)-[was:HOSTED_AT]->(old)
SET was.source = 'sample-passive-dns-2009', was.grade = 'B2', was.validFrom = site.firstSeen, was.validTo = date('2009-08-31');

// Network A: the affiliate programme pays every storefront's sales into one card-merchant account
// and registers every domain from one mailbox. Four storefronts also take bank transfers.
MERGE (holder:Company {nameKey: 'rx partners ltd', country: 'CY'})
SET holder.name = 'Rx Partners Ltd', holder.registrationNumber = 'HE-EXAMPLE-0001'
MERGE (merchant:PaymentAccount {identifier: 'MID-EXAMPLE-RXP-0001'})
SET merchant.kind = 'CARD_MERCHANT', merchant.provider = 'Example Merchant Services', merchant.country = 'CY'
MERGE (bank:PaymentAccount {identifier: 'CY70999000010000007700112233'})
SET bank.kind = 'BANK_ACCOUNT', bank.provider = 'Example Cyprus Bank (fictional)', bank.country = 'CY'
MERGE (registrant:EmailAddress {address: 'domains@rx-partners.example'})
WITH holder, merchant, bank, registrant
MATCH (cy:Country {code: 'CY'})
MERGE (holder)-[l:LOCATED_IN]->(cy)
SET l.source = 'sample-company-register-2009', l.grade = 'B1'
MERGE (merchant)-[mh:HELD_BY]->(holder)
SET mh.source = 'sample-payment-enquiries-2009', mh.grade = 'A2'
MERGE (bank)-[bh:HELD_BY]->(holder)
SET bh.source = 'sample-payment-enquiries-2009', bh.grade = 'A2'
WITH merchant, bank, registrant
UNWIND [
  ['maple-leaf-pharmacy.example', true], ['north-discount-rx.example', false], ['best-price-meds.example', false],
  ['trusted-tablets.example', true], ['bluepill-express.example', false], ['mens-health-direct.example', false],
  ['generic-rx-store.example', false], ['pharma-savings.example', false], ['quick-refill.example', true],
  ['discreet-meds.example', false], ['daily-dose-shop.example', false], ['pillbox-online.example', true],
  ['wellness-rx-outlet.example', false], ['easy-prescriptions.example', false]
] AS a
MATCH (site:Website {domain: a[0]})
MERGE (site)-[pay:ACCEPTS_PAYMENT_TO]->(merchant)
SET pay.source = 'sample-test-purchases-2009', pay.grade = 'A2'
MERGE (site)-[rb:REGISTERED_BY]->(registrant)
SET rb.source = 'sample-domain-whois-2009', rb.grade = 'B3'
WITH site, bank, a
CALL (site, bank, a) {
  WITH site, bank, a WHERE a[1]
  MERGE (site)-[transfer:ACCEPTS_PAYMENT_TO]->(bank)
  SET transfer.source = 'sample-test-purchases-2009', transfer.grade = 'A2'
};

// People. They carry the sample's own references as ids, since people have no natural key.
UNWIND [
  {id: 'sample-person-alice-example', name: 'Alice Example', aliases: [], born: '1968-03-14', nationality: 'CY', status: 'SUSPECT'},
  {id: 'sample-person-bruno-sample', name: 'Bruno Sample', aliases: ['The Forwarder'], born: '1975-07-02', nationality: 'GB', status: 'UNDER_INVESTIGATION'},
  {id: 'sample-person-carla-fictitious', name: 'Carla Fictitious', aliases: ['C. Fictiva'], born: '1980-11-23', nationality: 'GB', status: 'UNDER_INVESTIGATION'}
] AS p
MERGE (person:Person {id: p.id})
SET person.name = p.name, person.aliases = p.aliases, person.dateOfBirth = date(p.born),
    person.nationality = p.nationality, person.status = p.status;

MATCH (alice:Person {id: 'sample-person-alice-example'}), (rx:Company {nameKey: 'rx partners ltd', country: 'CY'})
MERGE (alice)-[o:OFFICER_OF]->(rx)
SET o.role = 'director', o.source = 'sample-company-register-2009', o.grade = 'B1', o.validFrom = date('2008-10-01');

// Network C: one operator runs all ten storefronts, her company runs the three main ones, which
// show her phone number, and the doorways pass their visitors on to the main storefronts.
MATCH (carla:Person {id: 'sample-person-carla-fictitious'}), (gb:Country {code: 'GB'})
MERGE (company:Company {nameKey: 'fictitious trading ltd', country: 'GB'})
SET company.name = 'Fictitious Trading Ltd', company.registrationNumber = 'EX000123'
MERGE (company)-[l:LOCATED_IN]->(gb)
SET l.source = 'sample-company-register-2009', l.grade = 'B1'
MERGE (carla)-[o:OFFICER_OF]->(company)
SET o.role = 'director', o.source = 'sample-company-register-2009', o.grade = 'B1', o.validFrom = date('2008-12-15')
MERGE (phone:PhoneNumber {number: '+441614960555'})
MERGE (mail:EmailAddress {address: 'carla.fictitious@mailbox.example'})
MERGE (carla)-[up:USES]->(phone)
SET up.source = 'sample-case-file-2009', up.grade = 'B2'
MERGE (carla)-[um:USES]->(mail)
SET um.source = 'sample-case-file-2009', um.grade = 'B2'
WITH carla, company, phone
UNWIND [
  ['euro-pharmacy-24.example', true], ['vita-meds-club.example', true], ['global-generics.example', true],
  ['cheap-blue-pills.example', false], ['blue-pill-coupons.example', false], ['weekend-pill-deals.example', false],
  ['antibiotics-no-prescription.example', false], ['amoxicillin-online-cheap.example', false],
  ['weightloss-secrets.example', false], ['diet-pill-reviews.example', false]
] AS c
MATCH (site:Website {domain: c[0]})
MERGE (carla)-[op:OPERATES]->(site)
SET op.source = 'sample-case-file-2009', op.grade = 'B2'
WITH company, phone, site, c
CALL (company, phone, site, c) {
  WITH company, phone, site, c WHERE c[1]
  MERGE (company)-[cop:OPERATES]->(site)
  SET cop.source = 'sample-case-file-2009', cop.grade = 'B2'
  MERGE (site)-[lc:LISTS_CONTACT]->(phone)
  SET lc.source = 'sample-site-captures-2009', lc.grade = 'B2'
};

UNWIND [
  ['cheap-blue-pills.example', 'blue-pill-coupons.example'], ['blue-pill-coupons.example', 'euro-pharmacy-24.example'],
  ['weekend-pill-deals.example', 'euro-pharmacy-24.example'],
  ['antibiotics-no-prescription.example', 'vita-meds-club.example'], ['amoxicillin-online-cheap.example', 'vita-meds-club.example'],
  ['weightloss-secrets.example', 'diet-pill-reviews.example'], ['diet-pill-reviews.example', 'global-generics.example']
] AS r
MATCH (doorway:Website {domain: r[0]}), (target:Website {domain: r[1]})
MERGE (doorway)-[re:REDIRECTS_TO]->(target)
SET re.source = 'sample-site-captures-2009', re.grade = 'B2';

// Unrelated storefronts: each has its own payment account, registrant and contact.
UNWIND [
  {domain: 'corner-chemist.example', account: 'GB46XMPL40999912345678', kind: 'BANK_ACCOUNT', provider: 'Example Bank plc (fictional)', country: 'GB', registrant: 'registrant@corner-chemist.example', contact: '+441134960101'},
  {domain: 'hair-regrowth-rx.example', account: 'MID-EXAMPLE-HRR-0002', kind: 'CARD_MERCHANT', provider: 'Example Payments Inc', country: 'US', registrant: 'registrant@hair-regrowth-rx.example', contact: 'help@hair-regrowth-rx.example'},
  {domain: 'lean-body-clinic.example', account: 'EW-EXAMPLE-0003', kind: 'E_WALLET', provider: 'Example Wallet', country: 'GB', registrant: 'registrant@lean-body-clinic.example', contact: '+441174960202'},
  {domain: 'first-aid-pharmacy.example', account: 'NL74EXMP0123456789', kind: 'BANK_ACCOUNT', provider: 'Example Bank N.V. (fictional)', country: 'NL', registrant: 'registrant@first-aid-pharmacy.example', contact: 'orders@first-aid-pharmacy.example'},
  {domain: 'romance-tablets.example', account: 'MT-EXAMPLE-0005', kind: 'MONEY_TRANSFER', provider: 'Example Money Transfer', country: 'US', registrant: 'registrant@romance-tablets.example', contact: '+441214960404'},
  {domain: 'travel-health-meds.example', account: 'DE22999999990044556677', kind: 'BANK_ACCOUNT', provider: 'Example Bank AG (fictional)', country: 'DE', registrant: 'registrant@travel-health-meds.example', contact: 'info@travel-health-meds.example'},
  {domain: 'gym-supplement-store.example', account: 'MID-EXAMPLE-GSS-0007', kind: 'CARD_MERCHANT', provider: 'Example Payments Inc', country: 'US', registrant: 'registrant@gym-supplement-store.example', contact: '+441314960505'},
  {domain: 'mens-vitality-store.example', account: 'EW-EXAMPLE-0008', kind: 'E_WALLET', provider: 'Example Wallet', country: 'GB', registrant: 'registrant@mens-vitality-store.example', contact: 'sales@mens-vitality-store.example'}
] AS u
MATCH (site:Website {domain: u.domain})
MERGE (account:PaymentAccount {identifier: u.account})
SET account.kind = u.kind, account.provider = u.provider, account.country = u.country
MERGE (site)-[pay:ACCEPTS_PAYMENT_TO]->(account)
SET pay.source = 'sample-test-purchases-2009', pay.grade = 'A2'
MERGE (registrant:EmailAddress {address: u.registrant})
MERGE (site)-[rb:REGISTERED_BY]->(registrant)
SET rb.source = 'sample-domain-whois-2009', rb.grade = 'B3'
WITH site, u
CALL (site, u) {
  WITH site, u WHERE u.contact STARTS WITH '+'
  MERGE (phone:PhoneNumber {number: u.contact})
  MERGE (site)-[lc:LISTS_CONTACT]->(phone)
  SET lc.source = 'sample-site-captures-2009', lc.grade = 'B2'
}
CALL (site, u) {
  WITH site, u WHERE NOT u.contact STARTS WITH '+'
  MERGE (mail:EmailAddress {address: u.contact})
  MERGE (site)-[lc:LISTS_CONTACT]->(mail)
  SET lc.source = 'sample-site-captures-2009', lc.grade = 'B2'
};

// Delivery: a freight forwarder only network B uses, and the national post everyone else uses.
UNWIND [['swift freight forwarding example', 'Swift Freight Forwarding Example'], ['national post example', 'National Post Example']] AS c
MERGE (courier:Courier {nameKey: c[0]})
SET courier.name = c[1];

UNWIND [
  ['sildenafil', 'Sildenafil', 'sildenafil citrate', 'LIFESTYLE', true, false],
  ['tadalafil', 'Tadalafil', 'tadalafil', 'LIFESTYLE', true, false],
  ['finasteride', 'Finasteride', 'finasteride', 'LIFESTYLE', true, false],
  ['amoxicillin', 'Amoxicillin', 'amoxicillin trihydrate', 'ANTIBIOTICS', true, false],
  ['nandrolone', 'Nandrolone', 'nandrolone decanoate', 'STEROIDS', true, true],
  ['sibutramine', 'Sibutramine', 'sibutramine hydrochloride', 'SLIMMING', true, true],
  ['tramadol', 'Tramadol', 'tramadol hydrochloride', 'PRESCRIPTION_ONLY', true, false],
  ['diazepam', 'Diazepam', 'diazepam', 'CONTROLLED', true, true]
] AS p
MERGE (product:Product {nameKey: p[0]})
SET product.name = p[1], product.activeIngredient = p[2], product.category = p[3],
    product.prescriptionOnly = p[4], product.controlled = p[5];

// Forty parcels. Those inspected during Pangea II's week of action (16-20 November 2009) are linked
// to the operation as inspected, and as seized where they were. The pill count is the sum of the contents.
WITH {swift: 'swift freight forwarding example', post: 'national post example'} AS courierOf
UNWIND [
  // Network B, all through the freight forwarder
  {t: 'SAMPLE-0001', site: 'anabolic-warehouse.example', via: 'swift', on: '2009-11-16', seized: true, from: 'GB', to: 'US', items: [['nandrolone', 600, true]]},
  {t: 'SAMPLE-0002', site: 'anabolic-warehouse.example', via: 'swift', on: '2009-06-10', seized: false, from: 'GB', to: 'AU', items: [['nandrolone', 300, true]]},
  {t: 'SAMPLE-0003', site: 'no-script-needed.example', via: 'swift', on: '2009-11-16', seized: true, from: 'GB', to: 'IE', items: [['diazepam', 500, true]]},
  {t: 'SAMPLE-0004', site: 'no-script-needed.example', via: 'swift', on: '2009-11-17', seized: false, from: 'GB', to: 'DE', items: [['tramadol', 200, false]]},
  {t: 'SAMPLE-0005', site: 'pain-relief-now.example', via: 'swift', on: '2009-11-17', seized: true, from: 'GB', to: 'US', items: [['tramadol', 1000, false]]},
  {t: 'SAMPLE-0006', site: 'pain-relief-now.example', via: 'swift', on: '2009-07-22', seized: false, from: 'GB', to: 'CA', items: [['tramadol', 400, false]]},
  {t: 'SAMPLE-0007', site: 'steroid-depot.example', via: 'swift', on: '2009-11-17', seized: true, from: 'GB', to: 'NL', items: [['nandrolone', 800, true]]},
  {t: 'SAMPLE-0008', site: 'steroid-depot.example', via: 'swift', on: '2009-11-18', seized: false, from: 'GB', to: 'US', items: [['nandrolone', 200, true]]},
  {t: 'SAMPLE-0009', site: 'tramadol-overnight.example', via: 'swift', on: '2009-11-18', seized: true, from: 'GB', to: 'AU', items: [['tramadol', 1500, false]]},
  {t: 'SAMPLE-0010', site: 'tramadol-overnight.example', via: 'swift', on: '2009-11-18', seized: false, from: 'GB', to: 'US', items: [['tramadol', 300, false]]},
  {t: 'SAMPLE-0011', site: 'slimline-pills.example', via: 'swift', on: '2009-11-18', seized: true, from: 'GB', to: 'DE', items: [['sibutramine', 900, true]]},
  {t: 'SAMPLE-0012', site: 'slimline-pills.example', via: 'swift', on: '2009-09-15', seized: false, from: 'GB', to: 'FR', items: [['sibutramine', 240, true]]},
  {t: 'SAMPLE-0013', site: 'muscle-gear-shop.example', via: 'swift', on: '2009-11-19', seized: false, from: 'GB', to: 'US', items: [['nandrolone', 100, true]]},
  {t: 'SAMPLE-0014', site: 'muscle-gear-shop.example', via: 'swift', on: '2009-11-19', seized: true, from: 'GB', to: 'CA', items: [['nandrolone', 700, true]]},
  {t: 'SAMPLE-0015', site: 'sleepwell-meds.example', via: 'swift', on: '2009-11-19', seized: false, from: 'GB', to: 'IE', items: [['diazepam', 250, true]]},
  {t: 'SAMPLE-0016', site: 'sleepwell-meds.example', via: 'swift', on: '2009-10-05', seized: false, from: 'GB', to: 'NZ', items: [['diazepam', 100, true]]},
  {t: 'SAMPLE-0017', site: 'rx-without-rx.example', via: 'swift', on: '2009-11-19', seized: true, from: 'GB', to: 'US', items: [['sildenafil', 400, true], ['tadalafil', 200, true]]},
  {t: 'SAMPLE-0018', site: 'bodybuild-pharma.example', via: 'swift', on: '2009-11-20', seized: false, from: 'GB', to: 'SE', items: [['nandrolone', 150, true]]},
  {t: 'SAMPLE-0019', site: 'calm-tabs.example', via: 'swift', on: '2009-11-20', seized: false, from: 'GB', to: 'NO', items: [['diazepam', 300, true]]},
  {t: 'SAMPLE-0020', site: 'diet-pill-outlet.example', via: 'swift', on: '2009-11-20', seized: false, from: 'GB', to: 'DK', items: [['sibutramine', 120, true]]},
  // Network A
  {t: 'SAMPLE-0021', site: 'north-discount-rx.example', via: 'post', on: '2009-11-16', seized: false, from: 'IN', to: 'US', items: [['sildenafil', 90, true]]},
  {t: 'SAMPLE-0022', site: 'bluepill-express.example', via: 'post', on: '2009-11-17', seized: true, from: 'IN', to: 'GB', items: [['sildenafil', 200, true], ['tadalafil', 100, true]]},
  {t: 'SAMPLE-0023', site: 'pharma-savings.example', via: 'post', on: '2009-11-19', seized: false, from: 'IN', to: 'CA', items: [['tadalafil', 60, true]]},
  {t: 'SAMPLE-0024', site: 'daily-dose-shop.example', via: 'post', on: '2009-05-12', seized: false, from: 'IN', to: 'US', items: [['sildenafil', 30, true]]},
  // Network C, ordered from the main storefronts
  {t: 'SAMPLE-0025', site: 'euro-pharmacy-24.example', via: 'post', on: '2009-11-16', seized: false, from: 'SG', to: 'DE', items: [['amoxicillin', 42, false]]},
  {t: 'SAMPLE-0026', site: 'vita-meds-club.example', via: 'post', on: '2009-11-18', seized: true, from: 'SG', to: 'FR', items: [['amoxicillin', 500, true], ['sildenafil', 100, true]]},
  {t: 'SAMPLE-0027', site: 'global-generics.example', via: 'post', on: '2009-11-20', seized: false, from: 'SG', to: 'GB', items: [['sibutramine', 90, true]]},
  {t: 'SAMPLE-0028', site: 'euro-pharmacy-24.example', via: 'post', on: '2009-08-03', seized: false, from: 'SG', to: 'IT', items: [['tadalafil', 40, true]]},
  // Unrelated storefronts
  {t: 'SAMPLE-0029', site: 'corner-chemist.example', via: 'post', on: '2009-11-16', seized: false, from: 'IN', to: 'GB', items: [['amoxicillin', 21, false]]},
  {t: 'SAMPLE-0030', site: 'corner-chemist.example', via: 'post', on: '2009-04-20', seized: false, from: 'IN', to: 'GB', items: [['amoxicillin', 28, false]]},
  {t: 'SAMPLE-0031', site: 'hair-regrowth-rx.example', via: 'post', on: '2009-11-17', seized: false, from: 'TH', to: 'US', items: [['finasteride', 90, true]]},
  {t: 'SAMPLE-0032', site: 'hair-regrowth-rx.example', via: 'post', on: '2009-10-14', seized: false, from: 'TH', to: 'CA', items: [['finasteride', 60, true]]},
  {t: 'SAMPLE-0033', site: 'lean-body-clinic.example', via: 'post', on: '2009-11-18', seized: true, from: 'SG', to: 'AU', items: [['sibutramine', 180, true]]},
  {t: 'SAMPLE-0034', site: 'lean-body-clinic.example', via: 'post', on: '2009-11-19', seized: false, from: 'SG', to: 'NZ', items: [['sibutramine', 60, true]]},
  {t: 'SAMPLE-0035', site: 'first-aid-pharmacy.example', via: 'post', on: '2009-11-17', seized: false, from: 'IN', to: 'IE', items: [['tramadol', 100, false]]},
  {t: 'SAMPLE-0036', site: 'first-aid-pharmacy.example', via: 'post', on: '2009-03-09', seized: false, from: 'IN', to: 'IE', items: [['tramadol', 50, false]]},
  {t: 'SAMPLE-0037', site: 'romance-tablets.example', via: 'post', on: '2009-11-20', seized: true, from: 'IN', to: 'US', items: [['sildenafil', 120, true]]},
  {t: 'SAMPLE-0038', site: 'travel-health-meds.example', via: 'post', on: '2009-11-16', seized: false, from: 'IN', to: 'NL', items: [['amoxicillin', 30, false]]},
  {t: 'SAMPLE-0039', site: 'gym-supplement-store.example', via: 'post', on: '2009-11-18', seized: false, from: 'TH', to: 'SE', items: [['nandrolone', 50, true]]},
  {t: 'SAMPLE-0040', site: 'mens-vitality-store.example', via: 'post', on: '2009-06-30', seized: false, from: 'TH', to: 'NL', items: [['tadalafil', 40, true]]}
] AS s
MATCH (site:Website {domain: s.site}), (courier:Courier {nameKey: courierOf[s.via]}), (pangea:Operation {code: 'PANGEA-II'})
MERGE (parcel:Shipment {trackingNumber: s.t})
SET parcel.inspectedOn = date(s.on), parcel.seized = s.seized, parcel.originCountry = s.from,
    parcel.destinationCountry = s.to, parcel.declaredContent = 'gift',
    parcel.pillCount = reduce(total = 0, item IN s.items | total + item[1])
MERGE (parcel)-[o:ORDERED_FROM]->(site)
SET o.source = 'sample-customs-records-2009', o.grade = 'B2'
MERGE (parcel)-[c:CARRIED_BY]->(courier)
SET c.source = 'sample-customs-records-2009', c.grade = 'A1'
WITH parcel, s, pangea
CALL (parcel, s) {
  UNWIND s.items AS item
  MATCH (product:Product {nameKey: item[0]})
  MERGE (parcel)-[ct:CONTAINED]->(product)
  SET ct.quantity = item[1], ct.counterfeit = item[2], ct.source = 'sample-customs-records-2009', ct.grade = 'A1'
}
CALL (parcel, pangea) {
  WITH parcel, pangea WHERE pangea.startDate <= parcel.inspectedOn <= pangea.endDate
  MERGE (pangea)-[i:INSPECTED]->(parcel)
  SET i.source = 'sample-customs-records-2009', i.grade = 'A1'
}
CALL (parcel, pangea) {
  WITH parcel, pangea WHERE parcel.seized
  MERGE (pangea)-[sz:SEIZED]->(parcel)
  SET sz.source = 'sample-customs-records-2009', sz.grade = 'A1'
};

// Network B's parcels: everything the freight forwarder carried for the sample storefronts was sent
// by one man from one drop address.
MATCH (bruno:Person {id: 'sample-person-bruno-sample'}), (gb:Country {code: 'GB'})
MERGE (dropAddress:Address {key: 'unit 7, 13 sample industrial estate, exampleton ex1 0aa, united kingdom'})
SET dropAddress.text = 'Unit 7, 13 Sample Industrial Estate, Exampleton EX1 0AA, United Kingdom', dropAddress.country = 'GB'
MERGE (dropAddress)-[l:LOCATED_IN]->(gb)
SET l.source = 'sample-customs-records-2009', l.grade = 'A1'
WITH bruno, dropAddress
MATCH (parcel:Shipment)-[:CARRIED_BY]->(:Courier {nameKey: 'swift freight forwarding example'})
MERGE (parcel)-[sb:SENT_BY]->(bruno)
SET sb.source = 'sample-customs-records-2009', sb.grade = 'B2'
MERGE (parcel)-[sf:SENT_FROM]->(dropAddress)
SET sf.source = 'sample-customs-records-2009', sf.grade = 'A1';

// Pangea II took down five of the sample storefronts on its last day.
MATCH (pangea:Operation {code: 'PANGEA-II'})
UNWIND ['bluepill-express.example', 'steroid-depot.example', 'tramadol-overnight.example',
        'weekend-pill-deals.example', 'romance-tablets.example'] AS domain
MATCH (site:Website {domain: domain})
MERGE (pangea)-[td:TOOK_DOWN]->(site)
SET td.date = date('2009-11-20'), td.source = 'sample-takedown-records-2009', td.grade = 'A1';

// The C operator knows the B sender: a link between people, not shared website infrastructure, so it
// joins no networks, but it lets a path run operator -> associate -> parcels -> storefront.
MATCH (carla:Person {id: 'sample-person-carla-fictitious'}), (bruno:Person {id: 'sample-person-bruno-sample'})
MERGE (carla)-[a:ASSOCIATE_OF]->(bruno)
SET a.source = 'sample-case-file-2009', a.grade = 'C3', a.validFrom = date('2007-01-01');

MERGE (sampleCase:Case {number: 'SAMPLE-2009-001'})
SET sampleCase.title = 'Sample data: fictional investigation of the sample storefront networks', sampleCase.status = 'OPEN',
    sampleCase.openedOn = date('2009-12-01')
WITH sampleCase
UNWIND ['sample-person-carla-fictitious', 'sample-person-bruno-sample'] AS suspect
MATCH (person:Person {id: suspect})
MERGE (sampleCase)-[inv:INVESTIGATES]->(person)
SET inv.source = 'sample-case-file-2009', inv.grade = 'A1', inv.validFrom = date('2009-12-01');
