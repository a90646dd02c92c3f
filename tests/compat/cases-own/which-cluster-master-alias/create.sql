insert into cluster_alias (cluster_name, alias, last_registered) values ('testhost:22293', 'payments', '2017-02-02 08:29:57');
