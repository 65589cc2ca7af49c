// Two storefronts served from one IP address: 3 entities, 2 links, 7 properties, 4 statements.
MERGE (a:Website {domain: 'alpha.example'}) SET a.name = 'Alpha Pharmacy';
MERGE (b:Website {domain: 'beta.example'}) SET b.name = 'Beta Meds';
MERGE (ip:IpAddress {address: '192.0.2.1'});
MATCH (w:Website), (ip:IpAddress {address: '192.0.2.1'})
MERGE (w)-[h:HOSTED_AT]->(ip)
SET h.source = 'pdns-sample';
