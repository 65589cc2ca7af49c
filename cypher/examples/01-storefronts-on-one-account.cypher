// Which storefronts does one merchant account serve, and who holds it?
// cypher-shell -f 01-storefronts-on-one-account.cypher  (after :param identifier => 'MID-EXAMPLE-RXP-0001')
:param identifier => 'MID-EXAMPLE-RXP-0001';

MATCH (a:PaymentAccount {identifier: $identifier})<-[pay:ACCEPTS_PAYMENT_TO]-(w:Website)
OPTIONAL MATCH (a)-[:HELD_BY]->(holder)
RETURN a.identifier AS account, collect(DISTINCT holder.name) AS holders,
       count(DISTINCT w) AS storefronts, collect(DISTINCT w.domain) AS domains;
