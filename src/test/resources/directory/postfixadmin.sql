-- The tables of PostfixAdmin's PostgreSQL schema that a lookup reads (column names and types as
-- PostfixAdmin creates them; the other columns and tables are left out).
CREATE TABLE domain (
  domain varchar(255) PRIMARY KEY,
  description varchar(255) NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true
);
CREATE TABLE mailbox (
  username varchar(255) PRIMARY KEY,
  password varchar(255) NOT NULL DEFAULT '',
  name varchar(255) NOT NULL DEFAULT '',
  maildir varchar(255) NOT NULL DEFAULT '',
  local_part varchar(255) NOT NULL,
  domain varchar(255) NOT NULL REFERENCES domain,
  active boolean NOT NULL DEFAULT true
);
CREATE TABLE alias (
  address varchar(255) PRIMARY KEY,
  goto text NOT NULL,
  domain varchar(255) NOT NULL REFERENCES domain,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO domain (domain) VALUES ('hoster.example'), ('client.example');
INSERT INTO domain (domain, active) VALUES ('gone.example', false);
INSERT INTO mailbox (username, name, local_part, domain) VALUES
  ('anna@client.example', 'Anna Bianchi', 'anna', 'client.example'),
  ('x*)(uid=*\'';--@client.example', 'Meta', 'x*)(uid=*\'';--', 'client.example');
-- Every mailbox has its own alias row (PostfixAdmin writes it); info@ is an alias of anna@.
INSERT INTO alias (address, goto, domain) VALUES
  ('anna@client.example', 'anna@client.example', 'client.example'),
  ('info@client.example', 'anna@client.example', 'client.example'),
  ('x*)(uid=*\'';--@client.example', 'x*)(uid=*\'';--@client.example', 'client.example');
CREATE ROLE mailautoconf LOGIN PASSWORD 'db-Secret-7';
GRANT SELECT ON domain, mailbox, alias TO mailautoconf;
