// Parcels inspected or seized: shipment -ORDERED_FROM-> website, -CARRIED_BY-> courier, -SENT_FROM-> sender
// address, -CONTAINED {quantity}-> product; one row of shipments.csv a shipment and product (a parcel
// holding two products is two rows that repeat the columns of the shipment):
//   trackingNumber  the key, in normal form (upper case, no spaces)
//   domain       the website the parcel fulfils an order from, in normal form
//   inspectedOn  yyyy-mm-dd                     seized      true or false
//   declaredContent                              pillCount   pills in the parcel
//   originCountry, destinationCountry, senderCountry: ISO 3166-1 alpha-2
//   courier      name of the delivery service   senderAddress  the sender or drop address as written
//   product      name of the product            activeIngredient
//   quantity     pills of the product           counterfeit true or false
//   source       a Source key                   grade       A-E and 1-5
// Idempotent: MERGE on keys; links keyed by source (linkKey). Runs unchanged with cypher-shell.
LOAD CSV WITH HEADERS FROM 'file:///shipments.csv' AS row
CALL (row) {
  MERGE (s:Shipment {trackingNumber: toUpper(replace(trim(row.trackingNumber), ' ', ''))})
  SET s.inspectedOn = coalesce(date(row.inspectedOn), s.inspectedOn),
      s.seized = coalesce(toBoolean(row.seized), s.seized),
      s.declaredContent = coalesce(trim(row.declaredContent), s.declaredContent),
      s.pillCount = coalesce(toInteger(row.pillCount), s.pillCount),
      s.originCountry = coalesce(toUpper(trim(row.originCountry)), s.originCountry),
      s.destinationCountry = coalesce(toUpper(trim(row.destinationCountry)), s.destinationCountry)
  MERGE (w:Website {domain: toLower(trim(row.domain))})
  MERGE (s)-[o:ORDERED_FROM {linkKey: coalesce(trim(row.source), '') + '|'}]->(w)
  SET o.source = trim(row.source), o.grade = row.grade
  MERGE (c:Courier {nameKey: toLower(trim(row.courier))})
  SET c.name = trim(row.courier)
  MERGE (s)-[cb:CARRIED_BY {linkKey: coalesce(trim(row.source), '') + '|'}]->(c)
  SET cb.source = trim(row.source), cb.grade = row.grade
  MERGE (a:Address {key: toLower(trim(row.senderAddress))})
  SET a.text = trim(row.senderAddress),
      a.country = coalesce(toUpper(trim(row.senderCountry)), a.country)
  MERGE (s)-[sf:SENT_FROM {linkKey: coalesce(trim(row.source), '') + '|'}]->(a)
  SET sf.source = trim(row.source), sf.grade = row.grade
  MERGE (p:Product {nameKey: toLower(trim(row.product))})
  SET p.name = trim(row.product),
      p.activeIngredient = coalesce(trim(row.activeIngredient), p.activeIngredient)
  MERGE (s)-[k:CONTAINED {linkKey: coalesce(trim(row.source), '') + '|'}]->(p)
  SET k.source = trim(row.source), k.grade = row.grade,
      k.quantity = toInteger(row.quantity), k.counterfeit = toBoolean(row.counterfeit)
} IN TRANSACTIONS OF 1000 ROWS;
