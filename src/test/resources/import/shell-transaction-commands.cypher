MERGE (:Website {domain: 'never.example'});
:begin
MERGE (:Website {domain: 'never-either.example'});
:commit
