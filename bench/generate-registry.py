#!/usr/bin/env python3
"""Writes a large provider directory for load tests: FILES provider files with DOMAINS domains
each (1,000,000 domains in 100,000 files by default), every file valid, in the shape a hoster's
generated registry would have."""
import argparse
import os


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", help="directory to write (created; existing *.yaml files are replaced)")
    ap.add_argument("--files", type=int, default=100_000)
    ap.add_argument("--domains", type=int, default=10, help="domains per file")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.files):
        domains = "\n".join(f"  - d{i}-{j}.example" for j in range(args.domains))
        text = f"""id: customer-{i}
name: Customer {i} Mail
domains:
{domains}
incoming:
  - type: imap
    hostname: imap.c{i}.hoster.example
    port: 993
    security: tls
  - type: pop3
    hostname: pop.c{i}.hoster.example
    port: 995
    security: tls
outgoing:
  - type: smtp
    hostname: smtp.c{i}.hoster.example
    port: 465
    security: tls
"""
        with open(os.path.join(args.out, f"customer-{i}.yaml"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
