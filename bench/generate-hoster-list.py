#!/usr/bin/env python3
"""Writes a hoster's provider directory for bench/run --hoster: hoster.yaml naming a domain list
(domainList: customers.txt) of NAMES customer domains, and beside it (not in the provider
directory) customers-changed.txt, the same list with CHANGED lines replaced by new domains,
spread evenly through it. Prints one new domain, for the bench to ask until it answers."""
import argparse
import os

HOSTER = """id: hoster
name: Hoster Mail
domainList: customers.txt
incoming:
  - {type: imap, hostname: imap.%EMAILDOMAIN%, port: 993, security: tls}
outgoing:
  - {type: smtp, hostname: smtp.hoster.example, port: 465, security: tls}
"""
TLDS = ("example", "example.net", "test")


def name(i):
    return f"c{i}.{TLDS[i % 3]}"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out", help="the provider directory to write (created)")
    ap.add_argument("changed", help="where to write the changed list")
    ap.add_argument("--names", type=int, default=10_000_000)
    ap.add_argument("--changed-lines", type=int, default=1_000)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "hoster.yaml"), "w") as f:
        f.write(HOSTER)
    step = max(1, args.names // args.changed_lines)
    chunk = 100_000
    with open(os.path.join(args.out, "customers.txt"), "w") as a, open(args.changed, "w") as b:
        a.write("# customers, exported for the benchmark\n")
        b.write("# customers, exported for the benchmark\n")
        for start in range(0, args.names, chunk):
            rows = range(start, min(args.names, start + chunk))
            a.write("".join(name(i) + "\n" for i in rows))
            b.write("".join((f"n{i}.example.org" if i % step == step // 2 else name(i)) + "\n" for i in rows))
    print(f"n{step // 2}.example.org")


if __name__ == "__main__":
    main()
