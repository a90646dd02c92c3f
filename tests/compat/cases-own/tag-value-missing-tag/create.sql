insert into database_instance_tags (hostname, port, tag_name, tag_value) values ('testhost', 22294, 'owner', 'dba');
