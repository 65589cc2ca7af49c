// One fulltext index over what investigators type into a search box: names, domains, e-mail
// addresses, phone numbers, account identifiers, IP addresses, tracking numbers, codes and titles.

CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (n:Website|IpAddress|HostingProvider|Registrar|EmailAddress|PhoneNumber|PaymentAccount|Shipment|Courier|Product|Address|Person|Company|Operation|Agency|Country|Case|Source)
ON EACH [n.domain, n.name, n.address, n.number, n.identifier, n.trackingNumber, n.text, n.code, n.title, n.acronym, n.key]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
