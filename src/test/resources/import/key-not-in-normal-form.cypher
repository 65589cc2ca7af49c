MERGE (w:Website {domain: 'WWW.Shop.Example'}) SET w.name = 'Shop';
