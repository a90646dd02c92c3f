UPDATE database_instance SET cluster_name='payments';
