// The websites sharing infrastructure with one, weighted by rarity: each shared item weighs
// specificity(kind) * ln(N / k), N websites in all, k reaching the item. The API's
// sharedInfrastructure query does the same for every route of the data contract, with evidence;
// this is the payment-account and IP-address part, to read and adapt.
:param domain => 'maple-leaf-pharmacy.example';

MATCH (all:Website) WITH count(all) AS n
MATCH (w:Website {domain: $domain})
CALL (w, n) {
  MATCH (w)-[:ACCEPTS_PAYMENT_TO]->(item:PaymentAccount)<-[:ACCEPTS_PAYMENT_TO]-(other:Website)
  WITH item, other, COUNT { (item)<-[:ACCEPTS_PAYMENT_TO]-(:Website) } AS k, n
  RETURN other, 'PAYMENT_ACCOUNT' AS kind, item.identifier AS shared, 1.0 * log(toFloat(n) / k) AS weight
  UNION ALL
  MATCH (w)-[:HOSTED_AT]->(item:IpAddress)<-[:HOSTED_AT]-(other:Website)
  WITH item, other, COUNT { (item)<-[:HOSTED_AT]-(:Website) } AS k, n
  RETURN other, 'IP_ADDRESS' AS kind, item.address AS shared, 0.5 * log(toFloat(n) / k) AS weight
}
RETURN other.domain AS website, round(sum(weight), 2) AS score, collect(kind + ' ' + shared) AS evidence
ORDER BY score DESC, website
LIMIT 10;
