// With batches of two statements, lines 2-3 commit together; line 5 breaks the uniqueness of domains.
MERGE (:Website {domain: 'first.example'});
MERGE (:Website {domain: 'second.example'});
MERGE (:Website {domain: 'third.example'});
CREATE (:Website {domain: 'first.example'});
MERGE (:Website {domain: 'never.example'});
