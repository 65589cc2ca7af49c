// Websites that moved from one IP address to another: a hosting link that ended, and another that
// began the day after or later.
MATCH (w:Website)-[old:HOSTED_AT]->(a:IpAddress), (w)-[new:HOSTED_AT]->(b:IpAddress)
WHERE old.validTo IS NOT NULL AND new.validFrom IS NOT NULL AND new.validFrom > old.validTo AND a <> b
RETURN w.domain AS website, a.address AS left, old.validTo AS leftOn, b.address AS movedTo, new.validFrom AS from
ORDER BY website;
