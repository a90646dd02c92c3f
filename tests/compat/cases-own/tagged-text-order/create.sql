insert into database_instance_tags (hostname, port, tag_name, tag_value) values
('testhost', 3306, 'owner', 'dba'),
('testhost', 22295, 'owner', 'dev');
