// Name servers: the key of the NameServer kind, the link-id index of USES_NAME_SERVER (without it,
// unlink by id would scan every link of the type), and the full-text index again, now over NameServer
// and its host name too. Dropping and creating the index makes Neo4j fill it again in the background:
// on a large store, search finds less than it should until it is online (SHOW FULLTEXT INDEXES).
// Safe to run again: every statement is IF EXISTS or IF NOT EXISTS. Runs unchanged with cypher-shell.

CREATE CONSTRAINT name_server_host_name IF NOT EXISTS FOR (n:NameServer) REQUIRE n.hostName IS UNIQUE;
CREATE INDEX link_id_uses_name_server IF NOT EXISTS FOR ()-[r:USES_NAME_SERVER]-() ON (r.id);

DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Website|IpAddress|HostingProvider|Registrar|NameServer|EmailAddress|PhoneNumber|PaymentAccount|Shipment|Courier|Product|Address|Person|Company|Operation|Agency|Country|Case|Source)
ON EACH [n.domain, n.name, n.address, n.number, n.identifier, n.trackingNumber, n.text, n.code, n.title, n.acronym, n.key, n.hostName]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
