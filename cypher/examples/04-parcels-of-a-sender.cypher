// Everything one sender's parcels tell: the storefronts they were ordered from, couriers, drop
// addresses, contents and seizures.
:param name => 'Bruno Sample';

MATCH (p:Person {name: $name})<-[:SENT_BY]-(s:Shipment)
OPTIONAL MATCH (s)-[:ORDERED_FROM]->(w:Website)
OPTIONAL MATCH (s)-[:CARRIED_BY]->(c:Courier)
OPTIONAL MATCH (s)-[:SENT_FROM]->(a:Address)
OPTIONAL MATCH (s)-[q:CONTAINED]->(pr:Product)
RETURN s.trackingNumber AS parcel, s.inspectedOn AS inspected, s.seized AS seized, w.domain AS orderedFrom,
       c.name AS courier, a.text AS from, collect(pr.name + ' x' + toString(q.quantity)) AS contents
ORDER BY inspected, parcel;
