UPDATE database_instance SET gtid_errant='00022294-2222-2222-2222-222222222222:1', supports_oracle_gtid=1, semi_sync_replica_status=1 WHERE port=22294;
