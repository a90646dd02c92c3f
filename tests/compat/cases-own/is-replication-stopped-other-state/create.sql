UPDATE database_instance SET replication_sql_thread_state=2, replication_io_thread_state=0 WHERE port=22296;
