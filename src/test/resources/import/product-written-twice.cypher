// The same drug named twice: once in the normal form of its key, once as a seizure record wrote it.
CREATE (:Product {nameKey: 'sildenafil 100 mg', name: 'Sildenafil 100 mg', activeIngredient: 'sildenafil'});
CREATE (:Product {nameKey: 'SILDENAFIL  100 MG', name: 'SILDENAFIL  100 MG', activeIngredient: 'sildenafil'});
