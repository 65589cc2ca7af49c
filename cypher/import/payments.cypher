// Where storefronts take the money: website -ACCEPTS_PAYMENT_TO-> payment account -HELD_BY-> holder,
// one row of payments.csv a website and account:
//   domain       the website, in normal form
//   identifier   the account: an IBAN in normal form (upper case, no spaces, valid check digits), else as issued
//   kind         BANK_ACCOUNT, CARD_MERCHANT, E_WALLET, CRYPTO_WALLET or MONEY_TRANSFER
//   provider     the bank or payment service    accountCountry  ISO 3166-1 alpha-2
//   holderKind   PERSON or COMPANY (blank: no holder known)
//   holderId     id of a person, such as the agency reference (people have no natural key)
//   holderName   name of the person or company  holderCountry   country of a company (required for a company)
//   source       a Source key                   grade       A-E and 1-5
// Idempotent: MERGE on keys; links keyed by source (linkKey). Runs unchanged with cypher-shell.
LOAD CSV WITH HEADERS FROM 'file:///payments.csv' AS row
CALL (row) {
  MERGE (w:Website {domain: toLower(trim(row.domain))})
  MERGE (a:PaymentAccount {identifier: CASE toUpper(trim(row.kind))
      WHEN 'BANK_ACCOUNT' THEN toUpper(replace(trim(row.identifier), ' ', ''))
      ELSE trim(row.identifier) END})
  SET a.kind = coalesce(toUpper(trim(row.kind)), a.kind),
      a.provider = coalesce(trim(row.provider), a.provider),
      a.country = coalesce(toUpper(trim(row.accountCountry)), a.country)
  MERGE (w)-[p:ACCEPTS_PAYMENT_TO {linkKey: coalesce(trim(row.source), '') + '|'}]->(a)
  SET p.source = trim(row.source), p.grade = row.grade
  WITH row, a
  CALL (row, a) {
    WITH row, a WHERE toUpper(trim(row.holderKind)) = 'PERSON'
    MERGE (h:Person {id: trim(row.holderId)})
    SET h.name = coalesce(trim(row.holderName), h.name)
    MERGE (a)-[r:HELD_BY {linkKey: coalesce(trim(row.source), '') + '|'}]->(h)
    SET r.source = trim(row.source), r.grade = row.grade
  }
  CALL (row, a) {
    WITH row, a WHERE toUpper(trim(row.holderKind)) = 'COMPANY'
    MERGE (h:Company {nameKey: toLower(trim(row.holderName)), country: toUpper(trim(row.holderCountry))})
    SET h.name = trim(row.holderName)
    MERGE (a)-[r:HELD_BY {linkKey: coalesce(trim(row.source), '') + '|'}]->(h)
    SET r.source = trim(row.source), r.grade = row.grade
  }
} IN TRANSACTIONS OF 1000 ROWS;
