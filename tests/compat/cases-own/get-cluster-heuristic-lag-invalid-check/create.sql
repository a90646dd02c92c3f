UPDATE database_instance SET slave_lag_seconds=7 WHERE port=22294;
UPDATE database_instance SET slave_lag_seconds=30, last_seen='2017-02-02 08:00:00' WHERE port=22297;
