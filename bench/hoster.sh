# bench/hoster.sh: the hoster scenario of bench/run (issue 16), sourced by it; bench/run --hoster
# runs it alone. A registry of HOSTER_NAMES domains (a domain list of all but 100,000 of them,
# plus provider files with the rest), the service started on it: time to ready, heap after a full
# collection, autoconfig over a spread of listed domains against nginx and the floor serving the
# same bytes, and a change of 1,000 lines in the list under load (time until a new domain
# answers, failed requests). Uses bench/run's start_service, measure, steady_after, heap_after_gc_mb.

HOSTER_ROWS=()

hoster_scenario() {
  local names files spread run
  if $SMOKE; then names=20000; files=100; spread=200; run=6; else names=${HOSTER_NAMES:-10000000}; files=10000; spread=1000; run=30; fi
  local dir="$WORK/hoster" listed=$((names - files * 10))
  python3 bench/generate-registry.py "$dir" --files "$files" --domains 10
  local newdomain
  newdomain=$(python3 bench/generate-hoster-list.py "$dir" "$WORK/customers-changed.txt" --names "$listed" --changed-lines 1000)
  local step=$(( listed / 1000 > 0 ? listed / 1000 : 1 ))
  # A spread of listed domains that the change leaves alone.
  python3 - "$listed" "$spread" "$step" > "$WORK/hoster-paths" <<'PY'
import sys
n, spread, step = map(int, sys.argv[1:4])
tlds = ("example", "example.net", "test")
out, i = [], 0
while len(out) < spread:
    k = (i * 7919 + 13) % n
    if k % step != step // 2:
        out.append(f"/mail/config-v1.1.xml?emailaddress=user{i}%40c{k}.{tlds[k % 3]}")
    i += 1
print("\n".join(out))
PY
  sync
  # The issue's budget is 2 GiB of heap: the JVM gets it (bin/mailautoconf's default is 1 GiB).
  HEAP_OPTS="-Xms2g -Xmx2g" start_service "$dir"
  local port=$PORT pid=$PID load=$LOAD_SECONDS
  # CPU seconds the service used up to ready: beside the wall time, a figure a busy machine bends less.
  local loadcpu
  loadcpu=$(python3 -c "print(f'{$(cpu_ticks "$pid") / $TICK:.1f}')")
  local loadms heap
  loadms=$(grep -o 'loaded from [^ ]* in [0-9]* ms' "$WORK/service-$port.log" | head -1 | grep -o '[0-9]* ms')
  heap=$(heap_after_gc_mb "$pid" "$port")

  # nginx and the floor answer every request with the bytes of the first listed domain's answer.
  local html="$WORK/hoster-html" nport fport
  mkdir -p "$html" "$WORK/hoster-nginx"
  curl -fs "http://127.0.0.1:$port$(head -1 "$WORK/hoster-paths")" > "$html/autoconfig.xml"
  nport=$(free_port); fport=$(free_port)
  python3 - "$html/autoconfig.xml" > "$WORK/hoster-nginx/answer.conf" <<'PY'
import sys
body = open(sys.argv[1], encoding="utf-8").read()
print('return 200 "' + body.replace("\\", "\\\\").replace('"', '\\"') + '";' if body and "$" not in body else "try_files /autoconfig.xml =404;")
PY
  cat > "$WORK/hoster-nginx/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $WORK/hoster-nginx/nginx.pid;
error_log $WORK/hoster-nginx/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/hoster-nginx/body;
  proxy_temp_path $WORK/hoster-nginx/proxy;
  fastcgi_temp_path $WORK/hoster-nginx/fastcgi;
  uwsgi_temp_path $WORK/hoster-nginx/uwsgi;
  scgi_temp_path $WORK/hoster-nginx/scgi;
  server {
    listen 127.0.0.1:$nport;
    root $html;
    location /mail/ { default_type "application/xml; charset=utf-8"; include $WORK/hoster-nginx/answer.conf; }
  }
}
NGINX
  "$NGINX" -p "$WORK/hoster-nginx" -c "$WORK/hoster-nginx/nginx.conf"
  for _ in $(seq 1 100); do [ -s "$WORK/hoster-nginx/nginx.pid" ] && break; sleep 0.05; done
  local npids
  npids=$(python3 - "$(cat "$WORK/hoster-nginx/nginx.pid")" <<'PY'
import os, sys
master = sys.argv[1]
pids = [master]
for p in filter(str.isdigit, os.listdir("/proc")):
    try:
        stat = open(f"/proc/{p}/stat").read()
    except OSError:
        continue
    if stat[stat.rindex(")") + 2:].split()[1] == master:
        pids.append(p)
print(" ".join(pids))
PY
)
  curl -fs "http://127.0.0.1:$nport$(head -1 "$WORK/hoster-paths")" | cmp -s - "$html/autoconfig.xml" \
    || { echo "nginx does not answer the hoster's request with the service's bytes" >&2; exit 1; }
  java $(bin/mailautoconf --print-jvm-options) -cp "$JAR" bench/Floor.java "$fport" "$html" > "$WORK/hoster-floor.log" 2>&1 &
  local floorpid=$!
  PIDS+=("$floorpid")
  for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$fport/autoconfig" >/dev/null 2>&1 && break
    kill -0 "$floorpid" 2>/dev/null || { cat "$WORK/hoster-floor.log"; echo "the floor server died" >&2; exit 1; }
    sleep 0.1
  done

  local svc flr ngx steady
  svc=$(measure get-spread "$WORK/hoster-paths" "$port" "$pid")
  steady=$(steady_after "$(echo "$svc" | cut -d' ' -f1)")
  flr=$(measure get-spread "$WORK/hoster-paths" "$fport" "$floorpid")
  steady="$steady / $(steady_after "$(echo "$flr" | cut -d' ' -f1)")"
  ngx=$(measure get-spread "$WORK/hoster-paths" "$nport" "$npids")
  steady="$steady / $(steady_after "$(echo "$ngx" | cut -d' ' -f1)")"
  kill "$(cat "$WORK/hoster-nginx/nginx.pid")" "$floorpid" 2>/dev/null || true

  # The change under load: the changed list renamed over the old one a few seconds into a run of
  # requests for unchanged domains, then SIGHUP (an export job's last step); a poller asks for one
# new domain until it answers.
  # The new list is written beside the provider directory (a file written in it would be a change
  # of its own), then renamed in: the same file system, so the rename is atomic.
  local moved="$WORK/hoster-moved" answered="$WORK/hoster-answered"
  cp "$WORK/customers-changed.txt" "$WORK/customers.next"
  sync
  (
    sleep $(( ${WARMUP%s} + run / 4 ))
    date +%s.%N > "$moved"
    mv "$WORK/customers.next" "$dir/customers.txt"
    kill -HUP "$pid"  # as an export job would, rather than wait for the reload interval's check
    for _ in $(seq 1 600); do
      [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1.1/$newdomain")" = 200 ] && { date +%s.%N > "$answered"; break; }
      sleep 0.05
    done
  ) &
  local changer=$!
  local under
  under=$(measure get-spread "$WORK/hoster-paths" "$port" "$pid" "${run}s")
  wait "$changer" || true
  local applied="not within the run"
  [ -s "$answered" ] && applied=$(python3 -c "print(f'{$(cat "$answered") - $(cat "$moved"):.2f} s')")
  # Every load after the first, as the service logged them (the SIGHUP's is the last).
  local reloadms
  reloadms=$(grep -o 'loaded from [^ ]* in [0-9]* ms' "$WORK/service-$port.log" | sed 1d | grep -o '[0-9]* ms' | paste -sd, - || true)
  # Where the time to the answer went, from the service's own log lines (their UTC times): the
  # signal taken ("as asked (SIGHUP)") and each load after the first ended ("loaded from"), in
  # seconds after the rename.
  local timeline
  timeline=$(python3 - "$(cat "$moved" 2>/dev/null || echo 0)" "$WORK/service-$port.log" <<'PY'
import sys, re, datetime
moved = float(sys.argv[1]); out = []; loads = 0
for line in open(sys.argv[2], encoding="utf-8", errors="replace"):
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z", line)
    if not m:
        continue
    t = datetime.datetime.fromisoformat(m.group(1)).replace(tzinfo=datetime.timezone.utc).timestamp() - moved
    if "as asked (SIGHUP)" in line:
        out.append(f"SIGHUP taken {t:.2f} s")
    elif "loaded from" in line:
        loads += 1
        if loads > 1:
            out.append(f"a load ended {t:.2f} s")
print("; ".join(out) or "no log line")
PY
)
  kill "$pid" 2>/dev/null || true

  HOSTER_ROWS+=("$(python3 - "$names" "$listed" "$load ($loadcpu s of CPU)" "${loadms:-?}" "$heap" "$svc" "$flr" "$ngx" "$steady" "$applied" "${reloadms:-?}" "$under" "$SATURATED" "$timeline" <<'PY'
import sys
names, listed, load, loadms, heap = sys.argv[1:6]
s, f, n = ([float(x) for x in a.split()] for a in sys.argv[6:9])
steady, applied, reloadms = sys.argv[9:12]
u = [float(x) for x in sys.argv[12].split()]
saturated = float(sys.argv[13])
ratio = lambda a, b: f"{a / b:.2f}" if b else "–"
rate = "wrk saturated" if max(s[7], f[7], n[7]) >= saturated else ratio(s[0], n[0])
print(f"Hoster registry: {int(names):,} domains ({int(listed):,} in one domain list, the rest in provider files): "
      f"{load.replace(' (', ' s (', 1)} from starting the JVM to ready (the load itself {loadms}); heap after a full GC {heap} MiB (-Xmx2g).\n")
print("| hoster scenario | req/s | ×nginx | p99 ×nginx | CPU µs/req | ×floor | floor µs/req | nginx µs/req | wrk CPU | steady after (service / floor / nginx) | errors | non-2xx |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
print(f"| autoconfig GET, a spread of listed domains | {s[0]:.0f} | {rate} | {ratio(s[2], n[2])} | {s[6]:.1f} | {ratio(s[6], f[6])} "
      f"| {f[6]:.1f} | {n[6]:.1f} | {s[7]:.2f} / {f[7]:.2f} / {n[7]:.2f} | {steady} | {s[3]:.0f} | {s[4]:.0f} |")
print(f"\nList change under load (1,000 of {int(listed):,} lines replaced, renamed over the list): a new domain answered "
      f"{applied} after the rename and SIGHUP (the loads after the first: {reloadms}; after the rename, from the service's log: {sys.argv[14]}); during the run {u[0]:.0f} req/s, p99 {u[2]:.0f} µs, "
      f"errors {u[3]:.0f}, non-2xx {u[4]:.0f} (target: ≤ 2 s, none failed).")
PY
)")
  printf '%s\n' "${HOSTER_ROWS[@]}" >&2
}
