// A statement over three lines whose last holds a typo.
MERGE (w:Website {domain: 'typo.example'})
SET w.name = 'Typo'
RETRUN w;
