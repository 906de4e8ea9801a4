#!/usr/bin/env bash
# Starts the image that `./mvnw -Pimage verify` built (target/meridian-image.tar) without a container daemon, as a
# runtime would, checks that it comes up, and stops it (docs/deployment.md, "Trying the image without a daemon").
# Needs root (unshare, chroot, nsenter), jq and curl; with no SPRING_DATASOURCE_URL also a PostgreSQL server's programs
# (initdb, pg_ctl, psql: Debian's postgresql package) for a throwaway database; EMBEDDED=1 uses the image's embedded
# PostgreSQL in its volume instead. Not part of the tests.
#
#   sudo scripts/try-image.sh [IMAGE.tar]          # PORT (default 18080) is where Meridian listens on this machine
#
# What it does: unpacks the image's layers in the manifest's order into a folder; starts the config's Entrypoint
# there with the config's Env, User (10001:0) and WorkingDir, in a chroot in its own mount and process namespaces
# (the program is process 1, /proc its own, /dev the machine's, /tmp and /dev/shm empty tmpfs), on this machine's
# network (like --network host), with an external PostgreSQL: a throwaway cluster on 127.0.0.1, or the one of
# SPRING_DATASOURCE_URL (with _USERNAME, _PASSWORD). Then it waits for /actuator/health/readiness to answer UP,
# asks /login, runs the image's HEALTHCHECK command in the same chroot as the same user, sends SIGTERM and waits
# for Meridian to stop. Exit status 0 when all of that went as it should. KEEP=1 keeps the folder.
set -euo pipefail

image=$(realpath "${1:-target/meridian-image.tar}")
port=${PORT:-18080}
timeout=${TRY_TIMEOUT:-600}

if [ "$(id -u)" -ne 0 ]; then
  echo "try-image.sh needs root (unshare, chroot): sudo $0 $*" >&2
  exit 2
fi
for tool in jq curl unshare chroot; do
  command -v "$tool" >/dev/null || { echo "try-image.sh needs $tool" >&2; exit 2; }
done
[ -f "$image" ] || { echo "no image $image: build it with ./mvnw -Pimage verify" >&2; exit 2; }

work=$(mktemp -d /tmp/meridian-try.XXXXXX)
chmod 755 "$work"
rootfs=$work/rootfs
pg=$work/postgres # the throwaway cluster's folder, its server's log and password, owned by postgres
meridian=
cleanup() {
  if [ -n "$meridian" ] && kill -0 "$meridian" 2>/dev/null; then kill -KILL "$meridian" 2>/dev/null || true; fi
  if [ -f "$pg/data/postmaster.pid" ]; then runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg/data" -m fast stop >/dev/null || true; fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "Unpacking $image"
mkdir -p "$work/image" "$rootfs"
tar -xf "$image" -C "$work/image"
manifest=$work/image/manifest.json
config=$work/image/$(jq -r '.[0].Config' "$manifest")
for layer in $(jq -r '.[0].Layers[]' "$manifest"); do
  # Jib's and this base's layers delete nothing (no .wh. files); a runtime would apply those here
  tar -xf "$work/image/$layer" -C "$rootfs" --numeric-owner --same-owner --same-permissions \
    --warning=no-unknown-keyword # Jib writes LIBARCHIVE.creationtime into its extended headers
done
user=$(jq -r '.config.User // "0"' "$config")
workdir=$(jq -r '.config.WorkingDir // "/"' "$config")
mapfile -t entrypoint < <(jq -r '.config.Entrypoint[]' "$config")
mapfile -t healthcheck < <(jq -r '.config.Healthcheck.Test[1:][]' "$config")
mapfile -t environment < <(jq -r '.config.Env[]' "$config")
echo "User $user, WorkingDir $workdir, Entrypoint ${entrypoint[*]}"

# what a runtime writes into a container
printf '127.0.0.1\tlocalhost meridian\n::1\tlocalhost ip6-localhost\n' >"$rootfs/etc/hosts"
echo meridian >"$rootfs/etc/hostname"
home=$(awk -F: -v u="${user%%:*}" '$3 == u { print $6 }' "$rootfs/etc/passwd")
environment+=("HOSTNAME=meridian" "HOME=${home:-/}" "PORT=$port")

if [ "${EMBEDDED:-0}" = 1 ]; then
  echo "The image's own embedded PostgreSQL, in its volume /var/lib/meridian (root:0, 770)"
elif [ -z "${SPRING_DATASOURCE_URL:-}" ]; then
  pg_bin=$(dirname "$(command -v initdb || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | tail -n 1)")
  [ -x "$pg_bin/initdb" ] || { echo "no PostgreSQL programs (initdb) here: set SPRING_DATASOURCE_URL" >&2; exit 2; }
  pg_port=${PG_PORT:-15433}
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  echo "A throwaway PostgreSQL ($("$pg_bin/postgres" --version)) on 127.0.0.1:$pg_port"
  mkdir -m 700 "$pg"
  echo "$password" >"$pg/password"
  chown -R postgres "$pg"
  runuser -u postgres -- "$pg_bin/initdb" -D "$pg/data" -U postgres --auth=scram-sha-256 \
    --pwfile="$pg/password" -E UTF8 --locale=C.UTF-8 >"$pg/initdb.log"
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg/data" -l "$pg/server.log" -w \
    -o "-p $pg_port -k $pg -c listen_addresses=127.0.0.1" start >/dev/null
  PGPASSWORD=$password psql -q -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE ROLE meridian LOGIN PASSWORD '$password'" -c "CREATE DATABASE meridian OWNER meridian ENCODING 'UTF8'"
  environment+=("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$pg_port/meridian"
    "SPRING_DATASOURCE_USERNAME=meridian" "SPRING_DATASOURCE_PASSWORD=$password")
else
  environment+=("SPRING_DATASOURCE_URL=$SPRING_DATASOURCE_URL"
    "SPRING_DATASOURCE_USERNAME=${SPRING_DATASOURCE_USERNAME:-}" "SPRING_DATASOURCE_PASSWORD=${SPRING_DATASOURCE_PASSWORD:-}")
fi
environment+=("MERIDIAN_HOSPITAL_NAME=${MERIDIAN_HOSPITAL_NAME:-Try-image Hospital}"
  "MERIDIAN_ADMIN_PASSWORD=${MERIDIAN_ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64)}")

# for the namespace's shell below
export rootfs user workdir

echo "Starting Meridian on port $port (log: $work/meridian.log)"
started=$(date +%s)
unshare --mount --pid --fork --mount-proc="$rootfs/proc" bash -c '
  mount --rbind /dev "$rootfs/dev"
  mount -t tmpfs -o mode=1777 tmpfs "$rootfs/dev/shm"
  mount -t tmpfs -o mode=1777 tmpfs "$rootfs/tmp"
  environment=("${@:2:$1}"); shift $(($1 + 1))
  exec chroot --userspec="$user" --groups="${user#*:}" "$rootfs" /usr/bin/env -i "${environment[@]}" \
    sh -c "cd \"\$0\" && exec \"\$@\"" "$workdir" "$@"
' try-image "${#environment[@]}" "${environment[@]}" "${entrypoint[@]}" >"$work/meridian.log" 2>&1 &
namespace=$!
sleep 2
meridian=$(pgrep -P "$namespace" || true) # the Entrypoint, process 1 of its namespace
[ -n "$meridian" ] || { cat "$work/meridian.log" >&2; echo "Meridian did not start" >&2; exit 1; }
echo "Entrypoint runs as $(ps -o user=,group=,args= -p "$meridian" | cut -c1-160)"

readiness=http://127.0.0.1:$port/actuator/health/readiness
until [ "$(curl -s --max-time 5 "$readiness" || true)" = '{"status":"UP"}' ]; do
  if ! kill -0 "$meridian" 2>/dev/null; then
    tail -n 60 "$work/meridian.log" >&2; echo "Meridian stopped before it was ready" >&2; exit 1
  fi
  if [ $(($(date +%s) - started)) -gt "$timeout" ]; then
    tail -n 60 "$work/meridian.log" >&2; echo "not ready after $timeout s" >&2; exit 1
  fi
  sleep 2
done
echo "Ready after $(($(date +%s) - started)) s: $readiness answers {\"status\":\"UP\"}"
echo "GET /login: $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login")"
# the HEALTHCHECK runs in the container beside Meridian: here in the same folder, as the same user
check_status=0
nsenter --target "$meridian" --mount --pid \
  chroot --userspec="$user" --groups="${user#*:}" "$rootfs" /usr/bin/env -i "${environment[@]}" \
  sh -c 'cd "$0" && exec "$@"' "$workdir" "${healthcheck[@]}" || check_status=$?
echo "HEALTHCHECK ${healthcheck[*]}: exit status $check_status"
echo "Data directory: $(ls -ln "$rootfs/var/lib/meridian" | tail -n +2 | awk '{print $1, $3 ":" $4, $9}' | paste -sd ',' | sed 's/,/, /g')"

echo "SIGTERM"
kill -TERM "$meridian"
status=0
wait "$namespace" || status=$?
meridian=
echo "Meridian stopped with exit status $status after $(($(date +%s) - started)) s in all"
grep -E 'Started MeridianApplication|Graceful shutdown|Commencing graceful' "$work/meridian.log" | cut -c1-200 || true
[ "$check_status" -eq 0 ] && { [ "$status" -eq 0 ] || [ "$status" -eq 143 ]; }
