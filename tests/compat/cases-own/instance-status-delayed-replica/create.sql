UPDATE database_instance SET sql_delay=3600 WHERE port=22297;
