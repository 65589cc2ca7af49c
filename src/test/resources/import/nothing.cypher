// No statements: importing this file runs only the post-import pass, e.g. after loading with cypher-shell.
