// Uniqueness of every natural key of the data contract (the README's label table), and of the id every entity carries.
// Each constraint also gives the key a range index, which lookups and MERGE use.
// Safe to run again: every statement is IF NOT EXISTS. Runs unchanged with cypher-shell.

CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT website_domain IF NOT EXISTS FOR (n:Website) REQUIRE n.domain IS UNIQUE;
CREATE CONSTRAINT ip_address_address IF NOT EXISTS FOR (n:IpAddress) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT hosting_provider_name_key IF NOT EXISTS FOR (n:HostingProvider) REQUIRE n.nameKey IS UNIQUE;
CREATE CONSTRAINT registrar_name_key IF NOT EXISTS FOR (n:Registrar) REQUIRE n.nameKey IS UNIQUE;
CREATE CONSTRAINT email_address_address IF NOT EXISTS FOR (n:EmailAddress) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT phone_number_number IF NOT EXISTS FOR (n:PhoneNumber) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT payment_account_identifier IF NOT EXISTS FOR (n:PaymentAccount) REQUIRE n.identifier IS UNIQUE;
CREATE CONSTRAINT shipment_tracking_number IF NOT EXISTS FOR (n:Shipment) REQUIRE n.trackingNumber IS UNIQUE;
CREATE CONSTRAINT courier_name_key IF NOT EXISTS FOR (n:Courier) REQUIRE n.nameKey IS UNIQUE;
CREATE CONSTRAINT product_name_key IF NOT EXISTS FOR (n:Product) REQUIRE n.nameKey IS UNIQUE;
CREATE CONSTRAINT address_key IF NOT EXISTS FOR (n:Address) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT company_name_key_country IF NOT EXISTS FOR (n:Company) REQUIRE (n.nameKey, n.country) IS UNIQUE;
CREATE CONSTRAINT operation_code IF NOT EXISTS FOR (n:Operation) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT agency_name_key IF NOT EXISTS FOR (n:Agency) REQUIRE n.nameKey IS UNIQUE;
CREATE CONSTRAINT country_code IF NOT EXISTS FOR (n:Country) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT case_number IF NOT EXISTS FOR (n:Case) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT source_key IF NOT EXISTS FOR (n:Source) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE;
