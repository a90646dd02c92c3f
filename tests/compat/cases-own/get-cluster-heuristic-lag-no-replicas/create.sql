DELETE FROM database_instance WHERE port <> 22293;
