:param domain => 'param.example'
:param {name: 'Param Pharmacy', firstSeen: date('2009-11-16')}
MERGE (w:Website {domain: $domain}) SET w.name = $name, w.firstSeen = $firstSeen;
