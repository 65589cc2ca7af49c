// The change feed, watches and alerts: application data under labels of their own, which no investigative
// query matches (those match Entity and the model's labels).
// ChangeFeed: the one counter of the feed's sequences. ChangeBatch: the changes of one write, found by their
// last sequence (following the feed) and their time (the purge).
// Watches, their owners' memberships, alerts, and how far the alert matcher has read the feed.
// recordedAt of every link type: the reconciliation finds links recorded since it last looked.

CREATE CONSTRAINT change_feed_name IF NOT EXISTS FOR (n:ChangeFeed) REQUIRE n.name IS UNIQUE;
CREATE INDEX change_batch_last IF NOT EXISTS FOR (n:ChangeBatch) ON (n.last);
CREATE INDEX change_batch_at IF NOT EXISTS FOR (n:ChangeBatch) ON (n.at);
CREATE CONSTRAINT watch_id IF NOT EXISTS FOR (n:Watch) REQUIRE n.id IS UNIQUE;
CREATE INDEX watch_owner IF NOT EXISTS FOR (n:Watch) ON (n.owner);
CREATE CONSTRAINT watch_owner_name IF NOT EXISTS FOR (n:WatchOwner) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE INDEX alert_owner IF NOT EXISTS FOR (n:Alert) ON (n.owner);
CREATE INDEX alert_assignee IF NOT EXISTS FOR (n:Alert) ON (n.assignee);
CREATE INDEX alert_watch_subject IF NOT EXISTS FOR (n:Alert) ON (n.watchId, n.subject);
CREATE CONSTRAINT alert_matcher_name IF NOT EXISTS FOR (n:AlertMatcher) REQUIRE n.name IS UNIQUE;
CREATE INDEX link_recorded_at_hosted_at IF NOT EXISTS FOR ()-[r:HOSTED_AT]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_allocated_to IF NOT EXISTS FOR ()-[r:ALLOCATED_TO]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_registered_with IF NOT EXISTS FOR ()-[r:REGISTERED_WITH]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_registered_by IF NOT EXISTS FOR ()-[r:REGISTERED_BY]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_lists_contact IF NOT EXISTS FOR ()-[r:LISTS_CONTACT]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_accepts_payment_to IF NOT EXISTS FOR ()-[r:ACCEPTS_PAYMENT_TO]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_redirects_to IF NOT EXISTS FOR ()-[r:REDIRECTS_TO]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_held_by IF NOT EXISTS FOR ()-[r:HELD_BY]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_ordered_from IF NOT EXISTS FOR ()-[r:ORDERED_FROM]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_carried_by IF NOT EXISTS FOR ()-[r:CARRIED_BY]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_sent_by IF NOT EXISTS FOR ()-[r:SENT_BY]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_sent_from IF NOT EXISTS FOR ()-[r:SENT_FROM]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_contained IF NOT EXISTS FOR ()-[r:CONTAINED]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_operates IF NOT EXISTS FOR ()-[r:OPERATES]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_associate_of IF NOT EXISTS FOR ()-[r:ASSOCIATE_OF]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_officer_of IF NOT EXISTS FOR ()-[r:OFFICER_OF]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_uses IF NOT EXISTS FOR ()-[r:USES]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_located_in IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_inspected IF NOT EXISTS FOR ()-[r:INSPECTED]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_seized IF NOT EXISTS FOR ()-[r:SEIZED]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_took_down IF NOT EXISTS FOR ()-[r:TOOK_DOWN]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_investigates IF NOT EXISTS FOR ()-[r:INVESTIGATES]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_coordinated_by IF NOT EXISTS FOR ()-[r:COORDINATED_BY]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_supported_by IF NOT EXISTS FOR ()-[r:SUPPORTED_BY]-() ON (r.recordedAt);
CREATE INDEX link_recorded_at_participated_in IF NOT EXISTS FOR ()-[r:PARTICIPATED_IN]-() ON (r.recordedAt);
