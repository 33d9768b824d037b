#!/usr/bin/env bash
# A throwaway one-node Ceph on 127.0.0.1 (monitor, an in-memory OSD, RADOS Gateway on port 7480) for running the
# S3 tests against a production S3 implementation rather than s3rver. Not part of `npm test`: it needs Debian's
# ceph-mon, ceph-osd and radosgw (about 60 packages) and root. Authentication between Ceph's own daemons is off
# (loopback only); the gateway's S3 API checks SigV4 signatures as it does in production.
#
#   apt-get install --no-install-recommends ceph-mon ceph-osd radosgw
#   scripts/ceph-rgw-for-tests.sh start      # prints the S3_TEST_* settings to export
#   S3_TEST_ENDPOINT=… npx vitest run lib/media/s3-photo-store.test.ts
#   S3_TEST_ENDPOINT=… npm run test:e2e -- e2e/photos-s3.spec.ts
#   scripts/ceph-rgw-for-tests.sh stop
set -euo pipefail

dir="${CEPH_TEST_DIR:-/tmp/copydesk-ceph}"
port="${CEPH_TEST_RGW_PORT:-7480}"
conf="$dir/ceph.conf"
access_key=COPYDESKTESTKEY0001
secret_key=copydesk-test-secret-0f3e9a

stop() {
  for name in rgw osd mon; do
    if [ -f "$dir/$name.pid" ]; then
      kill "$(cat "$dir/$name.pid")" 2>/dev/null || true
      rm -f "$dir/$name.pid"
    fi
  done
}

wait_for() { # seconds, description, command…
  local deadline=$(($(date +%s) + $1)) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -gt "$deadline" ]; then echo "ceph-rgw-for-tests: $what did not come up; logs in $dir/log" >&2; exit 1; fi
    sleep 1
  done
}

start() {
  stop
  rm -rf "$dir"
  mkdir -p "$dir/mon" "$dir/osd" "$dir/run" "$dir/log" "$dir/rgw"
  local fsid
  fsid=$(cat /proc/sys/kernel/random/uuid)
  # auth none needs the crc connection mode everywhere: "secure" needs a session key, and with none radosgw
  # cannot even reach the monitor (get_initial_auth_request returned -13).
  cat >"$conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:3300
mon initial members = a
public addr = 127.0.0.1
auth cluster required = none
auth service required = none
auth client required = none
ms mon client mode = crc
ms client mode = crc
ms mon cluster mode = crc
ms cluster mode = crc
ms service mode = crc
ms mon service mode = crc
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
mon max pg per osd = 1000
osd crush chooseleaf type = 0
osd objectstore = memstore
memstore device bytes = 1073741824
run dir = $dir/run
log file = $dir/log/\$name.log
admin socket = $dir/run/\$name.asok
mon data = $dir/mon
osd data = $dir/osd
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
CONF
  local ceph=(ceph -c "$conf" --connect-timeout 10)
  monmaptool --create --addv a "[v2:127.0.0.1:3300]" --fsid "$fsid" "$dir/monmap" >/dev/null
  ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap"
  ceph-mon -c "$conf" -i a -f >"$dir/log/mon.out" 2>&1 &
  echo $! >"$dir/mon.pid"
  wait_for 60 "the monitor" "${ceph[@]}" -s
  "${ceph[@]}" osd create >/dev/null
  ceph-osd -c "$conf" -i 0 --mkfs >"$dir/log/osd-mkfs.out" 2>&1
  "${ceph[@]}" osd crush add-bucket localhost host >/dev/null
  "${ceph[@]}" osd crush move localhost root=default >/dev/null
  "${ceph[@]}" osd crush add osd.0 1.0 host=localhost >/dev/null
  ceph-osd -c "$conf" -i 0 -f >"$dir/log/osd.out" 2>&1 &
  echo $! >"$dir/osd.pid"
  wait_for 60 "the OSD" sh -c "${ceph[*]} osd stat | grep -q '1 up'"
  radosgw -c "$conf" -n client.rgw.a -f >"$dir/log/rgw.out" 2>&1 &
  echo $! >"$dir/rgw.pid"
  wait_for 120 "the RADOS Gateway" curl -sf "http://127.0.0.1:$port/"
  radosgw-admin -c "$conf" -n client.rgw.a user create --uid=copydesk --display-name="Copydesk tests" \
    --access-key="$access_key" --secret-key="$secret_key" >/dev/null
  echo "export S3_TEST_ENDPOINT=http://127.0.0.1:$port S3_TEST_ACCESS_KEY_ID=$access_key S3_TEST_SECRET_ACCESS_KEY=$secret_key"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
