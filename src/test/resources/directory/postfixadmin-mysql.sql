-- The tables of PostfixAdmin's MySQL/MariaDB schema that a lookup reads (column names and types as
-- PostfixAdmin creates them: tinyint(1) flags, utf8mb4; the other columns and tables are left out).
-- The same rows as postfixadmin.sql; MySQL reads a backslash in a string as an escape, hence \\.
CREATE TABLE domain (
  domain varchar(255) NOT NULL PRIMARY KEY,
  description varchar(255) NOT NULL DEFAULT '',
  active tinyint(1) NOT NULL DEFAULT 1
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE mailbox (
  username varchar(255) NOT NULL PRIMARY KEY,
  password varchar(255) NOT NULL DEFAULT '',
  name varchar(255) NOT NULL DEFAULT '',
  maildir varchar(255) NOT NULL DEFAULT '',
  local_part varchar(255) NOT NULL,
  domain varchar(255) NOT NULL,
  active tinyint(1) NOT NULL DEFAULT 1
) DEFAULT CHARSET=utf8mb4;
CREATE TABLE alias (
  address varchar(255) NOT NULL PRIMARY KEY,
  goto text NOT NULL,
  domain varchar(255) NOT NULL,
  active tinyint(1) NOT NULL DEFAULT 1
) DEFAULT CHARSET=utf8mb4;
INSERT INTO domain (domain) VALUES ('hoster.example'), ('client.example');
INSERT INTO domain (domain, active) VALUES ('gone.example', 0);
INSERT INTO mailbox (username, name, local_part, domain) VALUES
  ('anna@client.example', 'Anna Bianchi', 'anna', 'client.example'),
  ('x*)(uid=*\\'';--@client.example', 'Meta', 'x*)(uid=*\\'';--', 'client.example');
INSERT INTO alias (address, goto, domain) VALUES
  ('anna@client.example', 'anna@client.example', 'client.example'),
  ('info@client.example', 'anna@client.example', 'client.example'),
  ('x*)(uid=*\\'';--@client.example', 'x*)(uid=*\\'';--@client.example', 'client.example');
CREATE USER 'mailautoconf'@'127.0.0.1' IDENTIFIED BY 'db-Secret-7';
GRANT SELECT ON domain TO 'mailautoconf'@'127.0.0.1';
GRANT SELECT ON mailbox TO 'mailautoconf'@'127.0.0.1';
GRANT SELECT ON alias TO 'mailautoconf'@'127.0.0.1';
