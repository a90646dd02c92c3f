DELETE FROM cluster_alias WHERE alias = 'payments';
