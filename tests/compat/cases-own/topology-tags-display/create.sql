insert into database_instance_tags (hostname, port, tag_name, tag_value) values
('testhost', 22293, 'zone', 'east'),
('testhost', 22293, 'backup', ''),
('testhost', 22295, 'owner', 'dba');
